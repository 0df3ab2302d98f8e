import { useMemo, useState } from 'react';
import type { KindInfo } from '../../../../mesh/kinds';
import { explainError, isKubeApiError, useKubeApi } from '../../../api';
import { cleanForApply, describeObject, saveObject, toYaml } from '../../../api/config-writes';
import type { ErrorExplanation, KubeObject } from '../../../api';
import type { HistoryEntry } from '../../../api/config-writes';
import { Dialog, ErrorBanner } from '../../../ui';
import { YamlDiffEditor } from '../../../ui/editor';
import { versionLabel, versionObject } from './versions';

/**
 * The safe apply flow for a recorded version: the diff from what is live to it, then a save based
 * on that live version, so a change made meanwhile by someone else ends in a conflict, not a loss.
 */
export function RollbackDialog({ kind, entry, live, onClose }: { kind: KindInfo; entry: HistoryEntry; live?: KubeObject; onClose: () => void }) {
  const { client } = useKubeApi();
  const [base, setBase] = useState(live);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorExplanation>();
  const [done, setDone] = useState<string>();
  const chosen = useMemo(() => versionObject(entry), [entry]);
  const baseYaml = base ? toYaml(cleanForApply(base)) : '';
  const label = versionLabel(entry);
  const restoring = !base;
  const unchanged = baseYaml === entry.yaml;

  const submit = async (object: KubeObject) => {
    setBusy(true);
    setFailure(undefined);
    const what = describeObject(kind, object);
    try {
      const saved = await saveObject(client, { kind, object, base, historyAction: 'rollback' });
      setDone(
        saved.historyError
          ? `Done, but the change could not be recorded in the history: ${saved.historyError.message}`
          : `${what} is back at version #${entry.seq}.`,
      );
    } catch (error) {
      if (isKubeApiError(error) && error.code === 409) {
        const latest = await client.get(kind, object.metadata.namespace, object.metadata.name ?? '').catch(() => undefined);
        setBase(latest);
        setFailure({
          title: restoring ? `${what} exists again` : `${what} was changed by someone else`,
          detail: 'Nothing was rolled back. The diff now shows the version that is live now.',
          hint: 'Review the diff again and roll back if you still mean to.',
        });
      } else {
        setFailure(explainError(error, { action: `${restoring ? 'restore' : 'roll back'} ${what}` }));
      }
    } finally {
      setBusy(false);
    }
  };

  const object = chosen.object;
  return (
    <Dialog
      open
      title={restoring ? `Restore version #${entry.seq}` : `Roll back to version #${entry.seq}`}
      onClose={onClose}
      width={1100}
      footer={
        done ? (
          <button type="button" className="button is-primary" onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button is-primary" disabled={!object || busy || unchanged} onClick={() => object && void submit(object)}>
              {busy ? 'Applying…' : restoring ? 'Restore this version' : 'Roll back'}
            </button>
          </>
        )
      }
    >
      <div className="history-rollback">
        {done ? (
          <p role="status" className="history-rollback-done">
            {done}
          </p>
        ) : (
          <>
            <p className="muted">
              {restoring
                ? `The object does not exist. Restoring creates it again as it was in ${label}.`
                : `Left: live now (resource version ${base?.metadata.resourceVersion ?? '?'}). Right: ${label}. Applied only if nobody changes it meanwhile.`}
            </p>
            {chosen.problem ? <ErrorBanner title="This version cannot be applied" detail={chosen.problem} /> : null}
            {failure ? <ErrorBanner {...failure} /> : null}
            {unchanged ? <p className="muted">The live object already is this version: there is nothing to roll back.</p> : null}
            {!unchanged && !chosen.problem ? (
                              <YamlDiffEditor
                  original={baseYaml}
                  modified={entry.yaml}
                  originalLabel={restoring ? 'Does not exist' : 'Live now'}
                  modifiedLabel={label}
                  ariaLabel={`Changes rolling back to ${label}`}
                  height="55vh"
                />
            ) : null}
          </>
        )}
      </div>
    </Dialog>
  );
}
