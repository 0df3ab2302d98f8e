import { describe, expect, it } from 'vitest';
import { cullLabels } from './label-culling';
import type { LabelCandidate } from './label-culling';

const label = (id: string, x: number, y: number, priority = 0): LabelCandidate => ({ id, x, y, width: 60, height: 16, priority });

describe('label culling', () => {
  it('keeps labels that do not overlap', () => {
    expect([...cullLabels([label('a', 0, 0), label('b', 200, 0)], 1)].sort()).toEqual(['a', 'b']);
  });
  it('drops the lower-priority label of an overlapping pair', () => {
    const kept = cullLabels([label('busy', 0, 0, 10), label('quiet', 20, 5, 1)], 1);
    expect([...kept]).toEqual(['busy']);
  });
  it('lets both through once zoomed in far enough to separate them', () => {
    const pair = [label('a', 0, 0, 2), label('b', 40, 0, 1)];
    expect(cullLabels(pair, 1).size).toBe(1);
    expect(cullLabels(pair, 2).size).toBe(2);
  });
  it('never keeps two overlapping labels among many', () => {
    const many = Array.from({ length: 400 }, (_, i) => label(`l${i}`, (i * 37) % 500, (i * 53) % 300, i % 7));
    const keptIds = cullLabels(many, 1);
    const kept = many.filter((l) => keptIds.has(l.id));
    for (const a of kept)
      for (const b of kept)
        if (a !== b) expect(Math.abs(a.x - b.x) >= 60 || Math.abs(a.y - b.y) >= 16).toBe(true);
    expect(kept.length).toBeGreaterThan(10);
  });
});
