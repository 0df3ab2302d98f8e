import { describe, expect, it } from 'vitest';
import { detailScope } from './detail-scope';

const MESH = new Map([
  ['shop', 400],
  ['pay', 150],
  ['audit', 100],
]);

describe('detailScope', () => {
  it('draws a selection that fits at full detail', () => {
    expect(detailScope(MESH, ['shop', 'pay'], [], 600)).toEqual({ overview: false, namespaces: ['shop', 'pay'] });
    expect(detailScope(new Map([['bookinfo', 12]]), [], [], 600)).toEqual({ overview: false, namespaces: [] });
  });

  it('opens a mesh that does not fit as the overview, with the expanded namespaces at full detail', () => {
    expect(detailScope(MESH, [], [], 600)).toEqual({ overview: true, namespaces: [] });
    expect(detailScope(MESH, [], ['box:namespace/pay', 'box:app/shop/cart', 'box:namespace/audit', 'box:namespace/pay'], 600)).toEqual({
      overview: true,
      namespaces: ['audit', 'pay'],
    });
  });

  it('only opens expanded namespaces inside the selection', () => {
    expect(detailScope(MESH, ['shop', 'pay'], ['box:namespace/audit', 'box:namespace/pay'], 500)).toEqual({ overview: true, namespaces: ['pay'] });
  });
});
