import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../field-path';
import { deepEqual, threeWayMerge } from './merge';

const base = {
  metadata: { name: 'reviews', resourceVersion: '10', labels: { app: 'reviews' } },
  spec: {
    hosts: ['reviews'],
    http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 50 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 50 }] }],
  },
};

function clone<T>(value: T): T {
  return structuredClone(value);
}

describe('threeWayMerge', () => {
  it('takes fields only I changed and fields only they changed', () => {
    const mine = clone(base);
    mine.spec.http[0]!.route[0]!.weight = 80;
    mine.spec.http[0]!.route[1]!.weight = 20;
    const theirs = clone(base);
    theirs.metadata.resourceVersion = '11';
    theirs.metadata.labels = { app: 'reviews', team: 'books' } as typeof base.metadata.labels;
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({
      metadata: { name: 'reviews', resourceVersion: '11', labels: { app: 'reviews', team: 'books' } },
      spec: {
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 80 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 20 }] }],
      },
    });
    expect(result.takenFromTheirs.map(formatFieldPath)).toEqual(['metadata.resourceVersion', 'metadata.labels.team']);
  });

  it('reports a field both changed differently and settles it as chosen', () => {
    const mine = clone(base);
    mine.spec.http[0]!.route[0]!.weight = 90;
    const theirs = clone(base);
    theirs.spec.http[0]!.route[0]!.weight = 10;
    const mineWins = threeWayMerge(base, mine, theirs);
    expect(mineWins.conflicts).toEqual([{ path: ['spec', 'http', 0, 'route', 0, 'weight'], base: 50, mine: 90, theirs: 10 }]);
    expect(deepEqual(mineWins.merged, mine)).toBe(true);
    const theirsWin = threeWayMerge(base, mine, theirs, () => 'theirs');
    expect(deepEqual(theirsWin.merged, theirs)).toBe(true);
  });

  it('keeps deletions and additions from either side', () => {
    const mine = clone(base) as Record<string, unknown> & typeof base;
    mine.spec = { ...mine.spec, gateways: ['mesh'] } as typeof base.spec;
    const theirs = clone(base);
    delete (theirs.metadata as Partial<typeof base.metadata>).labels;
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toMatchObject({ spec: { gateways: ['mesh'] } });
    expect((result.merged as typeof base).metadata).not.toHaveProperty('labels');
  });

  it('treats a list whose length changed on both sides as one conflict', () => {
    const mine = clone(base);
    mine.spec.hosts = ['reviews', 'reviews.bookinfo'];
    const theirs = clone(base);
    theirs.spec.hosts = [];
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts.map((conflict) => formatFieldPath(conflict.path))).toEqual(['spec.hosts']);
  });

  it('is a conflict when I change a field they deleted', () => {
    const mine = clone(base);
    mine.metadata.labels.app = 'reviews-v2';
    const theirs = clone(base);
    delete (theirs.metadata as Partial<typeof base.metadata>).labels;
    const result = threeWayMerge(base, mine, theirs);
    expect(result.conflicts).toEqual([{ path: ['metadata', 'labels'], base: { app: 'reviews' }, mine: { app: 'reviews-v2' }, theirs: undefined }]);
  });

  it('merges nothing when nobody changed anything', () => {
    const result = threeWayMerge(base, clone(base), clone(base));
    expect(result).toEqual({ merged: base, conflicts: [], takenFromTheirs: [] });
  });
});
