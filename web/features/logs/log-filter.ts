/** Which log rows to show: text or regex over the raw line, status classes, response flags, pod, direction. */
import type { LogDirection, LogRow } from './log-rows';

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export interface LogFilter {
  readonly text: string;
  /** Treat `text` as a regular expression (case-insensitive). */
  readonly regex: boolean;
  /** Empty: any status. */
  readonly statusClasses: readonly StatusClass[];
  /** Rows with at least one of these flags; "-" stands for "no flag". Empty: any. */
  readonly flags: readonly string[];
  readonly pod: string;
  readonly direction: LogDirection | '';
}

export const NO_FLAG = '-';

export function statusClassOf(code: number): StatusClass | undefined {
  return STATUS_CLASSES.find((c) => Math.floor(code / 100) === Number(c[0]));
}

export type CompiledFilter = { readonly ok: true; readonly test: (row: LogRow) => boolean } | { readonly ok: false; readonly error: string };

/** The filter as a predicate, or what is wrong with its regular expression. */
export function compileFilter(filter: LogFilter): CompiledFilter {
  let matchText: (raw: string) => boolean = () => true;
  if (filter.text && filter.regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(filter.text, 'i');
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
      return { ok: false, error: `Not a valid regular expression: ${reason}` };
    }
    matchText = (raw) => pattern.test(raw);
  } else if (filter.text) {
    const needle = filter.text.toLowerCase();
    matchText = (raw) => raw.toLowerCase().includes(needle);
  }
  const classes = new Set(filter.statusClasses);
  const flags = new Set(filter.flags);
  const test = (row: LogRow): boolean => {
    if (filter.pod && row.pod !== filter.pod) return false;
    if (filter.direction && row.direction !== filter.direction) return false;
    const entry = row.line.entry;
    if (classes.size > 0) {
      const cls = entry ? statusClassOf(entry.code) : undefined;
      if (!cls || !classes.has(cls)) return false;
    }
    if (flags.size > 0) {
      if (!entry) return false;
      const has = entry.flags.length === 0 ? flags.has(NO_FLAG) : entry.flags.some((flag) => flags.has(flag));
      if (!has) return false;
    }
    return matchText(row.line.raw);
  };
  return { ok: true, test };
}

/** How many rows carry each flag ("-" for none), for the flag chips. */
export function countFlags(rows: readonly LogRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const entry = row.line.entry;
    if (!entry) continue;
    const flags = entry.flags.length === 0 ? [NO_FLAG] : entry.flags;
    for (const flag of flags) counts.set(flag, (counts.get(flag) ?? 0) + 1);
  }
  return counts;
}

/** Parses a comma-separated status-class list from the URL, ignoring what is not a class. */
export function parseStatusClasses(values: readonly string[]): StatusClass[] {
  return STATUS_CLASSES.filter((c) => values.includes(c));
}
