/**
 * Which graph node a telemetry endpoint (one side of a sample's labels) or an inventory object stands
 * for, per graph type. Unknown sources become the "unknown" node; requests no workload answered go to
 * their service node, or to an external node for ServiceEntry hosts and Envoy's PassthroughCluster /
 * BlackHoleCluster; in service graphs, a caller is its workload's service when it has one.
 */
import { UNKNOWN } from '../telemetry/labels';
import type { ConfigIndex } from './config-index';
import {
  UNKNOWN_NODE_ID,
  aggregateNodeId,
  appBoxId,
  appNodeId,
  externalNodeId,
  namespaceBoxId,
  serviceNodeId,
  versionedAppNodeId,
  workloadNodeId,
} from './ids';
import type { Inventory, WorkloadInfo } from './inventory';
import { workloadKey } from './inventory';
import type { GraphType, TopologyNode } from './model';

/** What a node is, before traffic, badges and health are known. */
export interface NodeSeed
  extends Pick<TopologyNode, 'id' | 'kind' | 'cluster' | 'namespace' | 'name' | 'app' | 'version' | 'workload' | 'service'> {
  /** For external nodes: the host. */
  readonly host?: string;
  readonly box?: string;
}

export type Labels = Readonly<Record<string, string>>;

const PASSTHROUGH = new Set(['PassthroughCluster', 'BlackHoleCluster', 'InboundPassthroughCluster', 'InboundPassthroughClusterIpv4']);

export interface EndpointContext {
  readonly graphType: GraphType;
  readonly inventory: Inventory;
  readonly config: ConfigIndex;
  readonly defaultCluster: string;
  /** Seeds by id, shared so that each node's seed is made once. */
  readonly seeds: Map<string, NodeSeed>;
  /**
   * Namespaces drawn at full detail; every other namespace is one aggregate node (the overview of a big
   * mesh). Undefined: every namespace at full detail.
   */
  readonly detailNamespaces?: ReadonlySet<string>;
}

function summarized(ctx: EndpointContext, namespace: string): boolean {
  return ctx.detailNamespaces !== undefined && namespace !== UNKNOWN && namespace !== '' && !ctx.detailNamespaces.has(namespace);
}

/** The one node standing for a whole namespace, with the id a collapsed namespace box gets. */
export function namespaceEndpoint(ctx: EndpointContext, cluster: string, namespace: string): string {
  return remember(ctx, { id: aggregateNodeId(namespaceBoxId(namespace)), kind: 'aggregate', cluster, namespace, name: namespace });
}

function remember(ctx: EndpointContext, seed: NodeSeed): string {
  if (!ctx.seeds.has(seed.id)) ctx.seeds.set(seed.id, seed);
  return seed.id;
}

function boxFor(graphType: GraphType, namespace: string, app: string | undefined): string {
  return graphType === 'versionedApp' && app ? appBoxId(namespace, app) : namespaceBoxId(namespace);
}

/** The node of a workload (telemetry names or inventory), per graph type. */
export function workloadEndpoint(ctx: EndpointContext, cluster: string, namespace: string, workload: string, app: string, version: string): string {
  const c = clusterOf(ctx, cluster);
  switch (ctx.graphType) {
    case 'workload':
      return remember(ctx, { id: workloadNodeId(namespace, workload), kind: 'workload', cluster: c, namespace, name: workload, app, version, workload, box: namespaceBoxId(namespace) });
    case 'app':
      return remember(ctx, { id: appNodeId(namespace, app), kind: 'app', cluster: c, namespace, name: app, app, box: namespaceBoxId(namespace) });
    case 'versionedApp':
      return remember(ctx, { id: versionedAppNodeId(namespace, app, version), kind: 'app', cluster: c, namespace, name: app, app, version, box: boxFor('versionedApp', namespace, app) });
    case 'service': {
      const service = ctx.inventory.servicesOfWorkload.get(workloadKey(namespace, workload))?.[0];
      if (service) {
        const name = service.slice(service.indexOf('/') + 1);
        return serviceEndpoint(ctx, c, namespace, name);
      }
      return remember(ctx, { id: workloadNodeId(namespace, workload), kind: 'workload', cluster: c, namespace, name: workload, app, version, workload, box: namespaceBoxId(namespace) });
    }
  }
}

function clusterOf(ctx: EndpointContext, cluster: string | undefined): string {
  return cluster && cluster !== UNKNOWN ? cluster : ctx.defaultCluster;
}

export function serviceEndpoint(ctx: EndpointContext, cluster: string, namespace: string, name: string): string {
  return remember(ctx, { id: serviceNodeId(namespace, name), kind: 'service', cluster, namespace, name, service: name, box: namespaceBoxId(namespace) });
}

export function externalEndpoint(ctx: EndpointContext, host: string): string {
  const entry = ctx.config.serviceEntryHosts.get(host);
  return remember(ctx, {
    id: externalNodeId(host),
    kind: 'external',
    cluster: ctx.defaultCluster,
    namespace: entry?.namespace ?? '',
    name: host,
    host,
    box: entry ? namespaceBoxId(entry.namespace) : undefined,
  });
}

export function sourceEndpoint(ctx: EndpointContext, labels: Labels): string {
  const workload = labels.source_workload ?? UNKNOWN;
  const namespace = labels.source_workload_namespace ?? UNKNOWN;
  if (summarized(ctx, namespace)) return namespaceEndpoint(ctx, clusterOf(ctx, labels.source_cluster), namespace);
  if (workload === UNKNOWN || namespace === UNKNOWN) {
    return remember(ctx, { id: UNKNOWN_NODE_ID, kind: 'unknown', cluster: ctx.defaultCluster, namespace: UNKNOWN, name: UNKNOWN });
  }
  return workloadEndpoint(ctx, labels.source_cluster ?? '', namespace, workload, labels.source_canonical_service ?? workload, labels.source_canonical_revision ?? 'latest');
}

function isClusterService(ctx: EndpointContext, host: string, namespace: string, name: string): boolean {
  if (ctx.config.serviceEntryHosts.has(host)) return false;
  return namespace !== UNKNOWN && namespace !== '' && (ctx.inventory.services.has(workloadKey(namespace, name)) || host.endsWith('.svc.cluster.local'));
}

export function destinationEndpoint(ctx: EndpointContext, labels: Labels): string {
  const workload = labels.destination_workload ?? UNKNOWN;
  const namespace = labels.destination_workload_namespace ?? UNKNOWN;
  const serviceName = labels.destination_service_name ?? UNKNOWN;
  const serviceNamespace = labels.destination_service_namespace ?? UNKNOWN;
  const host = labels.destination_service ?? serviceName;
  const cluster = clusterOf(ctx, labels.destination_cluster);
  if (PASSTHROUGH.has(serviceName) || PASSTHROUGH.has(host)) return externalEndpoint(ctx, PASSTHROUGH.has(serviceName) ? serviceName : host);
  const inCluster = isClusterService(ctx, host, serviceNamespace, serviceName);
  // Overview samples carry no workload name: a known answering namespace is enough.
  const answered = namespace !== UNKNOWN && (workload !== UNKNOWN || labels.destination_workload === undefined);
  const answering = answered ? namespace : inCluster ? serviceNamespace : UNKNOWN;
  if (summarized(ctx, answering)) return namespaceEndpoint(ctx, cluster, answering);
  if (workload === UNKNOWN || namespace === UNKNOWN) {
    return inCluster ? serviceEndpoint(ctx, cluster, serviceNamespace, serviceName) : externalEndpoint(ctx, host);
  }
  if (ctx.graphType === 'service') return inCluster ? serviceEndpoint(ctx, cluster, serviceNamespace, serviceName) : externalEndpoint(ctx, host);
  return workloadEndpoint(ctx, cluster, namespace, workload, labels.destination_canonical_service ?? workload, labels.destination_canonical_revision ?? 'latest');
}

/** The node an inventory workload stands for (idle nodes). */
export function inventoryEndpoint(ctx: EndpointContext, workload: WorkloadInfo): string {
  return workloadEndpoint(ctx, ctx.defaultCluster, workload.namespace, workload.name, workload.app, workload.version);
}
