/**
 * A bounded, in-memory trace store: the newest traces, at most `capacity` of them and at most `maxBytes` of
 * them by estimated size (at scale a single trace has dozens of spans, so a count alone does not bound
 * memory), indexed by trace ID and by service. Operations are remembered for as long as the store lives, as
 * Jaeger keeps them apart from traces.
 */
import { serviceOf, type Span, type Trace } from './types';

export const DEFAULT_TRACE_CAPACITY = 20_000;
export const DEFAULT_TRACE_BYTES = 64 * 1024 * 1024;

/**
 * Rough heap cost of a trace, not counting what it shares with other traces (tag objects, most
 * strings): measured at about 1.4 KB per span for the simulator's traces.
 */
const TRACE_BYTES = 400;
const SPAN_BYTES = 1_200;
const TAG_BYTES = 16;

/** A search, already validated; times and durations in microseconds. */
export interface TraceQuery {
  readonly service: string;
  readonly operation?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly startMin: number;
  readonly startMax: number;
  readonly durationMin?: number;
  readonly durationMax?: number;
  readonly limit: number;
}

export interface OperationInfo {
  readonly name: string;
  readonly spanKind: string;
}

export interface TraceStoreLimits {
  /** The most traces kept. */
  readonly capacity?: number;
  /** The most bytes of traces kept, by estimated size. */
  readonly maxBytes?: number;
}

interface Stored {
  readonly trace: Trace;
  readonly bytes: number;
}

export class TraceStore {
  readonly capacity: number;
  readonly maxBytes: number;
  /** Traces oldest first; trace `seq` lives at queue[seq - firstSeq - head]. */
  private queue: (Stored | undefined)[] = [];
  private head = 0;
  /** Sequence number of the oldest trace kept. */
  private firstSeq = 0;
  private bytes = 0;
  private readonly byId = new Map<string, number>();
  /** Sequence numbers per service, oldest first; entries older than the store are pruned lazily. */
  private readonly byService = new Map<string, number[]>();
  private readonly operations = new Map<string, Map<string, string>>();

  constructor(limits: number | TraceStoreLimits = {}) {
    const { capacity, maxBytes } = typeof limits === 'number' ? { capacity: limits, maxBytes: undefined } : limits;
    this.capacity = capacity ?? DEFAULT_TRACE_CAPACITY;
    this.maxBytes = maxBytes ?? DEFAULT_TRACE_BYTES;
  }

  get size(): number {
    return this.queue.length - this.head;
  }

  /** The estimated size of the traces kept. */
  get byteSize(): number {
    return this.bytes;
  }

  add(trace: Trace): void {
    const seq = this.firstSeq + this.size;
    const bytes = estimateTraceBytes(trace);
    this.queue.push({ trace, bytes });
    this.bytes += bytes;
    this.byId.set(trace.traceID, seq);
    while (this.size > 1 && (this.size > this.capacity || this.bytes > this.maxBytes)) this.evictOldest();
    const services = new Set<string>();
    for (const span of trace.spans) {
      const service = serviceOf(trace, span);
      services.add(service);
      let ops = this.operations.get(service);
      if (!ops) this.operations.set(service, (ops = new Map()));
      ops.set(span.operationName, spanKind(span));
    }
    for (const service of services) {
      let seqs = this.byService.get(service);
      if (!seqs) this.byService.set(service, (seqs = []));
      seqs.push(seq);
      this.prune(seqs);
    }
  }

  get(traceID: string): Trace | undefined {
    const seq = this.byId.get(traceID.toLowerCase().padStart(32, '0')) ?? this.byId.get(traceID.toLowerCase());
    return seq === undefined ? undefined : this.at(seq);
  }

  services(): string[] {
    return [...this.operations.keys()].sort();
  }

  operationsOf(service: string, spanKindFilter?: string): OperationInfo[] {
    const ops = this.operations.get(service) ?? new Map<string, string>();
    return [...ops]
      .filter(([, kind]) => !spanKindFilter || kind === spanKindFilter)
      .map(([name, kind]) => ({ name, spanKind: kind }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Matching traces, newest first. */
  find(query: TraceQuery): Trace[] {
    const seqs = this.byService.get(query.service) ?? [];
    const found: Trace[] = [];
    for (let i = seqs.length - 1; i >= 0 && found.length < query.limit; i--) {
      const trace = this.at(seqs[i] ?? -1);
      if (!trace) break;
      if (trace.spans.some((span) => spanMatches(trace, span, query))) found.push(trace);
    }
    return found;
  }

  private at(seq: number): Trace | undefined {
    return seq < this.firstSeq ? undefined : this.queue[this.head + seq - this.firstSeq]?.trace;
  }

  private evictOldest(): void {
    const oldest = this.queue[this.head] as Stored;
    this.queue[this.head] = undefined;
    this.head++;
    this.firstSeq++;
    this.bytes -= oldest.bytes;
    if (this.byId.get(oldest.trace.traceID) === this.firstSeq - 1) this.byId.delete(oldest.trace.traceID);
    // Shift the queue now and then rather than on every eviction, so that evicting costs O(1) on average.
    if (this.head >= 1024 && this.head >= this.queue.length / 2) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private prune(seqs: number[]): void {
    const oldest = this.firstSeq;
    // Cut in batches, so that pruning costs O(1) per trace on average.
    if ((seqs[0] ?? oldest) >= oldest || seqs.length < 64) return;
    let cut = 0;
    while (cut < seqs.length && (seqs[cut] ?? oldest) < oldest) cut++;
    if (cut >= seqs.length / 4) seqs.splice(0, cut);
  }
}

export function estimateTraceBytes(trace: Trace): number {
  let bytes = TRACE_BYTES;
  for (const span of trace.spans) bytes += SPAN_BYTES + TAG_BYTES * span.tags.length + 2 * span.operationName.length;
  return bytes;
}

function spanKind(span: Span): string {
  const kind = span.tags.find((t) => t.key === 'span.kind')?.value;
  return typeof kind === 'string' ? kind : '';
}

/** As Jaeger's memory store: one span of the service must match every criterion. */
function spanMatches(trace: Trace, span: Span, query: TraceQuery): boolean {
  if (serviceOf(trace, span) !== query.service) return false;
  if (query.operation !== undefined && span.operationName !== query.operation) return false;
  if (span.startTime < query.startMin || span.startTime > query.startMax) return false;
  if (query.durationMin !== undefined && span.duration < query.durationMin) return false;
  if (query.durationMax !== undefined && span.duration > query.durationMax) return false;
  const process = trace.processes[span.processID];
  for (const [key, value] of Object.entries(query.tags)) {
    const has = (tags: Span['tags'] | undefined) => tags?.some((t) => t.key === key && String(t.value) === value) ?? false;
    if (!has(span.tags) && !has(process?.tags)) return false;
  }
  return true;
}
