import type { TopologyEdge, TopologyNode } from '../../../../mesh/topology/model';
import type { TimeWindow } from '../../../app/time-window';
import { Facts, PanelSection, SidePanel, StatusDot } from '../../../ui';
import { HEALTH_TEXT, formatBytesPerSecond, formatMs, formatPercent, formatRps } from '../view/format';
import { healthTone } from './health-tone';
import { TelemetryLinks } from './links';
import { explainFlags, responseRows } from './responses';
import { TelemetrySparklines } from './TelemetrySparklines';
import { edgeQuery } from './telemetry-queries';

export interface EdgePanelProps {
  readonly edge: TopologyEdge;
  readonly source?: TopologyNode;
  readonly target?: TopologyNode;
  readonly window: TimeWindow;
  readonly onClose: () => void;
}

function mtlsText(ratio: number | undefined): string {
  if (ratio === undefined) return 'Unknown';
  if (ratio >= 0.999) return 'All traffic uses mutual TLS';
  if (ratio <= 0) return 'None: traffic is plain text';
  return `${formatPercent(ratio)} of traffic uses mutual TLS`;
}

export function EdgePanel({ edge, source, target, window, onClose }: EdgePanelProps) {
  const rows = responseRows(edge);
  const { latency } = edge;
  return (
    <SidePanel title={`${source?.name ?? edge.source} → ${target?.name ?? edge.target}`} subtitle={`${edge.protocol.toUpperCase()} edge`} onClose={onClose}>
      <PanelSection title="Traffic">
        <Facts
          items={[
            ['Health', <StatusDot tone={healthTone(edge.health)}>{HEALTH_TEXT[edge.health]}</StatusDot>],
            ['Request rate', edge.protocol === 'tcp' ? '' : formatRps(edge.rps)],
            ['Server errors', edge.protocol === 'tcp' ? '' : formatPercent(edge.errorRatio)],
            ['Client errors', edge.protocol === 'tcp' ? '' : formatPercent(edge.clientErrorRatio)],
            ['Latency', [latency.p50Ms, latency.p95Ms, latency.p99Ms].some((v) => v !== undefined) ? `p50 ${formatMs(latency.p50Ms) || '—'} · p95 ${formatMs(latency.p95Ms) || '—'} · p99 ${formatMs(latency.p99Ms) || '—'}` : ''],
            ['Throughput', formatBytesPerSecond(edge.throughputBps)],
            ['Services', edge.services.join(', ')],
          ]}
        />
      </PanelSection>
      {source && target && edge.protocol !== 'tcp' ? (
        <PanelSection title="Over the window">
          <TelemetrySparklines query={edgeQuery(source, target)} window={window} />
        </PanelSection>
      ) : null}
      {rows.length > 0 ? (
        <PanelSection title="Responses" count={rows.length}>
          <table className="topology-responses" aria-label="Responses">
            <thead>
              <tr>
                <th>Code</th>
                <th>Flags</th>
                <th className="num">Rate</th>
                <th className="num">Share</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.code}/${row.flags}`} className={row.code.startsWith('5') || row.code === '0' ? 'is-error' : undefined}>
                  <td className="mono">{row.code}</td>
                  <td className="mono" title={explainFlags(row.flags)}>
                    {row.flags}
                  </td>
                  <td className="num">{formatRps(row.rps)}</td>
                  <td className="num">{formatPercent(row.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="topology-flag-notes">
            {[...new Set(rows.map((r) => r.flags).filter((f) => f !== '-'))].map((flags) => (
              <li key={flags}>{explainFlags(flags)}</li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
      <PanelSection title="Security">
        <Facts items={[['mTLS', mtlsText(edge.mtlsRatio)]]} />
        {edge.principals.length > 0 ? (
          <ul className="topology-principals">
            {edge.principals.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        ) : null}
      </PanelSection>
      {source ? (
        <PanelSection title={`Go to ${source.name} (client)`}>
          <TelemetryLinks node={source} window={window} direction="outbound" />
        </PanelSection>
      ) : null}
      {target ? (
        <PanelSection title={`Go to ${target.name} (server)`}>
          <TelemetryLinks node={target} window={window} />
        </PanelSection>
      ) : null}
    </SidePanel>
  );
}
