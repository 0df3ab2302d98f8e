/**
 * A field-level three-way merge of parsed objects: what only one side changed is taken from that
 * side; what both changed differently is a conflict, settled by a choice per field. Pure.
 */
export type MergePath = readonly (string | number)[];

export interface MergeConflict {
  readonly path: MergePath;
  /** `undefined` where the field is absent on that side. */
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

export interface MergeResult {
  readonly merged: unknown;
  readonly conflicts: readonly MergeConflict[];
  /** Fields taken from the other side without asking (they changed, you did not). */
  readonly takenFromTheirs: readonly MergePath[];
}

export type MergeChoice = 'mine' | 'theirs';

/** `choose` settles each conflict; by default yours wins, so nothing you typed is dropped silently. */
export function threeWayMerge(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  choose: (conflict: MergeConflict) => MergeChoice = () => 'mine',
): MergeResult {
  const conflicts: MergeConflict[] = [];
  const takenFromTheirs: MergePath[] = [];

  function merge(b: unknown, m: unknown, t: unknown, path: MergePath): unknown {
    if (deepEqual(m, t)) return m;
    if (deepEqual(b, m)) {
      takenFromTheirs.push(...changedPaths(b, t, path));
      return t;
    }
    if (deepEqual(b, t)) return m;
    if (isPlainObject(m) && isPlainObject(t) && (b === undefined || isPlainObject(b))) {
      const from = isPlainObject(b) ? b : {};
      const out: Record<string, unknown> = {};
      for (const key of unionKeys(m, t)) {
        const value = merge(from[key], m[key], t[key], [...path, key]);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (Array.isArray(m) && Array.isArray(t) && Array.isArray(b) && m.length === b.length && t.length === b.length) {
      return m.map((item, index) => merge(b[index], item, t[index], [...path, index]));
    }
    const conflict: MergeConflict = { path, base: b, mine: m, theirs: t };
    conflicts.push(conflict);
    return choose(conflict) === 'mine' ? m : t;
  }

  return { merged: merge(base, mine, theirs, []), conflicts, takenFromTheirs };
}

/** The deepest paths at which `after` differs from `before`. */
function changedPaths(before: unknown, after: unknown, path: MergePath): MergePath[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    return unionKeys(before, after)
      .filter((key) => !deepEqual(before[key], after[key]))
      .flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => (deepEqual(item, after[index]) ? [] : changedPaths(item, after[index], [...path, index])));
  }
  return [path];
}

/** Your keys in your order, then the keys only they added. */
function unionKeys(mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  return [...Object.keys(mine), ...Object.keys(theirs).filter((key) => !(key in mine))];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
