import { describe, expect, it } from 'vitest';
import { focusRule, isCrowded } from './focus';
import { aggregateBoost } from './zoom';

describe('focusRule', () => {
  it('is empty without a focused node', () => {
    expect(focusRule('.c', [])).toBe('');
    expect(focusRule('.c', [''])).toBe('');
  });

  it('selects the edges leaving and entering each focused node', () => {
    const rule = focusRule('.c', ['aggregate:namespace/shop']);
    expect(rule).toContain('.c .topology-edge[data-source="aggregate:namespace/shop"]');
    expect(rule).toContain('.c .topology-edge[data-target="aggregate:namespace/shop"]');
    expect(rule.endsWith('{ opacity: 1 !important; }')).toBe(true);
  });

  it('escapes quotes and backslashes in ids', () => {
    expect(focusRule('.c', ['a"b\\c'])).toContain('[data-source="a\\"b\\\\c"]');
  });
});

describe('isCrowded', () => {
  it('counts the namespace overview of a big mesh as crowded, the demo graph not', () => {
    expect(isCrowded(420, 41)).toBe(true);
    expect(isCrowded(45, 30)).toBe(false);
    expect(isCrowded(60, 12)).toBe(true);
  });
});

describe('aggregateBoost', () => {
  it('does not enlarge at readable zooms', () => {
    expect(aggregateBoost(1)).toBe(1);
    expect(aggregateBoost(0.9)).toBe(1);
  });

  it('enlarges more the further out, in coarse capped steps', () => {
    expect(aggregateBoost(0.5)).toBe(2);
    expect(aggregateBoost(0.35)).toBe(2.5);
    expect(aggregateBoost(0.05)).toBe(3);
    expect(aggregateBoost(0.6)).toBe(1.5);
  });
});
