/** The columns `kubectl get` shows per kind, as the API server's printers and the CRDs' printer columns define them. */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { ageOf } from './time-format';
import { getPath, isRecord } from './json-value';

export interface ColumnSpec {
  name: string;
  type: 'string' | 'integer' | 'date';
  format?: string;
  description: string;
  priority?: number;
  cell: (obj: KubeObject, now: Date) => unknown;
}

const NONE = '<none>';

const NAME: ColumnSpec = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  cell: (obj) => obj.metadata.name ?? '',
};

const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created.';

function age(type: 'string' | 'date'): ColumnSpec {
  return { name: 'Age', type, description: AGE_DESCRIPTION, cell: (obj, now) => ageOf(obj.metadata.creationTimestamp, now) };
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(value: unknown, fallback = NONE): string {
  if (value === undefined || value === null || value === '') return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function count(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function column(name: string, description: string, cell: ColumnSpec['cell'], priority = 0): ColumnSpec {
  return { name, type: 'string', description, cell, priority };
}

function integerColumn(name: string, description: string, cell: ColumnSpec['cell']): ColumnSpec {
  return { name, type: 'integer', description, cell };
}

/** A CRD printer column: missing values print as <none>, lists and maps as JSON. */
function printerColumn(name: string, path: string, description: string, priority = 0): ColumnSpec {
  const segments = path.split('.');
  return column(name, description, (obj) => {
    const value = getPath(obj, segments);
    return value === undefined ? null : text(value);
  }, priority);
}

function conditionColumn(name: string, type: string, description: string): ColumnSpec {
  return column(name, description, (obj) => {
    const condition = records(getPath(obj, ['status', 'conditions'])).find((c) => c.type === type);
    return condition ? text(condition.status) : null;
  });
}

function selectorText(selector: unknown): string {
  if (!isRecord(selector)) return NONE;
  const pairs = Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`);
  return pairs.length > 0 ? pairs.join(',') : NONE;
}

function podStatus(obj: KubeObject): string {
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  for (const container of records(getPath(obj, ['status', 'containerStatuses']))) {
    const reason = getPath(container, ['state', 'waiting', 'reason']) ?? getPath(container, ['state', 'terminated', 'reason']);
    if (typeof reason === 'string' && container.ready !== true) return reason;
  }
  return text(getPath(obj, ['status', 'reason']) ?? getPath(obj, ['status', 'phase']), 'Unknown');
}

function podReady(obj: KubeObject): string {
  const statuses = records(getPath(obj, ['status', 'containerStatuses']));
  const total = records(getPath(obj, ['spec', 'containers'])).length;
  return `${statuses.filter((s) => s.ready === true).length}/${total}`;
}

function podRestarts(obj: KubeObject, now: Date): number | string {
  const statuses = records(getPath(obj, ['status', 'containerStatuses']));
  const restarts = statuses.reduce((sum, s) => sum + count(s.restartCount), 0);
  const finished = statuses
    .map((s) => getPath(s, ['lastState', 'terminated', 'finishedAt']))
    .filter((t): t is string => typeof t === 'string')
    .sort()
    .pop();
  return restarts > 0 && finished ? `${restarts} (${ageOf(finished, now)} ago)` : restarts;
}

function servicePorts(obj: KubeObject): string {
  const ports = records(getPath(obj, ['spec', 'ports'])).map((p) => {
    const nodePort = p.nodePort === undefined ? '' : `:${String(p.nodePort)}`;
    return `${String(p.port)}${nodePort}/${text(p.protocol, 'TCP')}`;
  });
  return ports.length > 0 ? ports.join(',') : NONE;
}

function externalIP(obj: KubeObject): string {
  const type = getPath(obj, ['spec', 'type']);
  if (type === 'ExternalName') return text(getPath(obj, ['spec', 'externalName']));
  const ingress = records(getPath(obj, ['status', 'loadBalancer', 'ingress'])).map((i) => text(i.ip ?? i.hostname, ''));
  const external = getPath(obj, ['spec', 'externalIPs']);
  const addresses = [...ingress, ...(Array.isArray(external) ? external.map((ip) => String(ip)) : [])].filter(Boolean);
  if (addresses.length > 0) return addresses.join(',');
  return type === 'LoadBalancer' ? '<pending>' : NONE;
}

function containersOf(obj: KubeObject): Record<string, unknown>[] {
  return records(getPath(obj, ['spec', 'template', 'spec', 'containers']));
}

const BUILTIN_COLUMNS: Readonly<Record<string, readonly ColumnSpec[]>> = {
  Namespace: [NAME, column('Status', 'The status of the namespace', (o) => text(getPath(o, ['status', 'phase']), 'Active')), age('string')],
  Pod: [
    NAME,
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.', podReady),
    column('Status', 'The aggregate status of the containers in this pod.', podStatus),
    { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.', cell: podRestarts },
    age('string'),
    column('IP', 'IP address allocated to the pod. Routable at least within the cluster.', (o) => text(getPath(o, ['status', 'podIP'])), 1),
    column('Node', 'Name of the Node this pod is running on.', (o) => text(getPath(o, ['spec', 'nodeName'])), 1),
    column('Nominated Node', 'Name of the Node this pod is nominated to run on.', (o) => text(getPath(o, ['status', 'nominatedNodeName'])), 1),
    column('Readiness Gates', 'The readiness gates of the pod.', () => NONE, 1),
  ],
  Service: [
    NAME,
    column('Type', 'The type of the service.', (o) => text(getPath(o, ['spec', 'type']), 'ClusterIP')),
    column('Cluster-IP', 'The cluster IP of the service.', (o) => text(getPath(o, ['spec', 'clusterIP']))),
    column('External-IP', 'The external IPs of the service.', externalIP),
    column('Port(s)', 'The ports of the service.', servicePorts),
    age('string'),
    column('Selector', 'The label selector of the service.', (o) => selectorText(getPath(o, ['spec', 'selector'])), 1),
  ],
  ConfigMap: [NAME, integerColumn('Data', 'The number of entries in the config map.', (o) => Object.keys(isRecord(o.data) ? o.data : {}).length + Object.keys(isRecord(o.binaryData) ? o.binaryData : {}).length), age('string')],
  ServiceAccount: [NAME, integerColumn('Secrets', 'The number of secrets of the service account.', (o) => records(o.secrets).length), age('string')],
  Deployment: [
    NAME,
    column('Ready', 'Number of the pod with ready state', (o) => `${count(getPath(o, ['status', 'readyReplicas']))}/${count(getPath(o, ['spec', 'replicas']))}`),
    integerColumn('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', (o) => count(getPath(o, ['status', 'updatedReplicas']))),
    integerColumn('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', (o) => count(getPath(o, ['status', 'availableReplicas']))),
    age('string'),
    column('Containers', 'Names of each container in the template.', (o) => containersOf(o).map((c) => text(c.name, '')).join(','), 1),
    column('Images', 'Images referenced by each container in the template.', (o) => containersOf(o).map((c) => text(c.image, '')).join(','), 1),
    column('Selector', 'Label selector for pods.', (o) => selectorText(getPath(o, ['spec', 'selector', 'matchLabels'])), 1),
  ],
};

/** additionalPrinterColumns of the Istio and Gateway API CRDs, keyed "group/Kind". */
const CRD_COLUMNS: Readonly<Record<string, readonly ColumnSpec[]>> = {
  'networking.istio.io/VirtualService': [
    printerColumn('Gateways', 'spec.gateways', 'The names of gateways and sidecars that should apply these routes'),
    printerColumn('Hosts', 'spec.hosts', 'The destination hosts to which traffic is being sent'),
  ],
  'networking.istio.io/DestinationRule': [printerColumn('Host', 'spec.host', 'The name of a service from the service registry')],
  'networking.istio.io/ServiceEntry': [
    printerColumn('Hosts', 'spec.hosts', 'The hosts associated with the ServiceEntry'),
    printerColumn('Location', 'spec.location', 'Whether the service is external to the mesh or part of the mesh (MESH_EXTERNAL or MESH_INTERNAL)'),
    printerColumn('Resolution', 'spec.resolution', 'Service resolution mode for the hosts (NONE, STATIC, or DNS)'),
  ],
  'networking.istio.io/WorkloadEntry': [printerColumn('Address', 'spec.address', 'Address associated with the network endpoint.')],
  'security.istio.io/PeerAuthentication': [printerColumn('Mode', 'spec.mtls.mode', 'Defines the mTLS mode used for peer authentication.')],
  'security.istio.io/AuthorizationPolicy': [printerColumn('Action', 'spec.action', 'The operation to take.')],
  'gateway.networking.k8s.io/GatewayClass': [
    printerColumn('Controller', 'spec.controllerName', ''),
    conditionColumn('Accepted', 'Accepted', ''),
  ],
  'gateway.networking.k8s.io/Gateway': [
    printerColumn('Class', 'spec.gatewayClassName', ''),
    column('Address', '', (o) => {
      const addresses = records(getPath(o, ['status', 'addresses'])).map((a) => text(a.value, ''));
      return addresses.length > 0 ? addresses.join(',') : null;
    }),
    conditionColumn('Programmed', 'Programmed', ''),
  ],
  'gateway.networking.k8s.io/HTTPRoute': [printerColumn('Hostnames', 'spec.hostnames', '')],
  'gateway.networking.k8s.io/GRPCRoute': [printerColumn('Hostnames', 'spec.hostnames', '')],
};

export function columnsFor(info: KindInfo): readonly ColumnSpec[] {
  if (info.group === '' || info.group === 'apps') return BUILTIN_COLUMNS[info.kind] ?? [NAME, age('string')];
  return [NAME, ...(CRD_COLUMNS[`${info.group}/${info.kind}`] ?? []), age('date')];
}
