import { Link } from 'react-router';
import { CONFIG_KINDS, findKind } from '../../../../mesh/kinds';
import type { Finding, ObjectRef } from '../../../../mesh/analysis';
import { configPath } from '../../../app/links';
import { useCarriedSearch } from '../../../app/url-state';
import { Badge, plural } from '../../../ui';
import type { Tone } from '../../../ui';
import { formatFieldPath } from '../field-path';
import { worstSeverity } from './findings';
import './analysis.css';

export const SEVERITY_TONES: Record<Finding['severity'], Tone> = { error: 'danger', warning: 'warn', info: 'info' };

/** What mesh analysis says about one object: each finding with its code, fix and the objects involved. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <span className="subtle">No findings: the checks found nothing wrong with this object.</span>;
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((finding, index) => (
        <li key={`${finding.code}:${index}`} className="finding">
          <div className="finding-head">
            <Badge tone={SEVERITY_TONES[finding.severity]}>{finding.severity}</Badge>
            <span className="mono finding-code">{finding.code}</span>
            {finding.source === 'istio' ? <span className="subtle">reported by Istio</span> : null}
          </div>
          <div className="finding-message">{finding.message}</div>
          {finding.path.length ? <div className="finding-path mono subtle">{formatFieldPath(finding.path)}</div> : null}
          {finding.fix ? <div className="finding-fix">Fix: {finding.fix.description}</div> : null}
          {finding.related.length ? (
            <div className="finding-related">
              Related:{' '}
              {finding.related.map((ref, position) => (
                <span key={`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`}>
                  {position ? ', ' : null}
                  <RelatedObject object={ref} />
                </span>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function RelatedObject({ object }: { object: ObjectRef }) {
  const search = useCarriedSearch();
  const kind = findKind(object.group, object.kind);
  const label = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
  if (!kind || !CONFIG_KINDS.includes(kind)) return <span>{label}</span>;
  return <Link to={`${configPath(kind, object.namespace, object.name)}${search}`}>{label}</Link>;
}

/** A row's worst severity and how many findings it has; nothing when there are none. */
export function FindingsBadge({ findings }: { findings: readonly Finding[] | undefined }) {
  if (!findings?.length) return null;
  const worst = worstSeverity(findings) ?? 'info';
  const alike = findings.every((finding) => finding.severity === worst);
  const codes = [...new Set(findings.map((finding) => finding.code))].join(', ');
  return (
    <Badge tone={SEVERITY_TONES[worst]} title={`${plural(findings.length, 'finding')}: ${codes}`}>
      {plural(findings.length, alike ? worst : 'finding')}
    </Badge>
  );
}
