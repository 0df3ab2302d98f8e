/** Stable ids of nodes and boxes (see model.ts): the same object keeps its id across refreshes and windows. */

export const UNKNOWN_NODE_ID = 'unknown';

export function workloadNodeId(namespace: string, workload: string): string {
  return `workload:${namespace}/${workload}`;
}

export function appNodeId(namespace: string, app: string): string {
  return `app:${namespace}/${app}`;
}

export function versionedAppNodeId(namespace: string, app: string, version: string): string {
  return `versionedApp:${namespace}/${app}/${version}`;
}

export function serviceNodeId(namespace: string, service: string): string {
  return `service:${namespace}/${service}`;
}

export function externalNodeId(host: string): string {
  return `external:${host}`;
}

export function clusterBoxId(cluster: string): string {
  return `box:cluster/${cluster}`;
}

export function namespaceBoxId(namespace: string): string {
  return `box:namespace/${namespace}`;
}

/** The namespace a namespace box stands for, or undefined for other boxes. */
export function namespaceOfBox(boxId: string): string | undefined {
  const prefix = namespaceBoxId('');
  return boxId.startsWith(prefix) && boxId.length > prefix.length ? boxId.slice(prefix.length) : undefined;
}

export function appBoxId(namespace: string, app: string): string {
  return `box:app/${namespace}/${app}`;
}

const BOX_PREFIX = 'box:';
const AGGREGATE_PREFIX = 'aggregate:';

/** The node that stands for a collapsed box, e.g. `aggregate:namespace/bookinfo` for `box:namespace/bookinfo`. */
export function aggregateNodeId(boxId: string): string {
  return AGGREGATE_PREFIX + (boxId.startsWith(BOX_PREFIX) ? boxId.slice(BOX_PREFIX.length) : boxId);
}

/** The box an aggregate node stands for (to expand it again), or undefined for other nodes. */
export function boxOfAggregate(nodeId: string): string | undefined {
  return nodeId.startsWith(AGGREGATE_PREFIX) ? BOX_PREFIX + nodeId.slice(AGGREGATE_PREFIX.length) : undefined;
}
