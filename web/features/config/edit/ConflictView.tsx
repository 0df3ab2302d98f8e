import { useMemo, useState } from 'react';
import type { KubeObject } from '../../../api';
import { toYaml } from '../../../api/config-writes';
import { YamlEditor } from '../../../ui/editor';
import { formatFieldPath } from '../field-path';
import { threeWayMerge } from './merge';
import type { MergeChoice, MergeConflict } from './merge';
import { editableObject, editableYaml, parseDraft } from './object-yaml';

interface ConflictViewProps {
  readonly title: string;
  readonly base: KubeObject;
  readonly mineText: string;
  readonly live: KubeObject;
  readonly busy: boolean;
  onTakeMerge(live: KubeObject, text: string): void;
  onReload(live: KubeObject): void;
  onOverwrite(): void;
}

/** Someone else changed the object meanwhile: the three versions, a field-level merge, and the ways out. */
export function ConflictView({ title, base, mineText, live, busy, onTakeMerge, onReload, onOverwrite }: ConflictViewProps) {
  const [choices, setChoices] = useState<ReadonlyMap<string, MergeChoice>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const mine = useMemo(() => parseDraft(mineText).object, [mineText]);
  const merge = useMemo(
    () => threeWayMerge(editableObject(base), mine, editableObject(live), (conflict) => choices.get(formatFieldPath(conflict.path)) ?? 'mine'),
    [base, mine, live, choices],
  );
  const choose = (conflict: MergeConflict, choice: MergeChoice) => setChoices(new Map(choices).set(formatFieldPath(conflict.path), choice));

  return (
    <section className="conflict" aria-label="Conflict">
      <div className="conflict-intro" role="alert">
        <strong>{title} was changed by someone else while you were editing.</strong> You started from resourceVersion{' '}
        <span className="mono">{base.metadata.resourceVersion}</span>; it is now at <span className="mono">{live.metadata.resourceVersion}</span>.
        Nothing was applied. Merge the two changes, take the live version, or overwrite it with yours.
      </div>
      <div className="conflict-panes">
        <ConflictPane label="Yours" text={mineText} />
        <ConflictPane label="Live now" text={editableYaml(live)} />
        <ConflictPane label="Base (where you started)" text={editableYaml(base)} />
      </div>
      <div className="conflict-merge">
        <p>
          {merge.takenFromTheirs.length
            ? `Merged automatically from the live version: ${merge.takenFromTheirs.map(formatFieldPath).join(', ')}.`
            : 'The live version changed nothing you did not change too.'}{' '}
          {merge.conflicts.length ? `${merge.conflicts.length} field(s) changed on both sides: choose which to keep.` : 'No field was changed on both sides.'}
        </p>
        {merge.conflicts.length ? (
          <table className="conflict-fields">
            <thead>
              <tr>
                <th>Field</th>
                <th>Base</th>
                <th>Yours</th>
                <th>Live now</th>
              </tr>
            </thead>
            <tbody>
              {merge.conflicts.map((conflict) => {
                const path = formatFieldPath(conflict.path);
                const chosen = choices.get(path) ?? 'mine';
                return (
                  <tr key={path}>
                    <td className="mono">{path}</td>
                    <td>
                      <Value value={conflict.base} />
                    </td>
                    {(['mine', 'theirs'] as const).map((side) => (
                      <td key={side}>
                        <label className="conflict-choice">
                          <input
                            type="radio"
                            name={`conflict-${path}`}
                            checked={chosen === side}
                            onChange={() => choose(conflict, side)}
                            aria-label={`${path}: keep ${side === 'mine' ? 'yours' : 'live'}`}
                          />
                          <Value value={side === 'mine' ? conflict.mine : conflict.theirs} />
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </div>
      <div className="edit-actions">
        <button
          type="button"
          className="button is-primary"
          disabled={busy || !mine}
          onClick={() => onTakeMerge(live, toYaml(merge.merged as KubeObject))}
        >
          Take the merge into the editor
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onReload(live)}>
          Reload the live version (discard mine)
        </button>
        {confirming ? (
          <span className="conflict-confirm">
            Replace the other change with yours?
            <button type="button" className="button danger" disabled={busy} onClick={onOverwrite}>
              Overwrite
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
            Overwrite with mine…
          </button>
        )}
      </div>
    </section>
  );
}

function ConflictPane({ label, text }: { label: string; text: string }) {
  return (
    <div className="conflict-pane">
      <h4>{label}</h4>
      <YamlEditor value={text} readOnly ariaLabel={`${label} (read-only)`} />
    </div>
  );
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="subtle">(absent)</span>;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return <code className="conflict-value">{text}</code>;
}
