/** Links from the side panel to the config that applies and to the metrics, traces and logs of a node. */
import { Link } from 'react-router';
import { findKind, parseApiVersion } from '../../../../mesh/kinds';
import { jaegerServiceName } from '../../../../mesh/telemetry/scope';
import type { ObjectRef, TopologyNode } from '../../../../mesh/topology/model';
import { useCarriedSearch } from '../../../app/url-state';
import { configPath, detailPath, tracesPath } from '../../../app/links';
import type { DetailKind, DetailTab } from '../../../app/links';
import type { TimeWindow } from '../../../app/time-window';

export function ConfigLinks({ refs }: { refs: readonly ObjectRef[] }) {
  const carried = useCarriedSearch();
  if (refs.length === 0) return <span className="muted">No mesh config applies.</span>;
  return (
    <ul className="topology-config-list">
      {refs.map((ref) => {
        const kind = findKind(parseApiVersion(ref.apiVersion).group, ref.kind);
        const text = `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
        return (
          <li key={`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`}>
            <span className="subtle">{ref.kind}</span>{' '}
            {kind ? <Link to={configPath(kind, ref.namespace, ref.name) + carried}>{text}</Link> : <span>{text}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The detail page a node has: workload, app (canonical service) or service; none for the others. */
export function detailTarget(node: TopologyNode): { kind: DetailKind; name: string } | undefined {
  switch (node.kind) {
    case 'workload':
      return { kind: 'workload', name: node.workload ?? node.name };
    case 'app':
      return { kind: 'app', name: node.app ?? node.name };
    case 'service':
      return { kind: 'service', name: node.service ?? node.name };
    default:
      return undefined;
  }
}

export function TelemetryLinks({ node, window, direction = 'inbound' }: { node: TopologyNode; window: TimeWindow; direction?: 'inbound' | 'outbound' }) {
  const carried = useCarriedSearch();
  const target = detailTarget(node);
  if (!target) return <span className="muted">No metrics, traces or logs page for this node.</span>;
  const withGlobals = (path: string) => (path.includes('?') ? `${path}&${carried.slice(1)}` : path + carried).replace(/[?&]$/, '');
  const tab = (name: DetailTab) => withGlobals(detailPath(target.kind, node.namespace, target.name, { tab: name }));
  const canonical = node.app ?? node.service ?? node.name;
  return (
    <div className="topology-links">
      <Link to={tab(direction)}>{direction === 'inbound' ? 'Inbound metrics' : 'Outbound metrics'}</Link>
      <Link to={tracesPath({ service: jaegerServiceName(canonical, node.namespace), start: window.start, end: window.end })}>Traces</Link>
      {target.kind === 'service' ? null : <Link to={tab('logs')}>Logs</Link>}
      <Link to={tab('overview')}>Details</Link>
    </div>
  );
}
