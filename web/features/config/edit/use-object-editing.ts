/** Whether the detail page is editing its object, from where, and what the user may do. */
import { useCallback, useMemo, useState } from 'react';
import { kindId } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import { useCanI } from '../../../api';
import type { KubeObject } from '../../../api';
import { readDraft, removeDraft } from './drafts';
import type { Draft, DraftKey } from './drafts';
import { editableYaml, parseDraft } from './object-yaml';
import type { EditStart } from './use-edit-session';

export interface ObjectEditing {
  readonly draftKey: DraftKey;
  /** Set while the editor is open. */
  readonly start: EditStart | undefined;
  /** An unsaved draft stored in this browser, while the editor is closed. */
  readonly draft: Draft | undefined;
  /** Why the signed-in identity may not change the object; undefined when it may (or the server has not said yet). */
  readonly readOnlyReason: string | undefined;
  /** The object as the last apply left it, for a confirmation. */
  /** The last change applied from the editor, and why it is missing from the history if it is. */
  readonly applied: AppliedChange | undefined;
  /** Opens the editor, on the stored draft if there is one (so that it is never overwritten). */
  open(): void;
  close(): void;
  discardDraft(): void;
  markApplied(object: KubeObject, historyError?: Error): void;
}

export interface AppliedChange {
  readonly object: KubeObject;
  readonly historyError?: Error;
}

export function useObjectEditing(kind: KindInfo, object: KubeObject): ObjectEditing {
  const { namespace, name = '' } = object.metadata;
  const draftKey = useMemo(() => ({ kindId: kindId(kind), namespace, name }), [kind, namespace, name]);
  const [start, setStart] = useState<EditStart>();
  const [applied, setApplied] = useState<AppliedChange>();
  // Read when the page opens and whenever the editor closes; the page is keyed by the object.
  const [stored, setStored] = useState(() => readDraft(localStorage, draftKey));
  const reread = useCallback(() => setStored(readDraft(localStorage, draftKey)), [draftKey]);
  const access = useCanI('update', kind, namespace);
  const readOnlyReason =
    access.allowed === false
      ? `Your identity may not update ${kind.plural} in ${namespace ?? 'this cluster'} (the API server's access review answered no${
          access.reason ? `: ${access.reason}` : ''
        }). Ask an administrator for write access, or sign in with a token that has it.`
      : undefined;

  const open = useCallback(() => {
    setApplied(undefined);
    const stored = readDraft(localStorage, draftKey);
    const base = stored ? parseDraft(stored.baseText).object : undefined;
    setStart(stored && base ? { base, text: stored.text } : { base: object, text: editableYaml(object) });
  }, [draftKey, object]);

  return {
    draftKey,
    start,
    draft: start ? undefined : stored,
    readOnlyReason,
    applied,
    open,
    close: useCallback(() => {
      setStart(undefined);
      reread();
    }, [reread]),
    discardDraft: useCallback(() => {
      removeDraft(localStorage, draftKey);
      reread();
    }, [draftKey, reread]),
    markApplied: useCallback(
      (result: KubeObject, historyError?: Error) => {
        setApplied({ object: result, historyError });
        setStart(undefined);
        reread();
      },
      [reread],
    ),
  };
}
