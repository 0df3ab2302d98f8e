import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { stringify } from 'yaml';
import { CONFIG_KINDS, findKindById, kindId } from '../../../mesh/kinds';
import type { KindInfo } from '../../../mesh/kinds';
import { asArray, asRecord, asString, explainError, useKubeObject } from '../../api';
import type { KubeObject } from '../../api';
import { useCarriedSearch } from '../../app/url-state';
import {
  Badge,
  EmptyState,
  ErrorBanner,
  Facts,
  LabelList,
  LoadingPane,
  Page,
  PageHeader,
  PanelSection,
  formatAge,
  useNow,
} from '../../ui';
import { kindLabel } from './config-rows';
import { YamlView } from './YamlView';
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
  return <ConfigObject kind={kind} namespace={namespace} name={name} />;
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
      <PageHeader title={name} meta={<Badge tone="accent">{kind.kind}</Badge>} />
      {error && !object ? <ErrorBanner {...explainError(error, { action: `read ${kind.kind} ${path}` })} action={back} /> : null}
      {isLoading ? <LoadingPane label={`Loading ${kind.kind} ${path}…`} /> : null}
      {notFound ? (
        <EmptyState title={`${kind.kind} ${path} does not exist`} action={back}>
          <p>It may have been deleted, or renamed. The list shows what exists now.</p>
        </EmptyState>
      ) : null}
      {object ? <ObjectDetail kind={kind} object={object} /> : null}
    </Page>
  );
}

function ObjectDetail({ kind, object }: { kind: KindInfo; object: KubeObject }) {
  const now = useNow();
  const [showManaged, setShowManaged] = useState(false);
  const { metadata } = object;
  const yaml = useMemo(() => {
    const shown = showManaged ? object : { ...object, metadata: { ...metadata, managedFields: undefined } };
    return stringify(inKubectlOrder(shown), { lineWidth: 0, aliasDuplicateObjects: false });
  }, [object, metadata, showManaged]);
  const labels = metadata.labels ?? {};
  const annotations = Object.entries(metadata.annotations ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const conditions = asArray(asRecord(object.status).conditions).map(asRecord);

  return (
    <div className="config-detail">
      <div className="config-detail-meta">
        <PanelSection title="Metadata">
          <Facts
            items={[
              ['Kind', `${kind.kind} (${object.apiVersion})`],
              ['Namespace', metadata.namespace ?? 'cluster-scoped'],
              [
                'Created',
                metadata.creationTimestamp ? (
                  <span title={metadata.creationTimestamp}>
                    {formatAge(metadata.creationTimestamp, now)} ago · {new Date(metadata.creationTimestamp).toLocaleString()}
                  </span>
                ) : (
                  ''
                ),
              ],
              ['Generation', metadata.generation === undefined ? '' : String(metadata.generation)],
              ['Resource version', <span className="mono">{metadata.resourceVersion}</span>],
              ['UID', <span className="mono">{metadata.uid}</span>],
            ]}
          />
        </PanelSection>
        <PanelSection title="Labels" count={Object.keys(labels).length}>
          {Object.keys(labels).length ? <LabelList labels={labels} /> : <span className="subtle">No labels</span>}
        </PanelSection>
        <PanelSection title="Annotations" count={annotations.length}>
          {annotations.length ? (
            <dl className="config-annotations">
              {annotations.map(([key, value]) => (
                <div key={key}>
                  <dt className="mono">{key}</dt>
                  <dd className="config-annotation-value">{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <span className="subtle">No annotations</span>
          )}
        </PanelSection>
        {conditions.length ? (
          <PanelSection title="Conditions" count={conditions.length}>
            <div className="config-conditions">
              {conditions.map((condition, index) => (
                <div key={index}>
                  <Badge tone={asString(condition.status) === 'True' ? 'ok' : 'warn'}>{asString(condition.type) ?? '?'}</Badge>{' '}
                  <span className="muted">{asString(condition.reason)}</span>
                  {asString(condition.message) ? <div className="config-condition-message">{asString(condition.message)}</div> : null}
                </div>
              ))}
            </div>
          </PanelSection>
        ) : null}
        {metadata.managedFields?.length ? (
          <PanelSection title="YAML">
            <label className="muted">
              <input type="checkbox" checked={showManaged} onChange={(event) => setShowManaged(event.target.checked)} /> Show
              managedFields
            </label>
          </PanelSection>
        ) : null}
      </div>
      <YamlView source={yaml} label={`${kind.kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name ?? ''} (read-only)`} />
    </div>
  );
}

/** apiVersion, kind, metadata, spec, status first, as kubectl prints them; other fields after. */
function inKubectlOrder(object: KubeObject): Record<string, unknown> {
  const { apiVersion, kind, metadata, spec, status, ...rest } = object;
  return { apiVersion, kind, metadata, spec, status, ...rest };
}
