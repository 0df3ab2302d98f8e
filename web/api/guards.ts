/** Small guards that narrow what comes over the wire from `unknown` into the shapes we rely on. */
import type { KindInfo } from '../../mesh/kinds';
import { apiVersionOf } from '../../mesh/kinds';
import type {
  KubeList,
  KubeObject,
  ObjectMeta,
  Status,
  StatusCause,

  WatchEventType,
} from '../../mesh/kube-types';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** A map of string to string (labels, annotations, selectors); other entries are dropped. */
export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}

function isObjectMeta(value: unknown): value is ObjectMeta {
  if (!isRecord(value)) return false;
  const optionalStrings = ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'];
  return optionalStrings.every((key) => value[key] === undefined || typeof value[key] === 'string');
}

/**
 * Narrows a JSON value to a Kubernetes object. List items of built-in kinds arrive without
 * apiVersion and kind, so those are filled in from the kind we asked for.
 */
export function parseKubeObject(value: unknown, info?: KindInfo): KubeObject | undefined {
  if (!isRecord(value) || !isObjectMeta(value.metadata)) return undefined;
  const apiVersion = asString(value.apiVersion) ?? (info ? apiVersionOf(info) : undefined);
  const kind = asString(value.kind) ?? info?.kind;
  if (apiVersion === undefined || kind === undefined) return undefined;
  return { ...value, apiVersion, kind, metadata: value.metadata };
}

export function parseKubeList(value: unknown, info: KindInfo): KubeList | undefined {
  if (!isRecord(value) || !Array.isArray(value.items)) return undefined;
  const items: KubeObject[] = [];
  for (const raw of value.items) {
    const item = parseKubeObject(raw, info);
    if (item) items.push(item);
  }
  const metadata = asRecord(value.metadata);
  return {
    apiVersion: asString(value.apiVersion) ?? apiVersionOf(info),
    kind: asString(value.kind) ?? `${info.kind}List`,
    metadata: {
      resourceVersion: asString(metadata.resourceVersion),
      continue: asString(metadata.continue) || undefined,
      remainingItemCount: asNumber(metadata.remainingItemCount),
    },
    items,
  };
}

const WATCH_EVENT_TYPES: readonly WatchEventType[] = ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'];

function isWatchEventType(value: unknown): value is WatchEventType {
  return WATCH_EVENT_TYPES.some((type) => type === value);
}

/** A watch event; ERROR events carry a Status and are returned as such. */
export type ParsedWatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: KubeObject }
  | { type: 'ERROR'; object: Status };

export function parseWatchEvent(value: unknown, info: KindInfo): ParsedWatchEvent | undefined {
  if (!isRecord(value) || !isWatchEventType(value.type)) return undefined;
  if (value.type === 'ERROR') {
    const status = parseStatus(value.object);
    return status ? { type: 'ERROR', object: status } : undefined;
  }
  const object = parseKubeObject(value.object, info);
  return object ? { type: value.type, object } : undefined;
}

function parseCause(value: unknown): StatusCause | undefined {
  if (!isRecord(value)) return undefined;
  return { reason: asString(value.reason), message: asString(value.message), field: asString(value.field) };
}

/** Narrows a metav1.Status; returns undefined for anything else (an HTML error page, a proxy's JSON). */
export function parseStatus(value: unknown): Status | undefined {
  if (!isRecord(value) || value.kind !== 'Status') return undefined;
  const details = isRecord(value.details) ? value.details : undefined;
  const causes = details ? asArray(details.causes).map(parseCause).filter((c) => c !== undefined) : undefined;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: value.status === 'Success' ? 'Success' : 'Failure',
    message: asString(value.message) ?? '',
    reason: asString(value.reason) ?? '',
    code: asNumber(value.code) ?? 0,
    details: details && {
      name: asString(details.name),
      group: asString(details.group),
      kind: asString(details.kind),
      causes,
      retryAfterSeconds: asNumber(details.retryAfterSeconds),
    },
  };
}

