import { Link } from 'react-router';
import { findKind } from '../../../mesh/kinds';
import type { KeyValue, Trace } from '../../../mesh/telemetry/jaeger-model';
import { podView, useKubeObject } from '../../api';
import { detailPath, tracePath } from '../../app/links';
import { Facts, PanelSection, SidePanel } from '../../ui';
import { formatMicros } from './duration';
import type { SpanNode } from './span-tree';
import { spanOrigin, workloadOfOwner, workloadOfPodName } from './span-workload';
import type { SpanOrigin } from './span-workload';

const POD = findKind('', 'Pod')!;

export function SpanDetails({ trace, node, traceStart, onClose }: { trace: Trace; node: SpanNode; traceStart: number; onClose: () => void }) {
  const { span } = node;
  const origin = spanOrigin(trace, span);
  const process = trace.processes[span.processID];
  return (
    <SidePanel title={span.operationName || '(no operation)'} subtitle={node.service} onClose={onClose}>
      <Facts
        items={[
          ['Service', node.service],
          ['Duration', formatMicros(span.duration)],
          ['Starts at', `+${formatMicros(span.startTime - traceStart)}`],
          ['Span ID', <span className="mono">{span.spanID}</span>],
          ['Status', node.error ? <span className="trace-error-text">error</span> : 'ok'],
        ]}
      />
      {origin?.pod ? <WorkloadLinks origin={origin} pod={origin.pod} /> : null}
      <PanelSection title="Tags" count={span.tags.length}>
        <KeyValues items={span.tags} />
      </PanelSection>
      {span.logs.length > 0 ? (
        <PanelSection title="Logs" count={span.logs.length}>
          {span.logs.map((log, index) => (
            <div key={`${log.timestamp}-${index}`} className="span-log">
              <div className="subtle">+{formatMicros(log.timestamp - traceStart)}</div>
              <KeyValues items={log.fields} />
            </div>
          ))}
        </PanelSection>
      ) : null}
      <PanelSection title="Process" count={process?.tags.length ?? 0}>
        <KeyValues items={[{ key: 'serviceName', type: 'string', value: process?.serviceName ?? '' }, ...(process?.tags ?? [])]} />
      </PanelSection>
      {span.references.length > 0 ? (
        <PanelSection title="References" count={span.references.length}>
          <ul className="span-references">
            {span.references.map((ref) => (
              <li key={`${ref.refType}-${ref.spanID}`}>
                {ref.refType}{' '}
                <Link className="mono" to={tracePath(ref.traceID, ref.spanID)}>
                  {ref.spanID}
                </Link>
              </li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
      {(span.warnings ?? []).length > 0 ? (
        <PanelSection title="Warnings">
          <ul>{(span.warnings ?? []).map((warning) => <li key={warning}>{warning}</li>)}</ul>
        </PanelSection>
      ) : null}
    </SidePanel>
  );
}

/** The workload page and the pod's access log for this request, the pod's owner read from the cluster when it still exists. */
function WorkloadLinks({ origin, pod }: { origin: SpanOrigin; pod: string }) {
  const { object } = useKubeObject(POD, origin.namespace, pod);
  const owner = object ? podView(object).owner : undefined;
  const workload = owner ? workloadOfOwner(owner) : workloadOfPodName(pod);
  const logParams: Record<string, string> = origin.requestId ? { q: origin.requestId, pod } : { pod };
  return (
    <div className="span-links">
      <Link className="button" to={detailPath('workload', origin.namespace, workload)} aria-label="Open workload">
        Workload {origin.namespace}/{workload}
      </Link>
      <Link className="button" to={detailPath('workload', origin.namespace, workload, { tab: 'logs', params: logParams })} aria-label="Open logs">
        Logs of this request
      </Link>
    </div>
  );
}

function KeyValues({ items }: { items: readonly KeyValue[] }) {
  if (items.length === 0) return <div className="muted">none</div>;
  return (
    <table className="span-kv">
      <tbody>
        {items.map((item, index) => (
          <tr key={`${item.key}-${index}`}>
            <th scope="row">{item.key}</th>
            <td className={isErrorTag(item) ? 'trace-error-text' : undefined}>{String(item.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function isErrorTag(item: KeyValue): boolean {
  return (item.key === 'error' && String(item.value) === 'true') || (item.key === 'http.status_code' && Number(item.value) >= 500);
}
