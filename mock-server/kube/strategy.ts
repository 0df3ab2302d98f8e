/**
 * What the API server does to a client's object before storing it: defaults, and which parts a write
 * may change (status is a subresource for most kinds, so the main resource cannot change it).
 */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { cloneJson, isRecord, type JsonRecord } from './json-value';
import type { ObjectStore } from './store';

export function hasStatusSubresource(info: KindInfo): boolean {
  return !(info.group === '' && (info.kind === 'ConfigMap' || info.kind === 'ServiceAccount'));
}

function specOf(obj: KubeObject): JsonRecord {
  obj.spec = isRecord(obj.spec) ? obj.spec : {};
  return obj.spec;
}

function statusOf(obj: KubeObject): JsonRecord {
  obj.status = isRecord(obj.status) ? obj.status : {};
  return obj.status;
}

const SERVICE_RANGE_START = (10 << 24) | (96 << 16); // 10.96.0.0/12
const SERVICE_RANGE_SIZE = 1 << 20;

function ipText(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** A deterministic free address for a service, so seeded clusters look the same every time. */
function allocateClusterIP(store: ObjectStore, info: KindInfo, key: string): string {
  const used = new Set(store.list(info).items.map((svc) => (isRecord(svc.spec) ? svc.spec.clusterIP : undefined)));
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  for (let probe = 0; probe < SERVICE_RANGE_SIZE; probe++) {
    const offset = (hash + probe) % SERVICE_RANGE_SIZE;
    if (offset < 2 || (offset & 255) === 0 || (offset & 255) === 255) continue;
    const candidate = ipText(SERVICE_RANGE_START + offset);
    if (!used.has(candidate)) return candidate;
  }
  throw new Error('the service IP range is exhausted');
}

function defaultServicePorts(spec: JsonRecord): void {
  if (!Array.isArray(spec.ports)) return;
  for (const port of spec.ports) {
    if (!isRecord(port)) continue;
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
}

function defaultService(obj: KubeObject, store: ObjectStore, info: KindInfo, current?: KubeObject): void {
  const spec = specOf(obj);
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  defaultServicePorts(spec);
  if (spec.type === 'ExternalName') return;
  const previous = current && isRecord(current.spec) ? current.spec : undefined;
  if (spec.clusterIP === undefined || spec.clusterIP === '') {
    spec.clusterIP =
      previous?.clusterIP ?? allocateClusterIP(store, info, `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`);
  }
  spec.clusterIPs ??= [spec.clusterIP];
  if (!current) statusOf(obj).loadBalancer ??= {};
}

function defaultNamespace(obj: KubeObject, current?: KubeObject): void {
  const name = obj.metadata.name ?? '';
  obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': name };
  specOf(obj).finalizers ??= ['kubernetes'];
  if (!current) statusOf(obj).phase ??= 'Active';
}

function defaultPod(obj: KubeObject, current?: KubeObject): void {
  const spec = specOf(obj);
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  if (!current) statusOf(obj).phase ??= 'Pending';
}

function defaultDeployment(obj: KubeObject): void {
  const spec = specOf(obj);
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

/** Kind-specific defaults; `current` is the stored object on update. Mutates `obj`. */
function applyDefaults(info: KindInfo, obj: KubeObject, store: ObjectStore, current?: KubeObject): void {
  if (info.group === 'apps' && info.kind === 'Deployment') defaultDeployment(obj);
  if (info.group !== '') return;
  if (info.kind === 'Service') defaultService(obj, store, info, current);
  else if (info.kind === 'Namespace') defaultNamespace(obj, current);
  else if (info.kind === 'Pod') defaultPod(obj, current);
}

/** Defaults for an object created by the server itself (seeding): a status already present is kept. */
export function withCreateDefaults(info: KindInfo, input: KubeObject, store: ObjectStore): KubeObject {
  const obj = cloneJson(input);
  applyDefaults(info, obj, store);
  return obj;
}

/** A client's create: status is the server's to set where it is a subresource. */
export function prepareCreate(info: KindInfo, input: KubeObject, store: ObjectStore): KubeObject {
  const obj = cloneJson(input);
  if (hasStatusSubresource(info)) delete obj.status;
  applyDefaults(info, obj, store);
  return obj;
}

/** A client's update of the main resource: status stays as stored where it is a subresource. */
export function prepareUpdate(info: KindInfo, input: KubeObject, current: KubeObject, store: ObjectStore): KubeObject {
  const obj = cloneJson(input);
  if (hasStatusSubresource(info)) {
    if (current.status === undefined) delete obj.status;
    else obj.status = cloneJson(current.status);
  }
  applyDefaults(info, obj, store, current);
  return obj;
}

/** An update through the status subresource changes the status and nothing else. */
export function prepareStatusUpdate(input: KubeObject, current: KubeObject): KubeObject {
  const obj = cloneJson(current);
  if (input.status === undefined) delete obj.status;
  else obj.status = cloneJson(input.status);
  obj.metadata.resourceVersion = input.metadata.resourceVersion;
  return obj;
}
