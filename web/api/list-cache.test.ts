import { describe, expect, it } from 'vitest';
import type { KubeList, KubeObject, WatchEvent } from '../../mesh/kube-types';
import { applyWatchEvents, sameObjects } from './list-cache';

const obj = (name: string, rv: string, namespace = 'ns'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, resourceVersion: rv },
});
const list = (...items: KubeObject[]): KubeList => ({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '1' }, items });
const names = (l: KubeList) => l.items.map((item) => `${item.metadata.namespace}/${item.metadata.name}@${item.metadata.resourceVersion}`);

describe('applyWatchEvents', () => {
  it('adds new objects at the end and replaces modified ones in place', () => {
    const events: WatchEvent[] = [
      { type: 'ADDED', object: obj('c', '4') },
      { type: 'MODIFIED', object: obj('a', '5') },
    ];
    const next = applyWatchEvents(list(obj('a', '2'), obj('b', '3')), events);
    expect(names(next)).toEqual(['ns/a@5', 'ns/b@3', 'ns/c@4']);
    expect(next.metadata.resourceVersion).toBe('5');
  });

  it('removes deleted objects and tolerates deletes of unknown ones', () => {
    const events: WatchEvent[] = [
      { type: 'DELETED', object: obj('a', '6') },
      { type: 'DELETED', object: obj('zzz', '7') },
    ];
    expect(names(applyWatchEvents(list(obj('a', '2'), obj('b', '3')), events))).toEqual(['ns/b@3']);
  });

  it('treats an ADDED for an object it already has as an update (a watch replaying after reconnect)', () => {
    const next = applyWatchEvents(list(obj('a', '2')), [{ type: 'ADDED', object: obj('a', '9') }]);
    expect(names(next)).toEqual(['ns/a@9']);
  });

  it('keys by namespace and name', () => {
    const next = applyWatchEvents(list(obj('a', '2', 'one')), [{ type: 'ADDED', object: obj('a', '3', 'two') }]);
    expect(names(next)).toEqual(['one/a@2', 'two/a@3']);
  });

  it('handles delete then re-create of the same name in one batch', () => {
    const events: WatchEvent[] = [
      { type: 'DELETED', object: obj('a', '3') },
      { type: 'ADDED', object: obj('a', '4') },
    ];
    expect(names(applyWatchEvents(list(obj('a', '2'), obj('b', '2')), events))).toEqual(['ns/b@2', 'ns/a@4']);
  });

  it('returns the same list when there is nothing to apply, and never mutates the input', () => {
    const original = list(obj('a', '2'));
    expect(applyWatchEvents(original, [])).toBe(original);
    applyWatchEvents(original, [{ type: 'DELETED', object: obj('a', '3') }]);
    expect(names(original)).toEqual(['ns/a@2']);
  });
});

describe('sameObjects', () => {
  const at = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', resourceVersion: rv } });
  const list = (...items: ReturnType<typeof at>[]): KubeList => ({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '9' }, items });
  it('is true only for the same objects at the same versions in the same order', () => {
    expect(sameObjects(list(at('a', '1'), at('b', '2')), list(at('a', '1'), at('b', '2')))).toBe(true);
    expect(sameObjects(list(at('a', '1'), at('b', '2')), list(at('a', '1'), at('b', '3')))).toBe(false);
    expect(sameObjects(list(at('a', '1'), at('b', '2')), list(at('b', '2'), at('a', '1')))).toBe(false);
    expect(sameObjects(list(at('a', '1')), list(at('a', '1'), at('b', '2')))).toBe(false);
    expect(sameObjects(list(at('a', '1')), list(at('c', '1')))).toBe(false);
  });
});
