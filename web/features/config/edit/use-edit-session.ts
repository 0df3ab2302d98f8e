/**
 * The edit flow's state: the draft, the version it is based on, and the steps edit → review → dry
 * run → apply, with a conflict stage when someone else changed the object meanwhile.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KindInfo } from '../../../../mesh/kinds';
import { explainError, isKubeApiError, useKubeApi } from '../../../api';
import { saveObject } from '../../../api/config-writes';
import type { ErrorExplanation, KubeObject } from '../../../api';
import { removeDraft, writeDraft } from './drafts';
import type { DraftKey } from './drafts';
import { editableYaml, identityChange, parseDraft } from './object-yaml';
import type { ParsedDraft } from './object-yaml';
import { serverProblems } from './server-problems';
import type { ServerProblems } from './server-problems';

export type EditStage = 'edit' | 'review' | 'conflict';
type Busy = 'dry-run' | 'apply' | 'overwrite';

export interface EditStart {
  /** The object as loaded: its resourceVersion guards the apply. */
  readonly base: KubeObject;
  readonly text: string;
}

export interface EditSession {
  readonly stage: EditStage;
  readonly text: string;
  readonly base: KubeObject;
  readonly baseText: string;
  readonly parsed: ParsedDraft;
  /** Why the draft cannot be applied as it is, before asking the server. */
  readonly blocker: string | undefined;
  readonly changed: boolean;
  readonly busy: Busy | undefined;
  readonly dryRunPassed: boolean;
  /** The server's refusal of this very text, placed at lines. */
  readonly rejected: ServerProblems | undefined;
  readonly failure: ErrorExplanation | undefined;
  /** The live object that made the apply fail with 409. */
  readonly conflictLive: KubeObject | undefined;
  setText(text: string): void;
  review(): void;
  backToEdit(): void;
  dryRun(): Promise<void>;
  apply(): Promise<void>;
  overwrite(): Promise<void>;
  /** Continues from the live object: with the given (merged) text, or with the live text itself. */
  rebase(live: KubeObject, text?: string): void;
}

export function useEditSession(kind: KindInfo, draftKey: DraftKey, start: EditStart, onApplied: (object: KubeObject, historyError?: Error) => void): EditSession {
  const { client } = useKubeApi();
  const [base, setBase] = useState(start.base);
  const [text, setText] = useState(start.text);
  const [stage, setStage] = useState<EditStage>('edit');
  const [busy, setBusy] = useState<Busy>();
  const [passedFor, setPassedFor] = useState<string>();
  const [rejection, setRejection] = useState<{ text: string; problems: ServerProblems }>();
  const [failure, setFailure] = useState<ErrorExplanation>();
  const [conflictLive, setConflictLive] = useState<KubeObject>();

  const baseText = useMemo(() => editableYaml(base), [base]);
  const parsed = useMemo(() => parseDraft(text), [text]);
  const blocker = parsed.error ?? (parsed.object ? identityChange(base, parsed.object) : undefined);
  const changed = text !== baseText;

  // Written on every change (a few KB): a reload or a closed tab a moment after typing loses nothing.
  useEffect(() => {
    if (!changed) removeDraft(localStorage, draftKey);
    else writeDraft(localStorage, draftKey, { text, baseText, baseResourceVersion: base.metadata.resourceVersion ?? '', savedAt: Date.now() });
  }, [text, baseText, base, changed, draftKey]);

  const fail = useCallback(
    async (error: unknown, action: string) => {
      if (isKubeApiError(error) && error.code === 409) {
        const { namespace, name = '' } = base.metadata;
        try {
          setConflictLive(await client.get(kind, namespace, name));
          setStage('conflict');
          return;
        } catch (reread) {
          setFailure(explainError(reread, { action: `re-read ${kind.kind} ${name} after a conflict` }));
          return;
        }
      }
      if (isKubeApiError(error) && (error.code === 422 || error.code === 400)) {
        setRejection({ text, problems: serverProblems(text, error.message, error.causes) });
        setStage('edit');
        return;
      }
      setFailure(explainError(error, { action }));
    },
    [base, client, kind, text],
  );

  const save = useCallback(
    async (mode: Busy) => {
      if (!parsed.object || blocker) return;
      setBusy(mode);
      setFailure(undefined);
      setRejection(undefined);
      const name = `${kind.kind} ${base.metadata.name ?? ''}`;
      try {
        const result = await saveObject(client, { kind, object: parsed.object, base, dryRun: mode === 'dry-run', overwrite: mode === 'overwrite' });
        if (mode === 'dry-run') setPassedFor(text);
        else {
          removeDraft(localStorage, draftKey);
          onApplied(result.object, result.historyError);
        }
      } catch (error) {
        await fail(error, mode === 'dry-run' ? `dry-run the change to ${name}` : `apply the change to ${name}`);
      } finally {
        setBusy(undefined);
      }
    },
    [base, blocker, client, draftKey, fail, kind, onApplied, parsed.object, text],
  );

  return {
    stage,
    text,
    base,
    baseText,
    parsed,
    blocker,
    changed,
    busy,
    dryRunPassed: passedFor === text,
    rejected: rejection?.text === text ? rejection.problems : undefined,
    failure,
    conflictLive,
    setText,
    review: () => {
      setFailure(undefined);
      setStage('review');
    },
    backToEdit: () => setStage('edit'),
    dryRun: () => save('dry-run'),
    apply: () => save('apply'),
    overwrite: () => save('overwrite'),
    rebase: (live, next) => {
      setBase(live);
      setText(next ?? editableYaml(live));
      setConflictLive(undefined);
      setPassedFor(undefined);
      setFailure(undefined);
      setStage('edit');
    },
  };
}
