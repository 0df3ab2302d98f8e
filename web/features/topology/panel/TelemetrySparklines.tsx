import type { TrafficQuery } from '../../../../mesh/telemetry/promql';
import type { TimeWindow } from '../../../app/time-window';
import { formatMs, formatPercent, formatRps } from '../view/format';
import { Sparkline } from './Sparkline';
import { sparklineQueries } from './telemetry-queries';

export function TelemetrySparklines({ query, window }: { query: TrafficQuery | undefined; window: TimeWindow }) {
  const queries = sparklineQueries(query);
  if (!queries) return <span className="muted">Prometheus has no series for this element alone.</span>;
  return (
    <div className="topology-sparklines">
      <Sparkline title="Request rate" promql={queries.rps} window={window} format={formatRps} />
      <Sparkline title="Error rate (5xx)" promql={queries.errors} window={window} format={formatPercent} />
      <Sparkline title="Latency p95" promql={queries.p95} window={window} format={formatMs} />
    </div>
  );
}
