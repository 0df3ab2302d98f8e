import { describe, expect, it } from 'vitest';
import { MAX_FOCUSED_MATCHES, focusedEdges, isCrowded } from './focus';
import { aggregateBoost } from './zoom';

const edge = (id: string, source: string, target: string) => ({ id, source, target });
const EDGES = [edge('e1', 'a', 'b'), edge('e2', 'b', 'c'), edge('e3', 'c', 'd'), edge('e4', 'd', 'a')];
const ids = (edges: readonly { id: string }[]) => edges.map((e) => e.id);

describe('focusedEdges', () => {
  it('is empty when nothing is hovered, selected or found', () => {
    expect(focusedEdges(EDGES, { nodeIds: ['', ''], selectedId: '' })).toEqual([]);
  });

  it('takes the edges entering and leaving the hovered and the selected node', () => {
    expect(ids(focusedEdges(EDGES, { nodeIds: ['b', ''], selectedId: '' }))).toEqual(['e1', 'e2']);
    expect(ids(focusedEdges(EDGES, { nodeIds: ['b', 'd'], selectedId: 'd' }))).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('takes the selected edge', () => {
    expect(ids(focusedEdges(EDGES, { nodeIds: [''], selectedId: 'e3' }))).toEqual(['e3']);
  });

  it('takes the hovered edge alongside the selected one', () => {
    expect(ids(focusedEdges(EDGES, { nodeIds: [], selectedId: 'e1', hoveredEdgeId: 'e3' }))).toEqual(['e1', 'e3']);
    expect(ids(focusedEdges(EDGES, { nodeIds: [], selectedId: '', hoveredEdgeId: '' }))).toEqual([]);
  });

  it('takes the matched edges while they are few, none of them when they are many', () => {
    expect(ids(focusedEdges(EDGES, { nodeIds: [], selectedId: '', matches: new Set(['e2', 'e4', 'a']) }))).toEqual(['e2', 'e4']);
    const many = Array.from({ length: MAX_FOCUSED_MATCHES + 1 }, (_, i) => edge(`m${i}`, `s${i}`, `t${i}`));
    const all = new Set(many.map((e) => e.id));
    expect(focusedEdges(many, { nodeIds: [], selectedId: '', matches: all })).toEqual([]);
    expect(ids(focusedEdges(many, { nodeIds: ['s3'], selectedId: '', matches: all }))).toEqual(['m3']);
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
