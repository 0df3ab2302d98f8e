/**
 * Traces made up for tests and benchmarks: spans of Istio sidecars (client and server span per hop, with the
 * tags real proxies set) over a call tree of the given size and shape. Deterministic for a given seed.
 */
import type { KeyValue, Process, Span, Trace } from '../../../mesh/telemetry/jaeger-model';

export interface SyntheticTraceOptions {
  readonly spans: number;
  readonly services?: number;
  /** Most calls a span makes. */
  readonly fanOut?: number;
  readonly seed?: number;
  readonly traceId?: string;
  /** Microseconds since the epoch. */
  readonly start?: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function tag(key: string, value: string | boolean): KeyValue {
  return { key, type: typeof value === 'boolean' ? 'bool' : 'string', value };
}

export function syntheticTrace(options: SyntheticTraceOptions): Trace {
  const rand = random(options.seed ?? 1);
  const traceID = options.traceId ?? '5eed00000000000000000000000000aa';
  const serviceCount = Math.max(1, options.services ?? 40);
  const fanOut = Math.max(1, options.fanOut ?? 4);
  const namespace = 'shop';
  const processes: Record<string, Process> = {};
  for (let i = 0; i < serviceCount; i++) {
    const pod = `svc-${i}-v1-6d9f8b7c4-${(1000 + i).toString(36)}x`;
    processes[`p${i}`] = { serviceName: `svc-${i}.${namespace}`, tags: [tag('hostname', pod), tag('ip', `10.1.0.${i % 250}`)] };
  }
  const spans: Span[] = [];
  let nextId = 1;
  const id = () => (nextId++).toString(16).padStart(16, '0');
  interface Pending {
    readonly service: number;
    readonly parent: string | undefined;
    readonly start: number;
    readonly duration: number;
  }
  const queue: Pending[] = [{ service: 0, parent: undefined, start: options.start ?? 1_700_000_000_000_000, duration: 2_000_000 }];
  for (let item = queue.shift(); item && spans.length < options.spans; item = queue.shift()) {
    const process = processes[`p${item.service}`]!;
    const pod = String(process.tags[0]?.value ?? '');
    const status = rand() < 0.03 ? 503 : 200;
    const spanID = id();
    const tags = [
      tag('component', 'proxy'),
      tag('node_id', `sidecar~10.1.0.1~${pod}.${namespace}~${namespace}.svc.cluster.local`),
      tag('guid:x-request-id', '8f3c2a1e-0000-4000-8000-00000000beef'),
      tag('istio.canonical_service', `svc-${item.service}`),
      tag('istio.namespace', namespace),
      tag('http.status_code', String(status)),
      tag('span.kind', 'server'),
      ...(status >= 500 ? [tag('error', true)] : []),
    ];
    spans.push({
      traceID,
      spanID,
      operationName: `svc-${item.service}.${namespace}.svc.cluster.local:8080/*`,
      references: item.parent ? [{ refType: 'CHILD_OF', traceID, spanID: item.parent }] : [],
      startTime: Math.round(item.start),
      duration: Math.max(1, Math.round(item.duration)),
      tags,
      logs: [],
      processID: `p${item.service}`,
      warnings: null,
      flags: 1,
    });
    const calls = 1 + Math.floor(rand() * fanOut);
    let offset = item.duration * 0.05;
    for (let c = 0; c < calls; c++) {
      const duration = item.duration * (0.2 + rand() * 0.5);
      const start = item.start + Math.min(offset, item.duration * 0.6);
      queue.push({ service: 1 + Math.floor(rand() * (serviceCount - 1)) || 0, parent: spanID, start, duration });
      offset += duration * (rand() < 0.5 ? 0.3 : 1);
    }
  }
  return { traceID, spans, processes, warnings: null };
}
