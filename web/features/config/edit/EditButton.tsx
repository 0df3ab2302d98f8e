import { preloadEditor } from '../../../ui/editor';
import type { ObjectEditing } from './use-object-editing';

/** Opens the editor (on the stored draft if there is one); a read-only identity gets a read-only editor. */
export function EditButton({ editing }: { editing: ObjectEditing }) {
  if (editing.start) return null;
  const readOnly = Boolean(editing.readOnlyReason);
  return (
    <button
      type="button"
      className="button is-primary"
      onPointerEnter={preloadEditor}
      onFocus={preloadEditor}
      onClick={editing.open}
      title={readOnly ? `Read-only: ${editing.readOnlyReason}` : undefined}
    >
      {readOnly ? 'View in editor' : editing.draft ? 'Edit draft' : 'Edit'}
    </button>
  );
}
