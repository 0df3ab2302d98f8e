/**
 * Unsaved edits kept in the browser, so that nothing typed is lost to a reload or a closed tab: one
 * draft per object, with the version it was based on (needed to merge when the object moved on).
 */
export interface Draft {
  readonly text: string;
  /** The object as loaded into the editor, as YAML: the base of a three-way merge. */
  readonly baseText: string;
  readonly baseResourceVersion: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

export interface DraftKey {
  readonly kindId: string;
  readonly namespace?: string;
  readonly name: string;
}

const PREFIX = 'meshdeck.draft:';

export function draftStorageKey({ kindId, namespace, name }: DraftKey): string {
  return `${PREFIX}${kindId}/${namespace ?? ''}/${name}`;
}

export function readDraft(storage: Storage, key: DraftKey): Draft | undefined {
  try {
    const raw = storage.getItem(draftStorageKey(key));
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return isDraft(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(storage: Storage, key: DraftKey, draft: Draft): void {
  try {
    storage.setItem(draftStorageKey(key), JSON.stringify(draft));
  } catch {
    // A full or disabled storage only costs the reload safety net; the editor keeps the text.
  }
}

export function removeDraft(storage: Storage, key: DraftKey): void {
  try {
    storage.removeItem(draftStorageKey(key));
  } catch {
    // Nothing to clean up without storage.
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.text === 'string' &&
    typeof draft.baseText === 'string' &&
    typeof draft.baseResourceVersion === 'string' &&
    typeof draft.savedAt === 'number'
  );
}
