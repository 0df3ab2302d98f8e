import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../../mesh/telemetry/access-log';
import { parseAccessLogLine } from '../../api/telemetry-clients';
import { LogBuffer, directionOf, mergeByTime, toRows } from './log-rows';
import { BASE, entryLine } from './test-lines';

const parsed = (offsets: number[], extra: Partial<AccessLogEntry> = {}) => offsets.map((o) => parseAccessLogLine(entryLine(o, extra)));

describe('directionOf', () => {
  it('reads the direction from the upstream cluster', () => {
    expect(directionOf(parseAccessLogLine(entryLine(0)))).toBe('inbound');
    expect(directionOf(parseAccessLogLine(entryLine(0, { upstreamCluster: 'outbound|9080|v1|reviews.bookinfo.svc.cluster.local' })))).toBe(
      'outbound',
    );
    expect(directionOf(parseAccessLogLine('envoy started'))).toBeUndefined();
  });
});

describe('toRows', () => {
  it('gives an unparsed line the time of the line before it, or its kubelet timestamp', () => {
    const rows = toRows('p', [parseAccessLogLine(entryLine(500)), parseAccessLogLine('warning: something')], 0, 0);
    expect(rows.map((r) => r.timeMs)).toEqual([BASE + 500, BASE + 500]);
    const stamped = toRows('p', [parseAccessLogLine('2026-11-25T10:00:01Z raw text', { timestamps: true })], 0, 0);
    expect(stamped[0]?.timeMs).toBe(BASE + 1000);
    expect(stamped[0]?.line.entry).toBeUndefined();
  });
});

describe('mergeByTime', () => {
  it('interleaves two sorted lists by time', () => {
    const a = toRows('a', parsed([0, 20, 40]), 0, 0);
    const b = toRows('b', parsed([10, 30, 50]), 3, 0);
    expect(mergeByTime(a, b).map((r) => `${r.pod}${r.timeMs - BASE}`)).toEqual(['a0', 'b10', 'a20', 'b30', 'a40', 'b50']);
  });
});

describe('LogBuffer', () => {
  it('keeps the lines of several pods in time order as batches arrive', () => {
    const buffer = new LogBuffer();
    buffer.add('a', parsed([0, 100, 200]));
    buffer.add('b', parsed([50, 150, 250]));
    buffer.add('a', parsed([300]));
    expect(buffer.rows.map((r) => r.timeMs - BASE)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(new Set(buffer.rows.map((r) => r.seq)).size).toBe(7);
  });

  it('drops the oldest lines past the cap and counts them', () => {
    const buffer = new LogBuffer(3);
    buffer.add('a', parsed([0, 10, 20, 30]));
    buffer.add('a', parsed([40]));
    expect(buffer.rows.map((r) => r.timeMs - BASE)).toEqual([20, 30, 40]);
    expect(buffer.dropped).toBe(2);
    buffer.clear();
    expect(buffer.rows).toHaveLength(0);
    expect(buffer.dropped).toBe(0);
  });

  it('merges 50,000 lines of 5 pods quickly', () => {
    const buffer = new LogBuffer();
    const started = performance.now();
    for (let pod = 0; pod < 5; pod++) {
      buffer.add(`pod-${pod}`, parsed(Array.from({ length: 10_000 }, (_, i) => i * 10 + pod)));
    }
    buffer.add('late', parsed([5]));
    expect(buffer.rows).toHaveLength(50_000);
    expect(buffer.dropped).toBe(1);
    const times = buffer.rows.map((r) => r.timeMs);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
