/**
 * A bounded, in-memory trace store: the newest `capacity` traces in a ring buffer, indexed by trace ID and by
 * service. Operations are remembered for as long as the store lives, as Jaeger keeps them apart from traces.
 */
import { serviceOf, type Span, type Trace } from './types';

export const DEFAULT_TRACE_CAPACITY = 20_000;

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

export class TraceStore {
  private readonly ring: (Trace | undefined)[];
  /** Sequence number of the next trace added; trace `seq` lives at ring[seq % capacity]. */
  private nextSeq = 0;
  private readonly byId = new Map<string, number>();
  /** Sequence numbers per service, oldest first; entries older than the ring are pruned lazily. */
  private readonly byService = new Map<string, number[]>();
  private readonly operations = new Map<string, Map<string, string>>();

  constructor(readonly capacity = DEFAULT_TRACE_CAPACITY) {
    this.ring = new Array<Trace | undefined>(capacity);
  }

  get size(): number {
    return Math.min(this.nextSeq, this.capacity);
  }

  add(trace: Trace): void {
    const seq = this.nextSeq++;
    const slot = seq % this.capacity;
    const evicted = this.ring[slot];
    if (evicted) this.byId.delete(evicted.traceID);
    this.ring[slot] = trace;
    this.byId.set(trace.traceID, seq);
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
    return seq === undefined ? undefined : this.ring[seq % this.capacity];
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
    const oldest = this.nextSeq - this.capacity;
    const found: Trace[] = [];
    for (let i = seqs.length - 1; i >= 0 && found.length < query.limit; i--) {
      const seq = seqs[i] ?? -1;
      if (seq < oldest) break;
      const trace = this.ring[seq % this.capacity];
      if (trace && trace.spans.some((span) => spanMatches(trace, span, query))) found.push(trace);
    }
    return found;
  }

  private prune(seqs: number[]): void {
    const oldest = this.nextSeq - this.capacity;
    // Cut in batches, so that pruning costs O(1) per trace on average.
    if ((seqs[0] ?? oldest) >= oldest || seqs.length < 64) return;
    let cut = 0;
    while (cut < seqs.length && (seqs[cut] ?? oldest) < oldest) cut++;
    if (cut >= seqs.length / 4) seqs.splice(0, cut);
  }
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
