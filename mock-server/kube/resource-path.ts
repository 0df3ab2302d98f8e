/** Parses REST paths under /api and /apis into the kind, namespace, name and subresource they address. */
import { KINDS, type KindInfo } from '../../mesh/kinds';

export interface ResourceTarget {
  readonly info: KindInfo;
  /** The version in the URL, which responses are served in. */
  readonly version: string;
  /** The namespace in the URL; undefined for cluster-scoped kinds and all-namespace collections. */
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

export const SUBRESOURCES: readonly string[] = ['status'];

function findServed(group: string, version: string, plural: string | undefined): KindInfo | undefined {
  return KINDS.find((k) => k.group === group && k.plural === plural && k.versions.includes(version));
}

function target(
  info: KindInfo,
  version: string,
  namespace: string | undefined,
  rest: readonly string[],
): ResourceTarget | undefined {
  const [name, subresource, ...extra] = rest;
  if (extra.length > 0 || name === '' || (subresource !== undefined && !SUBRESOURCES.includes(subresource))) {
    return undefined;
  }
  return { info, version, namespace, name, subresource };
}

/**
 * `segments` follow the group: [version, ...]. For example ['v1', 'namespaces', 'ns', 'pods', 'p'].
 * Returns undefined when the path names nothing this server serves.
 */
export function parseResourcePath(group: string, segments: readonly string[]): ResourceTarget | undefined {
  const [version = '', ...rest] = segments;
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest[1]) {
    const info = findServed(group, version, rest[2]);
    if (info?.namespaced) return target(info, version, rest[1], rest.slice(3));
  }
  const info = findServed(group, version, rest[0]);
  if (!info) return undefined;
  // A namespaced kind is only addressable by name inside its namespace.
  if (info.namespaced && rest.length > 1) return undefined;
  return target(info, version, undefined, rest.slice(1));
}

/** Splits a URL path (without query) into decoded segments. */
export function pathSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((segment) => segment.length > 0)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}
