/**
 * The history of one object as it is kept in the cluster: a ConfigMap with one data key per
 * version. Pure: naming, encoding, appending and trimming; config-history.ts does the I/O.
 */
import { parse, stringify } from 'yaml';
import { kindId } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { cleanForApply, toYaml } from './config-apply-yaml';
import { isRecord } from './guards';

/** What produced a version. `observed` is a version changed outside the console, kept as the base of the next change. */
export type HistoryAction = 'create' | 'update' | 'delete' | 'rollback' | 'observed';

export interface HistoryEntry {
  /** Increases with every version recorded for the object; the data key is derived from it. */
  readonly seq: number;
  readonly action: HistoryAction;
  /** The identity that made the change; empty when unknown (a change made outside the console). */
  readonly user: string;
  /** ISO 8601. */
  readonly time: string;
  readonly resourceVersion: string;
  /** The version, cleaned for apply; empty when it was too large to keep. */
  readonly yaml: string;
  readonly omitted?: boolean;
}

export interface HistoryTarget {
  readonly kind: KindInfo;
  readonly namespace?: string;
  readonly name: string;
}

export const HISTORY_LIMIT = 10;
/** ConfigMaps hold at most 1 MiB; the rest is left for metadata and encoding. */
export const HISTORY_MAX_BYTES = 900 * 1024;
/** Where the history of cluster-scoped objects lives. */
export const CLUSTER_HISTORY_NAMESPACE = 'istio-system';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const HISTORY_KIND_LABEL = 'meshdeck.io/history-of-kind';
export const HISTORY_NAME_LABEL = 'meshdeck.io/history-of-name';
export const HISTORY_OF_ANNOTATION = 'meshdeck.io/history-of';
/** Operators may keep more versions of an object: `kubectl annotate cm … meshdeck.io/history-limit=25`. */
export const HISTORY_LIMIT_ANNOTATION = 'meshdeck.io/history-limit';

const ACTIONS: readonly HistoryAction[] = ['create', 'update', 'delete', 'rollback', 'observed'];
const KEY_PATTERN = /^v(\d+)\.yaml$/;

/** The ConfigMap that holds the object's history: same namespace, a name derived from kind and name. */
export function historyLocation(target: HistoryTarget): { namespace: string; name: string } {
  const namespace = target.kind.namespaced && target.namespace ? target.namespace : CLUSTER_HISTORY_NAMESPACE;
  return { namespace, name: `meshdeck-history-${hashHex(identityOf(target))}` };
}

function identityOf(target: HistoryTarget): string {
  return `${kindId(target.kind)}/${target.kind.namespaced ? (target.namespace ?? '') : ''}/${target.name}`;
}

/** Two 32-bit FNV-1a variants: deterministic everywhere, and 64 bits make collisions among one namespace's objects negligible. */
function hashHex(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return ((a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')).slice(0, 16);
}

/** A fresh, empty history ConfigMap for the target. */
export function emptyHistoryConfigMap(target: HistoryTarget): KubeObject {
  const { namespace, name } = historyLocation(target);
  const labels: Record<string, string> = { [MANAGED_BY_LABEL]: 'meshdeck', [HISTORY_KIND_LABEL]: kindId(target.kind) };
  if (isLabelValue(target.name)) labels[HISTORY_NAME_LABEL] = target.name;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels, annotations: { [HISTORY_OF_ANNOTATION]: identityOf(target) } },
    data: {},
  };
}

function isLabelValue(value: string): boolean {
  return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value);
}

/** The versions kept in a history ConfigMap, oldest first; unreadable entries are skipped. */
export function parseHistory(configMap: KubeObject | undefined): HistoryEntry[] {
  const data = isRecord(configMap?.data) ? configMap.data : {};
  const entries: HistoryEntry[] = [];
  for (const [key, value] of Object.entries(data)) {
    const seq = Number(KEY_PATTERN.exec(key)?.[1]);
    if (!Number.isFinite(seq) || typeof value !== 'string') continue;
    const entry = decodeEntry(seq, value);
    if (entry) entries.push(entry);
  }
  return entries.sort((x, y) => x.seq - y.seq);
}

function decodeEntry(seq: number, text: string): HistoryEntry | undefined {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const action = ACTIONS.find((a) => a === value.action);
  if (!action) return undefined;
  const str = (field: unknown) => (typeof field === 'string' ? field : '');
  return {
    seq,
    action,
    user: str(value.user),
    time: str(value.time),
    resourceVersion: str(value.resourceVersion),
    yaml: str(value.object),
    omitted: value.omitted === true ? true : undefined,
  };
}

function encodeEntry(entry: HistoryEntry): string {
  const { seq: _seq, yaml, omitted, ...rest } = entry;
  return stringify({ ...rest, ...(omitted ? { omitted: true } : {}), object: yaml }, { lineWidth: 0 });
}

export function entryKey(seq: number): string {
  return `v${String(seq).padStart(6, '0')}.yaml`;
}

/** A version about to be recorded. */
export interface NewVersion {
  readonly action: HistoryAction;
  readonly object: KubeObject;
  readonly user: string;
  readonly time: string;
}

export interface AppendOptions {
  readonly limit?: number;
  readonly maxBytes?: number;
}

/**
 * The ConfigMap with `next` appended. When the newest recorded version is not `previous` (someone
 * changed the object outside the console, or it has no history yet), `previous` is recorded first as
 * `observed`, so that every console change keeps the version it replaced. Then the oldest versions
 * are dropped until at most `limit` remain and the data fits in `maxBytes`.
 */
export function appendVersion(
  configMap: KubeObject,
  next: NewVersion,
  previous: KubeObject | undefined,
  options: AppendOptions = {},
): KubeObject {
  const entries = parseHistory(configMap);
  const last = entries.at(-1);
  const versions: NewVersion[] = [];
  const previousVersion = previous?.metadata.resourceVersion;
  if (previous && previousVersion && last?.resourceVersion !== previousVersion && next.action !== 'delete') {
    versions.push({ action: 'observed', object: previous, user: '', time: next.time });
  }
  versions.push(next);
  const firstSeq = (last?.seq ?? 0) + 1;
  const added = versions.map((version, index) => entryOf(firstSeq + index, version));
  const limit = Math.max(options.limit ?? HISTORY_LIMIT, limitOf(configMap));
  const kept = trim([...entries, ...added], limit, options.maxBytes ?? HISTORY_MAX_BYTES);
  const data: Record<string, string> = {};
  for (const entry of kept) data[entryKey(entry.seq)] = encodeEntry(entry);
  return { ...configMap, data };
}

function entryOf(seq: number, version: NewVersion): HistoryEntry {
  return {
    seq,
    action: version.action,
    user: version.user,
    time: version.time,
    resourceVersion: version.object.metadata.resourceVersion ?? '',
    yaml: toYaml(cleanForApply(version.object)),
  };
}

function limitOf(configMap: KubeObject): number {
  const value = Number(configMap.metadata.annotations?.[HISTORY_LIMIT_ANNOTATION]);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

function trim(entries: HistoryEntry[], limit: number, maxBytes: number): HistoryEntry[] {
  const kept = entries.slice(-limit);
  const size = (entry: HistoryEntry) => byteLength(entryKey(entry.seq)) + byteLength(encodeEntry(entry));
  let total = kept.reduce((sum, entry) => sum + size(entry), 0);
  while (kept.length > 1 && total > maxBytes) total -= size(kept.shift() as HistoryEntry);
  const only = kept[0];
  if (kept.length === 1 && only && total > maxBytes) kept[0] = { ...only, yaml: '', omitted: true };
  return kept;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
