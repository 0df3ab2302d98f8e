import { describe, expect, it } from 'vitest';
import { parseDuration } from './query-params';
import { estimateTraceBytes, TraceStore } from './store';
import { tag, type Trace } from './types';

function trace(id: number, service: string): Trace {
  const traceID = id.toString(16).padStart(32, '0');
  return {
    traceID,
    spans: [
      {
        traceID,
        spanID: '1'.padStart(16, '0'),
        operationName: `op-${id % 2}`,
        references: [],
        startTime: id * 1000,
        duration: id,
        tags: [tag('span.kind', 'server')],
        logs: [],
        processID: 'p1',
        warnings: null,
        flags: 1,
      },
    ],
    processes: { p1: { serviceName: service, tags: [] } },
    warnings: null,
  };
}

const ALL = { tags: {}, startMin: 0, startMax: Infinity, limit: 1000 };

describe('TraceStore', () => {
  it('keeps only the newest traces, newest first', () => {
    const store = new TraceStore(100);
    for (let i = 1; i <= 1000; i++) store.add(trace(i, i % 3 === 0 ? 'a.ns' : 'b.ns'));
    expect(store.size).toBe(100);
    expect(store.get(trace(1, 'a.ns').traceID)).toBeUndefined();
    expect(store.get('3e8')?.traceID).toBe(trace(1000, 'b.ns').traceID);
    const found = store.find({ service: 'a.ns', ...ALL });
    expect(found.map((t) => t.spans[0]?.duration)).toEqual(Array.from({ length: 33 }, (_, i) => 999 - 3 * i));
  });

  it('keeps only as many of the newest traces as fit its byte budget', () => {
    const one = estimateTraceBytes(trace(1, 'a.ns'));
    const store = new TraceStore({ capacity: 1000, maxBytes: one * 10 + one / 2 });
    for (let i = 1; i <= 50; i++) store.add(trace(i, 'a.ns'));
    expect(store.size).toBe(10);
    expect(store.byteSize).toBeLessThanOrEqual(store.maxBytes);
    expect(store.get(trace(40, 'a.ns').traceID)).toBeUndefined();
    expect(store.find({ service: 'a.ns', ...ALL }).map((t) => t.spans[0]?.duration)).toEqual(Array.from({ length: 10 }, (_, i) => 50 - i));
  });

  it('always keeps the newest trace, however large', () => {
    const store = new TraceStore({ maxBytes: 1 });
    store.add(trace(1, 'a.ns'));
    store.add(trace(2, 'a.ns'));
    expect(store.size).toBe(1);
    expect(store.get(trace(2, 'a.ns').traceID)).toBeDefined();
  });

  it('remembers operations per service and span kind', () => {
    const store = new TraceStore(10);
    for (let i = 1; i <= 4; i++) store.add(trace(i, 'a.ns'));
    expect(store.services()).toEqual(['a.ns']);
    expect(store.operationsOf('a.ns', 'server').map((op) => op.name)).toEqual(['op-0', 'op-1']);
    expect(store.operationsOf('a.ns', 'client')).toEqual([]);
    expect(store.find({ service: 'a.ns', ...ALL, operation: 'op-1', durationMin: 2 }).map((t) => t.spans[0]?.duration)).toEqual([3]);
  });
});

describe('parseDuration', () => {
  it('reads Go durations in microseconds', () => {
    expect(parseDuration('100ms')).toBe(100_000);
    expect(parseDuration('1.2s')).toBe(1_200_000);
    expect(parseDuration('1h30m')).toBe(5_400_000_000);
    expect(parseDuration('250us')).toBe(250);
    expect(parseDuration('12')).toBeUndefined();
    expect(parseDuration('fast')).toBeUndefined();
  });
});
