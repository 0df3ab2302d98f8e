import { describe, expect, it } from 'vitest';
import type { TopologyEdge } from '../../../../mesh/topology/model';
import { explainFlags, responseRows } from './responses';

describe('response flags', () => {
  it('says what a fault-injected abort is', () => {
    expect(explainFlags('FI')).toMatch(/^FI: Aborted by fault injection — a VirtualService fault injection/);
  });
  it('points at mTLS for upstream connection failures and explains each of several flags', () => {
    const text = explainFlags('UF,URX');
    expect(text).toContain('UF: Upstream connection failure — often an mTLS conflict');
    expect(text).toContain('URX: Upstream retry limit exceeded');
  });
  it('handles no flags and unknown flags', () => {
    expect(explainFlags('-')).toBe('No flags: the upstream answered');
    expect(explainFlags('ZZ')).toBe('ZZ: unknown flag');
  });
});

describe('response rows', () => {
  it('lists codes and flags by rate with their shares', () => {
    const edge = { responses: { '200': { '-': 3 }, '503': { UO: 1 } } } as unknown as TopologyEdge;
    expect(responseRows(edge)).toEqual([
      { code: '200', flags: '-', rps: 3, share: 0.75 },
      { code: '503', flags: 'UO', rps: 1, share: 0.25 },
    ]);
  });
});
