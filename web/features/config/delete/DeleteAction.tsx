import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CONFIG_KINDS } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import { REFERENCE_VIA_TEXT, referencesToObject } from '../../../../mesh/references';
import type { ConfigReference } from '../../../../mesh/references';
import { explainError, isKubeApiError, useCanI, useKubeApi, useKubeListsIn } from '../../../api';
import { deleteObject, describeObject } from '../../../api/config-writes';
import type { ErrorExplanation, KubeObject } from '../../../api';
import { configPath } from '../../../app/links';
import { Dialog, ErrorBanner, Spinner } from '../../../ui';
import './delete.css';

const EVERYWHERE: readonly string[] = [];

/** A Delete button and its confirmation, which lists what points at the object; recorded in the history so it can be restored. */
export function DeleteAction({ kind, object, onDeleted }: { kind: KindInfo; object: KubeObject; onDeleted?: () => void }) {
  const [open, setOpen] = useState(false);
  const access = useCanI('delete', kind, object.metadata.namespace);
  const denied = access.allowed === false;
  return (
    <>
      <button
        type="button"
        className="button is-danger"
        disabled={denied}
        title={denied ? `Your identity may not delete ${kind.plural}${object.metadata.namespace ? ` in ${object.metadata.namespace}` : ''}` : undefined}
        onClick={() => setOpen(true)}
      >
        Delete
      </button>
      {open ? (
        <DeleteDialog
          kind={kind}
          object={object}
          onClose={() => setOpen(false)}
          onDeleted={() => {
            setOpen(false);
            onDeleted?.();
          }}
        />
      ) : null}
    </>
  );
}

function DeleteDialog({ kind, object, onClose, onDeleted }: { kind: KindInfo; object: KubeObject; onClose: () => void; onDeleted: () => void }) {
  const { client } = useKubeApi();
  const results = useKubeListsIn(CONFIG_KINDS, EVERYWHERE);
  const loading = results.some((r) => r.isLoading);
  const references = useMemo(
    () => referencesToObject({ kind, object }, CONFIG_KINDS.map((k, i) => ({ kind: k, items: results[i]?.items ?? [] }))),
    [kind, object, results],
  );
  const name = object.metadata.name ?? '';
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorExplanation>();
  const label = describeObject(kind, object);
  const mustType = references.length > 0;
  const confirmed = !mustType || typed.trim() === name;

  const submit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await deleteObject(client, { kind, object });
      onDeleted();
    } catch (error) {
      const explained = explainError(error, { action: `delete ${label}` });
      setFailure(
        isKubeApiError(error) && error.code === 409
          ? { ...explained, hint: 'It changed after you opened this dialog. Close it, look at the current version, and delete again if you still mean to.' }
          : explained,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={`Delete ${label}?`}
      onClose={onClose}
      width={560}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="delete-form" className="button is-danger-solid" disabled={!confirmed || busy || loading}>
            {busy ? 'Deleting…' : `Delete ${kind.kind}`}
          </button>
        </>
      }
    >
      <form
        id="delete-form"
        className="delete-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !busy) void submit();
        }}
      >
        {loading ? (
          <p className="muted">
            <Spinner size={12} label="Looking for references" /> Looking for objects that reference it…
          </p>
        ) : references.length ? (
          <>
            <p>
              <strong>{references.length === 1 ? '1 object references' : `${references.length} objects reference`} it</strong> and
              will stop working as intended:
            </p>
            <ReferenceList references={references} />
          </>
        ) : (
          <p className="muted">No Istio or Gateway API object references it.</p>
        )}
        <p className="muted">The deleted version is kept in its history: open the same address to restore it.</p>
        {mustType ? (
          <label className="delete-confirm">
            <span>
              Type <strong className="mono">{name}</strong> to confirm
            </span>
            <input
              className="text-input mono"
              value={typed}
              autoFocus
              spellCheck={false}
              autoComplete="off"
              aria-label={`Type ${name} to confirm`}
              onChange={(event) => setTyped(event.target.value)}
            />
          </label>
        ) : null}
        {failure ? <ErrorBanner {...failure} /> : null}
      </form>
    </Dialog>
  );
}

function ReferenceList({ references }: { references: readonly ConfigReference[] }) {
  return (
    <ul className="delete-references" aria-label="Referenced by">
      {references.map((r) => (
        <li key={`${r.kind.kind}/${r.namespace}/${r.name}/${r.via}`}>
          <Link to={configPath(r.kind, r.namespace, r.name)} target="_blank" rel="noreferrer">
            {r.kind.kind} {r.namespace ? `${r.namespace}/` : ''}
            {r.name}
          </Link>{' '}
          <span className="muted">{REFERENCE_VIA_TEXT[r.via]}</span>
        </li>
      ))}
    </ul>
  );
}
