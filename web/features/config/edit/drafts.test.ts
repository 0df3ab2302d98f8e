import { describe, expect, it } from 'vitest';
import { draftStorageKey, readDraft, removeDraft, writeDraft } from './drafts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const KEY = { kindId: 'virtualservices.networking.istio.io', namespace: 'bookinfo', name: 'reviews' };
const DRAFT = { text: 'kind: VirtualService\n', baseText: 'kind: VirtualService\n', baseResourceVersion: '42', savedAt: 1 };

describe('drafts', () => {
  it('round-trips a draft per object', () => {
    const storage = memoryStorage();
    writeDraft(storage, KEY, DRAFT);
    expect(readDraft(storage, KEY)).toEqual(DRAFT);
    expect(readDraft(storage, { ...KEY, name: 'ratings' })).toBeUndefined();
    expect(draftStorageKey(KEY)).toBe('meshdeck.draft:virtualservices.networking.istio.io/bookinfo/reviews');
  });

  it('ignores what is not a draft and forgets a removed one', () => {
    const storage = memoryStorage();
    storage.setItem(draftStorageKey(KEY), '{"text": 1}');
    expect(readDraft(storage, KEY)).toBeUndefined();
    storage.setItem(draftStorageKey(KEY), 'not json');
    expect(readDraft(storage, KEY)).toBeUndefined();
    writeDraft(storage, KEY, DRAFT);
    removeDraft(storage, KEY);
    expect(readDraft(storage, KEY)).toBeUndefined();
  });
});
