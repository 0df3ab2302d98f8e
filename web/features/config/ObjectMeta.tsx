import type { ReactNode } from 'react';
import type { KindInfo } from '../../../mesh/kinds';
import { asArray, asRecord, asString } from '../../api';
import type { KubeObject } from '../../api';
import { Badge, Facts, LabelList, PanelSection, formatAge, useNow } from '../../ui';

/** The left column of the detail page: metadata, labels, annotations, conditions, and what the caller adds. */
export function ObjectMeta({ kind, object, children }: { kind: KindInfo; object: KubeObject; children?: ReactNode }) {
  const now = useNow();
  const { metadata } = object;
  const labels = metadata.labels ?? {};
  const annotations = Object.entries(metadata.annotations ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const conditions = asArray(asRecord(object.status).conditions).map(asRecord);

  return (
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
      {children}
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
    </div>
  );
}
