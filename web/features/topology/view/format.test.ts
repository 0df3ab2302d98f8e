import { describe, expect, it } from 'vitest';
import type { TopologyEdge } from '../../../../mesh/topology/model';
import { edgeLabelText, edgeWidth, formatBytesPerSecond, formatMs, formatPercent, formatRps } from './format';

const edge: TopologyEdge = {
  id: 'a->b',
  source: 'a',
  target: 'b',
  protocol: 'http',
  rps: 12.345,
  errorRatio: 0.0512,
  clientErrorRatio: 0,
  responses: {},
  latency: { p95Ms: 48.6 },
  throughputBps: 25_300,
  principals: [],
  health: 'degraded',
  services: [],
};

describe('edge label text', () => {
  it('writes each mode', () => {
    expect(edgeLabelText(edge, 'rps')).toBe('12.3 rps');
    expect(edgeLabelText(edge, 'errors')).toBe('5.1%');
    expect(edgeLabelText(edge, 'p95')).toBe('49 ms');
    expect(edgeLabelText(edge, 'throughput')).toBe('25 kB/s');
    expect(edgeLabelText(edge, 'none')).toBe('');
  });
  it('shows bytes for TCP edges, which have no requests', () => {
    const tcp = { ...edge, protocol: 'tcp' as const, rps: 0, throughputBps: 1_500_000 };
    expect(edgeLabelText(tcp, 'rps')).toBe('1.5 MB/s');
    expect(edgeLabelText(tcp, 'errors')).toBe('');
  });
  it('says nothing when a latency is missing', () => {
    expect(edgeLabelText({ ...edge, latency: {} }, 'p95')).toBe('');
  });
});

describe('figures', () => {
  it('keeps small values readable', () => {
    expect(formatRps(0)).toBe('0 rps');
    expect(formatRps(0.004)).toBe('<0.01 rps');
    expect(formatRps(2500)).toBe('2.5k rps');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatBytesPerSecond(999)).toBe('999 B/s');
  });
  it('widens edges with traffic, within bounds', () => {
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(1)).toBeGreaterThan(edgeWidth(0.1));
    expect(edgeWidth(1e9)).toBe(6);
  });
});
