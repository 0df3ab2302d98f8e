import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CONFIG_KINDS, findKindById, kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import { explainError, useKubeObject } from '../../api';
import { toYaml } from '../../api/config-writes';
import type { KubeObject } from '../../api';
import { useCarriedSearch } from '../../app/url-state';
import { Badge, EmptyState, ErrorBanner, LoadingPane, Page, PageHeader, PanelSection } from '../../ui';
import { FindingsList } from './analysis/FindingsPanel';
import { useFindingsFor } from './analysis/use-findings';
import { kindLabel } from './config-rows';
import { DraftBanner } from './edit/DraftBanner';
import { EditButton } from './edit/EditButton';
import { EditView } from './edit/EditView';
import { useObjectEditing } from './edit/use-object-editing';
import type { ObjectEditing } from './edit/use-object-editing';
import { ObjectMeta } from './ObjectMeta';
import { YamlView } from './YamlView';
import { DeleteAction } from './delete/DeleteAction';
import { ExportActions } from './export/ExportActions';
import { ConfigHistory } from './history/ConfigHistory';
import './config.css';

export function ConfigDetailPage() {
  const { kindId = '', namespace, name = '' } = useParams();
  const kind = findKindById(kindId);
  const search = useCarriedSearch();
  if (!kind || !CONFIG_KINDS.includes(kind)) {
    return (
      <Page>
        <EmptyState title="Unknown kind" action={<Link className="button" to={`/config${search}`}>Back to Istio config</Link>}>
          <p>
            “{kindId}” is not an Istio or Gateway API kind that this console knows. Check the link, or open the object from the
            config list.
          </p>
        </EmptyState>
      </Page>
    );
  }
  return <ConfigObject key={`${kindId}/${namespace ?? ''}/${name}`} kind={kind} namespace={namespace} name={name} />;
}

function ConfigObject({ kind, namespace, name }: { kind: KindInfo; namespace: string | undefined; name: string }) {
  const { object, error, isLoading, notFound } = useKubeObject(kind, namespace, name);
  const search = useCarriedSearch();
  const path = namespace ? `${namespace}/${name}` : name;
  const back = <Link className="button" to={`/config${search}`}>Back to Istio config</Link>;

  return (
    <Page>
      <div className="config-breadcrumb">
        <Link to={`/config${search}`}>Istio Config</Link>
        <span aria-hidden>›</span>
        <Link to={`/config?kind=${encodeURIComponent(kindId(kind))}${search ? `&${search.slice(1)}` : ''}`}>
          {kindLabel(kind)}
        </Link>
        {namespace ? (
          <>
            <span aria-hidden>›</span>
            <Link to={`/config?ns=${encodeURIComponent(namespace)}`} title={`Istio config in ${namespace}`}>
              {namespace}
            </Link>
          </>
        ) : null}
      </div>
      {error && !object ? <ErrorBanner {...explainError(error, { action: `read ${kind.kind} ${path}` })} action={back} /> : null}
      {isLoading ? <LoadingPane label={`Loading ${kind.kind} ${path}…`} /> : null}
      {notFound ? (
        <>
          <PageHeader title={name} meta={<Badge tone="accent">{kind.kind}</Badge>} />
          <EmptyState title={`${kind.kind} ${path} does not exist`} action={back}>
            <p>It may have been deleted, or renamed. The list shows what exists now.</p>
          </EmptyState>
        </>
      ) : null}
      {object ? <ObjectScreen kind={kind} object={object} /> : null}
      {object || notFound ? <ConfigHistory kind={kind} namespace={namespace} name={name} live={object} /> : null}
    </Page>
  );
}

/** The header with the object's actions, then either the object (metadata, findings, YAML) or its editor. */
function ObjectScreen({ kind, object }: { kind: KindInfo; object: KubeObject }) {
  const editing = useObjectEditing(kind, object);
  const name = object.metadata.name ?? '';
  return (
    <>
      <PageHeader title={name} meta={<Badge tone="accent">{kind.kind}</Badge>} actions={
          <>
            <EditButton editing={editing} />
            <ExportActions kind={kind} object={object} />
            <DeleteAction kind={kind} object={object} />
          </>
        } />
      {editing.start ? (
        <EditView
          kind={kind}
          live={object}
          start={editing.start}
          draftKey={editing.draftKey}
          readOnlyReason={editing.readOnlyReason}
          onApplied={editing.markApplied}
          onClose={editing.close}
        />
      ) : (
        <ObjectDetail kind={kind} object={object} editing={editing} />
      )}
    </>
  );
}

function ObjectDetail({ kind, object, editing }: { kind: KindInfo; object: KubeObject; editing: ObjectEditing }) {
  const [showManaged, setShowManaged] = useState(false);
  const { metadata } = object;
  const { findings, isLoading } = useFindingsFor(object);
  const yaml = useMemo(
    () => toYaml(showManaged ? object : { ...object, metadata: { ...metadata, managedFields: undefined } }),
    [object, metadata, showManaged],
  );
  const label = `${kind.kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name ?? ''} (read-only)`;

  return (
    <>
      {editing.draft ? <DraftBanner draft={editing.draft} live={object} onRestore={editing.open} onDiscard={editing.discardDraft} /> : null}
      {editing.applied ? (
        <div className="config-applied" role="status">
          Applied. The object is now at resourceVersion <span className="mono">{editing.applied.object.metadata.resourceVersion}</span>.
          {editing.applied.historyError ? ` It could not be recorded in the history: ${editing.applied.historyError.message}` : null}
        </div>
      ) : null}
      <div className="config-detail">
        <ObjectMeta kind={kind} object={object}>
          <PanelSection title="Analysis" count={isLoading ? undefined : findings.length}>
            {isLoading ? <span className="subtle">Reading the mesh…</span> : <FindingsList findings={findings} />}
          </PanelSection>
          {metadata.managedFields?.length ? (
            <PanelSection title="YAML">
              <label className="muted">
                <input type="checkbox" checked={showManaged} onChange={(event) => setShowManaged(event.target.checked)} /> Show
                managedFields
              </label>
            </PanelSection>
          ) : null}
        </ObjectMeta>
        <YamlView source={yaml} label={label} />
      </div>
    </>
  );
}
