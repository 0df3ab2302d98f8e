import { describe, expect, it } from 'vitest';
import { sampleGraph } from '../sample-graph';
import { complete, completionContext } from './complete';

const context = completionContext(sampleGraph());

function labels(text: string, caret = text.length): string[] {
  return complete(text, caret, context).candidates.map((c) => c.label);
}

describe('complete', () => {
  it('offers attributes, badges and not at the start, filtered by the prefix', () => {
    const all = labels('');
    expect(all).toContain('namespace');
    expect(all).toContain('fi');
    expect(all).toContain('not');
    expect(labels('na')).toEqual(['name', 'namespace']);
    // Aliases find their attribute.
    expect(labels('ns')).toEqual(['namespace']);
    expect(complete('fi and na', 9, context)).toMatchObject({ from: 7, to: 9 });
  });

  it('offers operators that fit the attribute', () => {
    expect(labels('rps ')).toEqual(['>', '>=', '<', '<=', '=', '!=']);
    expect(labels('namespace ')).toEqual(['=', '!=', '~', '!~']);
    expect(labels('rps >')).toEqual(['>', '>=']);
    expect(complete('rps >', 5, context)).toMatchObject({ from: 4, to: 5 });
    // A badge is complete by itself: what follows is and/or.
    expect(labels('fi ')).toEqual(['and', 'or']);
    // mtls is a flag and a number.
    expect(labels('mtls ')).toEqual(['>', '>=', '<', '<=', '=', '!=', 'and', 'or']);
  });

  it('offers the graph values after an operator', () => {
    expect(labels('namespace = ')).toEqual(['bookinfo', 'istio-system']);
    expect(labels('ns = b')).toEqual(['bookinfo']);
    expect(labels('app = re')).toEqual(['reviews']);
    expect(labels('protocol = ')).toEqual(['http', 'grpc', 'tcp']);
    expect(labels('latency > ')).toEqual(['500ms']);
    expect(complete('ns = bo and fi', 7, context)).toMatchObject({ from: 5, to: 7 });
  });

  it('offers and/or after a complete condition, and attributes after them', () => {
    expect(labels('ns = bookinfo ')).toEqual(['and', 'or']);
    expect(labels('ns = bookinfo a')).toEqual(['and']);
    expect(labels('(fi) ')).toEqual(['and', 'or']);
    expect(labels('fi and ')).toContain('cb');
    expect(labels('fi or (')).toContain('namespace');
    expect(labels('not ')).toContain('mtls');
  });

  it('replaces the whole word under the caret', () => {
    expect(complete('namespace = bookinfo', 3, context)).toMatchObject({ from: 0, to: 9 });
    expect(complete('namespace = bookinfo', 3, context).candidates.map((c) => c.label)).toEqual(['name', 'namespace']);
  });

  it('quotes values that are not plain words', () => {
    const result = complete('name = ', 7, { names: ['needs space', 'and', 'plain-name'] });
    expect(result.candidates.map((c) => c.insert)).toEqual(['"needs space"', '"and"', 'plain-name']);
  });
});
