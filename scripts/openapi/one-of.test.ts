import { describe, expect, it } from 'vitest';
import { oneOfConstraints } from './one-of';

describe('oneOfConstraints', () => {
  it('finds nothing when every member requires the same fields', () => {
    expect(oneOfConstraints([['name'], ['name']])).toEqual({});
  });

  it('rebuilds an "at most one of" group with its none-of-them branch', () => {
    expect(oneOfConstraints([[], ['exact'], ['prefix']])).toEqual({
      oneOf: [{ not: { anyOf: [{ required: ['exact'] }, { required: ['prefix'] }] } }, { required: ['exact'] }, { required: ['prefix'] }],
    });
  });

  it('rebuilds an "exactly one of" group without it', () => {
    expect(oneOfConstraints([['a'], ['b']])).toEqual({ oneOf: [{ required: ['a'] }, { required: ['b'] }] });
  });

  it('separates independent groups that the checker multiplied into one union', () => {
    const members = [[], ['header'], ['cookie'], ['ring'], ['header', 'ring'], ['cookie', 'ring'], ['maglev'], ['header', 'maglev'], ['cookie', 'maglev']];
    const result = oneOfConstraints(members);
    const groups = result.allOf?.map((s) => s.oneOf?.flatMap((b) => b.required ?? []));
    expect(groups).toEqual([
      ['cookie', 'header'],
      ['maglev', 'ring'],
    ]);
  });

  it('ignores fields every member requires', () => {
    expect(oneOfConstraints([['status', 'bytes'], ['status', 'string']])).toEqual({
      oneOf: [{ required: ['bytes'] }, { required: ['string'] }],
    });
  });
});
