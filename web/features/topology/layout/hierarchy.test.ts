import { describe, expect, it } from 'vitest';
import { buildHierarchy, ROOT } from './hierarchy';
import { request } from './test-fixtures';

describe('buildHierarchy', () => {
  const input = {
    boxes: [
      { id: 'cluster', label: 'c' },
      { id: 'ns-a', parent: 'cluster', label: 'a' },
      { id: 'ns-b', parent: 'cluster', label: 'b' },
      { id: 'app-a', parent: 'ns-a', label: 'app' },
    ],
    nodes: [
      { id: 'v1', box: 'app-a', kind: 'workload' },
      { id: 'v2', box: 'app-a', kind: 'workload' },
      { id: 'b1', box: 'ns-b', kind: 'workload' },
      { id: 'ext', kind: 'external' },
      { id: 'lost', box: 'no-such-box', kind: 'workload' },
    ],
    edges: [
      { id: '1', source: 'v1', target: 'v2' },
      { id: '2', source: 'v1', target: 'b1' },
      { id: '3', source: 'v2', target: 'b1' },
      { id: '4', source: 'b1', target: 'ext' },
      { id: '5', source: 'v1', target: 'v1' },
      { id: '6', source: 'v1', target: 'gone' },
    ],
  };

  it('orders containers innermost first and lifts edges to the level where their ends meet', () => {
    const containers = buildHierarchy(request(input));
    expect(containers.map((c) => c.id)).toEqual(['app-a', 'ns-a', 'ns-b', 'cluster', ROOT]);
    const byId = new Map(containers.map((c) => [c.id, c]));
    expect(byId.get('app-a')?.edges).toEqual([['n:v1', 'n:v2']]);
    // v1→b1 and v2→b1 both lift to ns-a → ns-b inside the cluster, once.
    expect(byId.get('cluster')?.edges).toEqual([['b:ns-a', 'b:ns-b']]);
    expect(byId.get('ns-a')?.edges).toEqual([]);
    expect(byId.get(ROOT)?.edges).toEqual([['b:cluster', 'n:ext']]);
    // A node in an unknown box is laid out at the top level.
    expect(byId.get(ROOT)?.childNodes).toEqual([3, 4]);
  });

  it('rejects boxes that contain themselves', () => {
    const cyclic = { nodes: [], edges: [], boxes: [{ id: 'a', parent: 'b', label: 'a' }, { id: 'b', parent: 'a', label: 'b' }] };
    expect(() => buildHierarchy(request(cyclic))).toThrow(/box a is inside itself/);
  });
});
