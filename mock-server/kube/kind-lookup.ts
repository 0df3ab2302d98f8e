/** Finding the kind of an object or a well-known kind. */
import { findKind, parseApiVersion, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { badRequest } from './errors';

function requireKind(group: string, kind: string): KindInfo {
  const info = findKind(group, kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export const NAMESPACE_KIND = requireKind('', 'Namespace');

/** The kind an object declares with apiVersion and kind; throws 400 when this server does not serve it. */
export function kindOfObject(obj: KubeObject): KindInfo {
  const { group } = parseApiVersion(obj.apiVersion);
  const info = findKind(group, obj.kind);
  if (!info) throw badRequest(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
  return info;
}
