import { describe, expect, it } from 'vitest';
import { parseAccessLogLine } from '../../api/telemetry-clients';
import { compileFilter, countFlags, parseStatusClasses, statusClassOf } from './log-filter';
import type { LogFilter } from './log-filter';
import { toRows } from './log-rows';
import { entryLine } from './test-lines';

const rows = [
  ...toRows('pod-a', [parseAccessLogLine(entryLine(0, { code: 200, requestId: 'abc-123' }))], 0, 0),
  ...toRows('pod-a', [parseAccessLogLine(entryLine(10, { code: 503, flags: ['UF', 'URX'], upstreamCluster: 'outbound|9080|v1|reviews' }))], 1, 0),
  ...toRows('pod-b', [parseAccessLogLine(entryLine(20, { code: 404, flags: ['NR'], path: '/missing' }))], 2, 0),
  ...toRows('pod-b', [parseAccessLogLine('[warning] not an access log line')], 3, 0),
];

const NONE: LogFilter = { text: '', regex: false, statusClasses: [], flags: [], pod: '', direction: '' };

function shown(filter: Partial<LogFilter>): number[] {
  const compiled = compileFilter({ ...NONE, ...filter });
  if (!compiled.ok) throw new Error(compiled.error);
  return rows.filter(compiled.test).map((r) => r.seq);
}

describe('compileFilter', () => {
  it('shows everything, raw lines included, with no filter', () => {
    expect(shown({})).toEqual([0, 1, 2, 3]);
  });

  it('matches text case-insensitively anywhere in the raw line', () => {
    expect(shown({ text: 'ABC-123' })).toEqual([0]);
    expect(shown({ text: 'warning' })).toEqual([3]);
  });

  it('matches a regular expression, and explains a bad one', () => {
    expect(shown({ text: '"(GET) /(missing|productpage)', regex: true })).toEqual([0, 1, 2]);
    expect(shown({ text: '/missing$|^\\[warn', regex: true })).toEqual([3]);
    const bad = compileFilter({ ...NONE, text: 'reviews(', regex: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^Not a valid regular expression: .*reviews\(/);
    // The same text is fine as plain text.
    expect(compileFilter({ ...NONE, text: 'reviews(' }).ok).toBe(true);
  });

  it('filters by status class, flags, pod and direction', () => {
    expect(shown({ statusClasses: ['5xx'] })).toEqual([1]);
    expect(shown({ statusClasses: ['2xx', '4xx'] })).toEqual([0, 2]);
    expect(shown({ flags: ['URX'] })).toEqual([1]);
    expect(shown({ flags: ['-'] })).toEqual([0]);
    expect(shown({ pod: 'pod-b' })).toEqual([2, 3]);
    expect(shown({ direction: 'outbound' })).toEqual([1]);
    expect(shown({ direction: 'inbound', statusClasses: ['4xx'] })).toEqual([2]);
  });
});

describe('helpers', () => {
  it('classifies status codes', () => {
    expect(statusClassOf(204)).toBe('2xx');
    expect(statusClassOf(503)).toBe('5xx');
    expect(statusClassOf(0)).toBeUndefined();
  });

  it('counts flags, "-" for none', () => {
    expect(Object.fromEntries(countFlags(rows))).toEqual({ '-': 1, UF: 1, URX: 1, NR: 1 });
  });

  it('keeps only known status classes from the URL', () => {
    expect(parseStatusClasses(['5xx', 'bogus', '2xx'])).toEqual(['2xx', '5xx']);
  });
});
