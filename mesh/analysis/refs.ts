/** Object references and field paths as findings name them. */

import { parseApiVersion } from '../kinds';
import type { KubeObject } from '../kube-types';
import type { ObjectRef } from './types';

export function refOf(object: KubeObject): ObjectRef {
  const { group } = parseApiVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  const namespace = object.metadata?.namespace;
  return {
    kind: typeof object.kind === 'string' ? object.kind : '',
    group,
    ...(namespace ? { namespace } : {}),
    name: object.metadata?.name ?? '',
  };
}

export function refKey(ref: ObjectRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function groupOf(object: KubeObject): string {
  return parseApiVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '').group;
}

/** "Kind namespace/name", for messages. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** An RFC 6901 JSON pointer for a field path. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
