/**
 * The attributes and badges the find/hide language knows: names, aliases, what they apply to (nodes,
 * edges or both, as in Kiali's find: node attributes match nodes, edge attributes match edges) and
 * how to read them from the graph. The parser, evaluator, completion and the docs all read this table.
 */
import type { NodeBadge, TopologyEdge, TopologyNode } from '../model';

export type AppliesTo = 'node' | 'edge' | 'both';

/** Numbers are compared in these base units; literals may carry a suffix converting into them. */
export type NumberUnit = 'percent' | 'ms' | 'rps' | 'bytes';

/** What an attribute reads: `undefined` means "does not apply" (the comparison is neither true nor false). */
export type AttributeValue = string | readonly string[] | number | boolean | undefined;

interface AttributeBase {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly appliesTo: AppliesTo;
  readonly node?: (node: TopologyNode) => AttributeValue;
  readonly edge?: (edge: TopologyEdge) => AttributeValue;
}

export type FindAttribute =
  | (AttributeBase & { readonly type: 'text' })
  | (AttributeBase & { readonly type: 'enum'; readonly values: readonly string[] })
  | (AttributeBase & { readonly type: 'number'; readonly unit: NumberUnit; readonly example: string; readonly alsoFlag?: boolean })
  | (AttributeBase & { readonly type: 'flag' });

const HEALTHS = ['healthy', 'degraded', 'failure', 'idle', 'unknown'] as const;

function hasBadge(badge: NodeBadge): (node: TopologyNode) => boolean {
  return (node) => node.badges.includes(badge);
}

function badgeFlag(name: string, aliases: readonly string[], badge: NodeBadge, description: string): FindAttribute {
  return { name, aliases, description, appliesTo: 'node', type: 'flag', node: hasBadge(badge) };
}

function percent(ratio: number | undefined): number | undefined {
  return ratio === undefined ? undefined : ratio * 100;
}

const edgeIdle = (e: TopologyEdge): boolean => e.rps === 0 && e.throughputBps === 0;

function edgeCodes(e: TopologyEdge): string[] {
  return Object.keys(e.responses);
}

function edgeFlags(e: TopologyEdge): string[] {
  const flags = new Set<string>();
  for (const byFlag of Object.values(e.responses)) for (const flag of Object.keys(byFlag)) for (const one of flag.split(',')) flags.add(one);
  return [...flags];
}

export const FIND_ATTRIBUTES: readonly FindAttribute[] = [
  { name: 'name', aliases: [], type: 'text', appliesTo: 'node', description: 'Node label: workload, app, service or host name', node: (n) => n.name },
  { name: 'namespace', aliases: ['ns'], type: 'text', appliesTo: 'node', description: 'Namespace of the node', node: (n) => n.namespace },
  { name: 'app', aliases: [], type: 'text', appliesTo: 'node', description: 'App (canonical service) of the node', node: (n) => n.app ?? '' },
  { name: 'version', aliases: ['ver'], type: 'text', appliesTo: 'node', description: 'Version (canonical revision) of the node', node: (n) => n.version ?? '' },
  { name: 'workload', aliases: ['wl'], type: 'text', appliesTo: 'node', description: 'Workload of the node', node: (n) => n.workload ?? '' },
  {
    name: 'service',
    aliases: ['svc'],
    type: 'text',
    appliesTo: 'both',
    description: 'Service of a node; on an edge, the service FQDNs its requests were addressed to',
    node: (n) => n.service ?? '',
    edge: (e) => e.services,
  },
  { name: 'cluster', aliases: [], type: 'text', appliesTo: 'node', description: 'Cluster of the node', node: (n) => n.cluster },
  {
    name: 'kind',
    aliases: ['type'],
    type: 'enum',
    values: ['workload', 'app', 'service', 'external', 'unknown', 'aggregate'],
    appliesTo: 'node',
    description: 'What the node stands for',
    node: (n) => n.kind,
  },
  { name: 'health', aliases: [], type: 'enum', values: HEALTHS, appliesTo: 'both', description: 'Health of a node or edge', node: (n) => n.health, edge: (e) => e.health },
  {
    name: 'protocol',
    aliases: ['proto'],
    type: 'enum',
    values: ['http', 'grpc', 'tcp'],
    appliesTo: 'edge',
    description: 'Protocol of the edge',
    edge: (e) => e.protocol,
  },
  { name: 'code', aliases: ['response'], type: 'text', appliesTo: 'edge', description: 'A response code seen on the edge, e.g. code = 503', edge: edgeCodes },
  { name: 'flags', aliases: ['flag'], type: 'text', appliesTo: 'edge', description: 'An Envoy response flag seen on the edge, e.g. flags = UO', edge: edgeFlags },
  {
    name: 'rps',
    aliases: ['traffic'],
    type: 'number',
    unit: 'rps',
    example: '5rps',
    appliesTo: 'both',
    description: 'Requests per second: into a node, or along an edge',
    node: (n) => n.traffic.inRps,
    edge: (e) => e.rps,
  },
  { name: 'outrps', aliases: ['rpsout'], type: 'number', unit: 'rps', example: '5rps', appliesTo: 'node', description: 'Requests per second out of a node', node: (n) => n.traffic.outRps },
  {
    name: 'error',
    aliases: ['errors', 'err'],
    type: 'number',
    unit: 'percent',
    example: '1%',
    appliesTo: 'both',
    description: 'Share of requests failing (5xx, gRPC errors): into a node, or along an edge',
    node: (n) => percent(n.traffic.inErrorRatio),
    edge: (e) => (e.protocol === 'tcp' ? undefined : percent(e.errorRatio)),
  },
  {
    name: 'latency',
    aliases: ['p95', 'rt', 'responsetime'],
    type: 'number',
    unit: 'ms',
    example: '500ms',
    appliesTo: 'edge',
    description: '95th percentile response time of the edge',
    edge: (e) => e.latency.p95Ms,
  },
  { name: 'p50', aliases: ['median'], type: 'number', unit: 'ms', example: '100ms', appliesTo: 'edge', description: 'Median response time of the edge', edge: (e) => e.latency.p50Ms },
  { name: 'p99', aliases: [], type: 'number', unit: 'ms', example: '1s', appliesTo: 'edge', description: '99th percentile response time of the edge', edge: (e) => e.latency.p99Ms },
  { name: 'avg', aliases: ['mean'], type: 'number', unit: 'ms', example: '200ms', appliesTo: 'edge', description: 'Mean response time of the edge', edge: (e) => e.latency.avgMs },
  {
    name: 'throughput',
    aliases: ['bytes', 'bps'],
    type: 'number',
    unit: 'bytes',
    example: '10kb',
    appliesTo: 'edge',
    description: 'Bytes per second along the edge (request + response, or TCP)',
    edge: (e) => e.throughputBps,
  },
  {
    name: 'mtls',
    aliases: [],
    type: 'number',
    unit: 'percent',
    example: '100%',
    alsoFlag: true,
    appliesTo: 'edge',
    description: 'Share of the edge’s traffic with mutual TLS; bare `mtls`: any traffic with mTLS',
    edge: (e) => percent(e.mtlsRatio),
  },
  {
    name: 'healthy',
    aliases: [],
    type: 'flag',
    appliesTo: 'both',
    description: 'Node or edge is healthy (errors under Kiali’s tolerances)',
    node: (n) => n.health === 'healthy',
    edge: (e) => e.health === 'healthy',
  },
  {
    name: 'unhealthy',
    aliases: ['failing'],
    type: 'flag',
    appliesTo: 'both',
    description: 'Node or edge is degraded or failing',
    node: (n) => n.health === 'degraded' || n.health === 'failure',
    edge: (e) => e.health === 'degraded' || e.health === 'failure',
  },
  {
    name: 'idle',
    aliases: [],
    type: 'flag',
    appliesTo: 'both',
    description: 'No traffic in the window',
    node: (n) => n.health === 'idle',
    edge: edgeIdle,
  },
  badgeFlag('vs', ['virtualservice'], 'virtualService', 'Has a VirtualService'),
  badgeFlag('ts', ['trafficshifting', 'shifting'], 'trafficShifting', 'Traffic shifting (weighted routes)'),
  badgeFlag('fi', ['fault', 'faultinjection'], 'faultInjection', 'Fault injection (delay or abort)'),
  badgeFlag('timeout', [], 'timeout', 'A route timeout'),
  badgeFlag('retries', ['retry'], 'retries', 'Route retries'),
  badgeFlag('cb', ['circuitbreaker'], 'circuitBreaker', 'Circuit breaker or outlier detection'),
  badgeFlag('mirror', ['mirroring'], 'mirroring', 'Traffic mirroring'),
  badgeFlag('se', ['serviceentry'], 'serviceEntry', 'Defined by a ServiceEntry'),
  badgeFlag('ambient', [], 'ambient', 'In the ambient data plane'),
  badgeFlag('waypoint', [], 'waypoint', 'A waypoint proxy, or served by one'),
  badgeFlag('ratelimit', ['rl'], 'rateLimit', 'A local rate limit'),
  badgeFlag('authz', ['authorizationpolicy'], 'authorizationPolicy', 'AuthorizationPolicies apply'),
  badgeFlag('missingsidecar', ['nosidecar'], 'missingSidecar', 'Workload without a sidecar (and not ambient)'),
  {
    name: 'sidecar',
    aliases: [],
    type: 'flag',
    appliesTo: 'node',
    description: 'Workload with a sidecar proxy',
    node: (n) => (n.kind === 'workload' || n.kind === 'app' ? !n.badges.includes('missingSidecar') && !n.badges.includes('ambient') : false),
  },
  {
    name: 'gateway',
    aliases: ['gw'],
    type: 'flag',
    appliesTo: 'node',
    description: 'An ingress, egress or Gateway API gateway',
    node: (n) => n.isGateway === true || n.badges.includes('gateway'),
  },
  { name: 'external', aliases: [], type: 'flag', appliesTo: 'node', description: 'Outside the mesh (ServiceEntry host, passthrough)', node: (n) => n.kind === 'external' },
  { name: 'unknown', aliases: [], type: 'flag', appliesTo: 'node', description: 'A source Istio could not identify', node: (n) => n.kind === 'unknown' },
  { name: 'inaccessible', aliases: [], type: 'flag', appliesTo: 'node', description: 'Seen in telemetry but with no Kubernetes object', node: (n) => n.isInaccessible === true },
  { name: 'aggregate', aliases: ['collapsed'], type: 'flag', appliesTo: 'node', description: 'A collapsed box', node: (n) => n.kind === 'aggregate' },
];

const BY_NAME = new Map<string, FindAttribute>();
for (const attribute of FIND_ATTRIBUTES) for (const name of [attribute.name, ...attribute.aliases]) BY_NAME.set(name, attribute);

/** The attribute a name or alias stands for (case-insensitive). */
export function findAttribute(name: string): FindAttribute | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Whether `attribute` can stand alone (`mtls`, `fi`). */
export function isFlag(attribute: FindAttribute): boolean {
  return attribute.type === 'flag' || (attribute.type === 'number' && attribute.alsoFlag === true);
}

export interface FindPreset {
  readonly label: string;
  readonly expression: string;
}

export const FIND_PRESETS: readonly FindPreset[] = [
  { label: 'Unhealthy', expression: 'unhealthy' },
  { label: 'Errors (> 1%)', expression: 'error > 1%' },
  { label: 'Slow (p95 > 500ms)', expression: 'p95 > 500ms' },
  { label: 'No mTLS', expression: 'not mtls' },
  { label: 'Partial mTLS', expression: 'mtls > 0% and mtls < 100%' },
  { label: 'Faults injected', expression: 'fi' },
  { label: 'Traffic shifting', expression: 'ts' },
  { label: 'Circuit breakers', expression: 'cb' },
  { label: 'Missing sidecar', expression: 'missingsidecar' },
  { label: 'Gateways', expression: 'gateway' },
  { label: 'Outside the mesh', expression: 'external or unknown' },
  { label: 'Idle', expression: 'idle' },
];
