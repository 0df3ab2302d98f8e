import { describe, expect, it } from 'vitest';
import { applyPins } from '../layout/pins';
import type { Rect } from '../layout';
import { createPinStore } from './use-pinned';
import type { PinStorage } from './use-pinned';

function memoryStorage(initial: Record<string, string> = {}): PinStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('pin store', () => {
  it('pins rounded positions, tells its listeners and keeps them in storage', () => {
    const storage = memoryStorage();
    const store = createPinStore(storage);
    let heard = 0;
    store.subscribe(() => heard++);
    store.pin('a', { x: 10.4, y: 19.6 });
    store.pin('b', { x: 1, y: 2 });
    expect([...store.get()]).toEqual([
      ['a', { x: 10, y: 20 }],
      ['b', { x: 1, y: 2 }],
    ]);
    expect(heard).toBe(2);
    expect([...createPinStore(storage).get()]).toEqual([...store.get()]);
  });

  it('unpins all at once and forgets them in storage; with no pins it changes nothing', () => {
    const storage = memoryStorage({ 'meshdeck.topology.pinned': JSON.stringify({ a: { x: 1, y: 2 }, broken: { x: 'no' } }) });
    const store = createPinStore(storage);
    expect(store.get().size).toBe(1);
    let heard = 0;
    store.subscribe(() => heard++);
    store.unpinAll();
    expect(store.get().size).toBe(0);
    expect(storage.items.size).toBe(0);
    store.unpinAll();
    expect(heard).toBe(1);
  });

  it('gives an unpinned node back its laid-out place, and its box its laid-out size', () => {
    const layout = {
      nodes: new Map([['a', { x: 40, y: 60 }]]),
      boxes: new Map<string, Rect>([['box', { x: 0, y: 0, width: 240, height: 160 }]]),
    };
    const containment = { nodeBox: new Map([['a', 'box']]), boxParent: new Map<string, string>() };
    const store = createPinStore(memoryStorage());
    store.pin('a', { x: 400, y: 60 });
    const pinned = applyPins(layout, containment, store.get());
    expect(pinned.nodes.get('a')).toEqual({ x: 400, y: 60 });
    expect(pinned.boxes.get('box')?.width).toBeGreaterThan(240);
    store.unpinAll();
    const released = applyPins(layout, containment, store.get());
    expect(released.nodes.get('a')).toEqual({ x: 40, y: 60 });
    expect(released.boxes.get('box')).toEqual({ x: 0, y: 0, width: 240, height: 160 });
  });

  it('survives storage that throws', () => {
    const failing: PinStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    const store = createPinStore(failing);
    store.pin('a', { x: 1, y: 1 });
    expect(store.get().get('a')).toEqual({ x: 1, y: 1 });
  });
});
