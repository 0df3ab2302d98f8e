/** Sorting for table rows: natural order for text ("pod-2" before "pod-10"), numbers by value. */
export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

export type SortValue = string | number | undefined;

// Made on first use: a collator loads the locale's collation data, ~0.1 s on a slow machine, which
// screens that never sort a table should not pay while they load.
let shared: Intl.Collator | undefined;
function collator(): Intl.Collator {
  return (shared ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
}

export function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  // Missing values sort last whatever the direction, so blanks never hide the interesting rows.
  if (a === undefined || a === '') return 1;
  if (b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator().compare(String(a), String(b));
}

export function sortRows<Row>(
  rows: readonly Row[],
  value: ((row: Row) => SortValue) | undefined,
  descending: boolean,
  tieBreak?: (row: Row) => string,
): readonly Row[] {
  if (!value) return rows;
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  keyed.sort((x, y) => {
    const blank = (v: SortValue) => v === undefined || v === '';
    let order = compareValues(x.key, y.key);
    if (descending && !blank(x.key) && !blank(y.key)) order = -order;
    if (order === 0 && tieBreak) order = collator().compare(tieBreak(x.row), tieBreak(y.row));
    return order || x.index - y.index;
  });
  return keyed.map((entry) => entry.row);
}

/** "name" or "-name" in the URL. */
export function parseSort(text: string | undefined): SortState | undefined {
  if (!text) return undefined;
  const descending = text.startsWith('-');
  const column = descending ? text.slice(1) : text;
  return column ? { column, descending } : undefined;
}

export function formatSort(sort: SortState): string {
  return `${sort.descending ? '-' : ''}${sort.column}`;
}
