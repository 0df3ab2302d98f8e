import type { KubeObject } from '../../../api';
import { formatAge, useNow } from '../../../ui';
import type { Draft } from './drafts';

/** Offers an unsaved draft found in this browser: restore it into the editor, or throw it away. */
export function DraftBanner({ draft, live, onRestore, onDiscard }: { draft: Draft; live: KubeObject; onRestore(): void; onDiscard(): void }) {
  const now = useNow();
  const moved = draft.baseResourceVersion !== live.metadata.resourceVersion;
  return (
    <div className="draft-banner" role="status">
      <span>
        <strong>Unsaved edit</strong> from {formatAge(new Date(draft.savedAt).toISOString(), now)} ago in this browser.
        {moved ? ' The object has changed since; applying it will offer a merge.' : ''}
      </span>
      <span className="draft-banner-actions">
        <button type="button" className="button is-primary" onClick={onRestore}>
          Restore draft
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard draft
        </button>
      </span>
    </div>
  );
}
