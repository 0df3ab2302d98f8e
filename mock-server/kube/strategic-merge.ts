/**
 * Strategic merge patch for the built-in kinds, reduced to what kubectl sends: lists of maps merge by
 * their key (containers by name, ports by port, …), and the `$patch`, `$setElementOrder/…`,
 * `$retainKeys` and `$deleteFromPrimitiveList/…` directives apply. Without list keys (custom
 * resources) it is a JSON merge patch in which lists are replaced, as RFC 7386 says.
 */
import { isRecord, type JsonRecord } from './json-value';

/** Merge keys of the built-in list fields kubectl edits. */
const LIST_MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  secrets: 'name',
};

const SET_ORDER = '$setElementOrder/';
const DELETE_FROM_LIST = '$deleteFromPrimitiveList/';

function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isRecord);
    return first && 'containerPort' in first ? 'containerPort' : 'port';
  }
  return LIST_MERGE_KEYS[field];
}

export interface MergeOptions {
  /** Merge lists of maps by key (strategic); otherwise lists are replaced. */
  listKeys: boolean;
  /** Interpret `$patch`, `$setElementOrder/…` and the like (strategic); otherwise they are data. */
  directives: boolean;
}

/** Merges `patch` into `target` without touching either; returns undefined for `$patch: delete`. */
export function strategicMerge(target: unknown, patch: unknown, options: MergeOptions): unknown {
  if (!isRecord(patch)) return patch;
  if (options.directives && patch.$patch === 'delete') return undefined;
  if (options.directives && patch.$patch === 'replace') {
    return strategicMerge(undefined, { ...patch, $patch: undefined }, options);
  }
  const result: JsonRecord = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if ((options.directives && key.startsWith('$')) || value === undefined) continue;
    const merged = value === null ? undefined : mergeField(key, result[key], value, options);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  if (options.directives) applyDirectives(result, patch);
  return result;
}

function mergeField(key: string, current: unknown, value: unknown, options: MergeOptions): unknown {
  if (!Array.isArray(value)) return strategicMerge(current, value, options);
  const mergeKey = options.listKeys ? mergeKeyFor(key, value) : undefined;
  if (!mergeKey) return options.directives ? value.map((item) => strategicMerge(undefined, item, options)) : value;
  return mergeList(Array.isArray(current) ? current : [], value, mergeKey, options);
}

function mergeList(current: readonly unknown[], patch: readonly unknown[], key: string, options: MergeOptions): unknown[] {
  const result = [...current];
  const indexOf = (item: JsonRecord): number =>
    result.findIndex((existing) => isRecord(existing) && existing[key] === item[key]);
  for (const item of patch) {
    if (!isRecord(item) || item[key] === undefined) {
      result.push(item);
      continue;
    }
    const index = indexOf(item);
    const merged = strategicMerge(index >= 0 ? result[index] : undefined, item, options);
    if (index >= 0 && merged === undefined) result.splice(index, 1);
    else if (index >= 0) result[index] = merged;
    else if (merged !== undefined) result.push(merged);
  }
  return result;
}

function applyDirectives(result: JsonRecord, patch: JsonRecord): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
      const field = key.slice(SET_ORDER.length);
      const list = result[field];
      if (Array.isArray(list)) result[field] = orderedLike(list, value);
    } else if (key.startsWith(DELETE_FROM_LIST) && Array.isArray(value)) {
      const field = key.slice(DELETE_FROM_LIST.length);
      const list = result[field];
      if (Array.isArray(list)) result[field] = list.filter((item) => !value.includes(item));
    }
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
}

/** Orders `list` as `order` says; elements `order` does not mention keep their place at the end. */
function orderedLike(list: readonly unknown[], order: readonly unknown[]): unknown[] {
  const position = (item: unknown): number => {
    const index = order.findIndex((wanted) =>
      isRecord(wanted) && isRecord(item)
        ? Object.entries(wanted).every(([k, v]) => item[k] === v)
        : wanted === item,
    );
    return index < 0 ? order.length : index;
  };
  return list
    .map((item, index) => ({ item, index, rank: position(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}
