/**
 * Access-log lines of several pods as one list ordered by time, bounded so that a long follow
 * session cannot grow without end: past the cap the oldest lines go, and the count says so.
 */
import type { AccessLogLine } from '../../api/telemetry-clients';

export type LogDirection = 'inbound' | 'outbound';

export interface LogRow {
  /** Unique within a buffer, stable while the row lives: the list's React key. */
  readonly seq: number;
  readonly pod: string;
  /** Request start when the line parsed, else the kubelet's timestamp, else when it arrived. */
  readonly timeMs: number;
  readonly line: AccessLogLine;
  readonly direction?: LogDirection;
}

export const MAX_LOG_ROWS = 50_000;

/** Envoy's upstream cluster says which way the request went: `inbound|9080||` or `outbound|9080|v1|reviews…`. */
export function directionOf(line: AccessLogLine): LogDirection | undefined {
  const cluster = line.entry?.upstreamCluster ?? '';
  if (cluster.startsWith('inbound|')) return 'inbound';
  if (cluster.startsWith('outbound|') || cluster === 'PassthroughCluster' || cluster === 'BlackHoleCluster') return 'outbound';
  return undefined;
}

function lineTime(line: AccessLogLine, fallbackMs: number): number {
  if (line.entry) return line.entry.startMs;
  const stamp = line.logTime === undefined ? Number.NaN : Date.parse(line.logTime);
  return Number.isNaN(stamp) ? fallbackMs : stamp;
}

/** Rows for one pod's lines, in the order the pod wrote them. */
export function toRows(pod: string, lines: readonly AccessLogLine[], firstSeq: number, arrivedMs: number): LogRow[] {
  let previous = Number.NEGATIVE_INFINITY;
  return lines.map((line, index) => {
    // An unparsed line without a timestamp sits right after the line before it.
    const timeMs = lineTime(line, Number.isFinite(previous) ? previous : arrivedMs);
    previous = timeMs;
    return { seq: firstSeq + index, pod, timeMs, line, direction: directionOf(line) };
  });
}

const byTime = (a: LogRow, b: LogRow) => a.timeMs - b.timeMs || a.seq - b.seq;

/** Two lists sorted by time as one sorted list (stable: on equal times `a` comes first). */
export function mergeByTime(a: readonly LogRow[], b: readonly LogRow[]): LogRow[] {
  const out = new Array<LogRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byTime(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The merged rows of every pod. `add` takes a batch (any order within it) and keeps the whole
 * sorted; new lines usually come after all others, which is a plain append.
 */
export class LogBuffer {
  private list: LogRow[] = [];
  private nextSeq = 0;
  /** Lines dropped off the old end to stay within the cap. */
  dropped = 0;

  constructor(readonly cap: number = MAX_LOG_ROWS) {}

  get rows(): readonly LogRow[] {
    return this.list;
  }

  add(pod: string, lines: readonly AccessLogLine[], arrivedMs = Date.now()): void {
    if (lines.length === 0) return;
    const batch = toRows(pod, lines, this.nextSeq, arrivedMs).sort(byTime);
    this.nextSeq += lines.length;
    const last = this.list[this.list.length - 1];
    const first = batch[0]!;
    this.list = !last || byTime(last, first) <= 0 ? this.list.concat(batch) : mergeByTime(this.list, batch);
    const excess = this.list.length - this.cap;
    if (excess > 0) {
      this.list = this.list.slice(excess);
      this.dropped += excess;
    }
  }

  clear(): void {
    this.list = [];
    this.dropped = 0;
  }
}
