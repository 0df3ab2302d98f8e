import { useMemo, useState } from 'react';
import type { KindInfo } from '../../../../mesh/kinds';
import { useEditorSchema } from '../../../api/config-writes';
import type { KubeObject } from '../../../api';
import { ErrorBanner } from '../../../ui';
import { YamlDiffEditor, YamlEditor } from '../../../ui/editor';
import type { EditorMarker } from '../../../ui/editor';
import { useFindingsFor } from '../analysis/use-findings';
import { analysisMarkers } from './analysis-markers';
import { ConflictView } from './ConflictView';
import type { DraftKey } from './drafts';
import { editableYaml } from './object-yaml';
import { ProblemsList } from './ProblemsList';
import { useEditSession } from './use-edit-session';
import type { EditSession, EditStart } from './use-edit-session';
import './edit.css';

interface EditViewProps {
  readonly kind: KindInfo;
  /** The object as it is live now (kept current by a watch). */
  readonly live: KubeObject;
  readonly start: EditStart;
  readonly draftKey: DraftKey;
  /** Set when the identity may not update the object: the editor only shows it, and says why. */
  readonly readOnlyReason?: string;
  onApplied(object: KubeObject, historyError?: Error): void;
  onClose(): void;
}

/** The edit flow on a config object: edit with checks as you type → review the diff → dry run → apply. */
export function EditView({ kind, live, start, draftKey, readOnlyReason, onApplied, onClose }: EditViewProps) {
  const session = useEditSession(kind, draftKey, start, onApplied);
  const title = `${kind.kind} ${live.metadata.namespace ? `${live.metadata.namespace}/` : ''}${live.metadata.name ?? ''}`;
  return (
    <div className="edit-view">
      {session.failure ? <ErrorBanner {...session.failure} /> : null}
      {session.stage === 'edit' ? <EditStage kind={kind} live={live} session={session} title={title} readOnlyReason={readOnlyReason} onClose={onClose} /> : null}
      {session.stage === 'review' ? <ReviewStage live={live} session={session} title={title} /> : null}
      {session.stage === 'conflict' && session.conflictLive ? (
        <ConflictView
          title={title}
          base={session.base}
          mineText={session.text}
          live={session.conflictLive}
          busy={session.busy !== undefined}
          onTakeMerge={session.rebase}
          onReload={(object) => session.rebase(object)}
          onOverwrite={() => void session.overwrite()}
        />
      ) : null}
    </div>
  );
}

interface EditStageProps {
  readonly kind: KindInfo;
  readonly live: KubeObject;
  readonly session: EditSession;
  readonly title: string;
  readonly readOnlyReason: string | undefined;
  onClose(): void;
}

function EditStage({ kind, live, session, title, readOnlyReason, onClose }: EditStageProps) {
  const kinds = useMemo(() => [kind], [kind]);
  const { schema } = useEditorSchema(kinds);
  const { findings, isLoading } = useFindingsFor(session.parsed.object, live);
  const [shown, setShown] = useState<readonly EditorMarker[]>([]);
  const [revealLine, setRevealLine] = useState<number>();
  const markers = useMemo(
    () => [...analysisMarkers(session.text, findings), ...(session.rejected?.markers ?? [])],
    [session.text, findings, session.rejected],
  );
  return (
    <>
      <div className="edit-toolbar">
        <span className="edit-step">{readOnlyReason ? `Viewing ${title}` : `Editing ${title}`}</span>
        {session.blocker && session.changed ? <span className="edit-blocker">{session.blocker}</span> : null}
        {!readOnlyReason && live.metadata.resourceVersion !== session.base.metadata.resourceVersion ? (
          <span className="edit-moved" role="status">
            Changed elsewhere since you started; applying will offer a merge.
          </span>
        ) : null}
        <span className="edit-actions">
          <button type="button" className="button" onClick={onClose} title="Closes the editor; an unsaved draft stays in this browser">
            Close editor
          </button>
          {readOnlyReason ? null : (
            <>
              <button type="button" className="button" disabled={!session.changed} onClick={() => session.setText(session.baseText)}>
                Discard changes
              </button>
              <button
                type="button"
                className="button is-primary"
                disabled={!session.changed || Boolean(session.blocker)}
                onClick={session.review}
              >
                Review changes
              </button>
            </>
          )}
        </span>
      </div>
      <div className="edit-main">
        <YamlEditor
          value={session.text}
          onChange={session.setText}
          readOnly={Boolean(readOnlyReason)}
          readOnlyReason={readOnlyReason}
          schema={schema}
          markers={markers}
          onMarkersChange={setShown}
          revealLine={revealLine}
          ariaLabel={`${title} (editing)`}
        />
        <ProblemsList
          markers={shown}
          messages={session.rejected?.messages ?? []}
          pending={isLoading ? 'Reading the live mesh for analysis…' : undefined}
          onReveal={setRevealLine}
        />
      </div>
    </>
  );
}

function ReviewStage({ live, session, title }: { live: KubeObject; session: EditSession; title: string }) {
  const liveText = useMemo(() => editableYaml(live), [live]);
  return (
    <>
      <div className="edit-toolbar">
        <span className="edit-step">Review the change to {title}</span>
        {session.dryRunPassed ? (
          <span className="edit-passed" role="status">
            Dry run passed: the API server accepts this change.
          </span>
        ) : null}
        <span className="edit-actions">
          <button type="button" className="button" onClick={session.backToEdit} disabled={session.busy !== undefined}>
            Back to editor
          </button>
          <button type="button" className="button" onClick={() => void session.dryRun()} disabled={session.busy !== undefined}>
            {session.busy === 'dry-run' ? 'Dry run…' : 'Dry run'}
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={() => void session.apply()}
            disabled={!session.dryRunPassed || session.busy !== undefined}
            title={session.dryRunPassed ? undefined : 'Run a dry run first: the server checks the change without applying it'}
          >
            {session.busy === 'apply' ? 'Applying…' : 'Apply'}
          </button>
        </span>
      </div>
      <YamlDiffEditor original={liveText} modified={session.text} originalLabel="Live" modifiedLabel="Your change" ariaLabel={`Changes to ${title}`} />
    </>
  );
}
