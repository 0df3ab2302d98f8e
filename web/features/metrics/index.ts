/** The metrics feature's public face, for other screens (detail pages) to embed. */
import type { TelemetryScope } from '../../../mesh/telemetry/scope';

export interface MetricsDashboardProps {
  readonly scope: TelemetryScope;
  readonly direction: 'inbound' | 'outbound';
}

/** Placeholder: Istio's standard charts for the scope, one direction. */
export function MetricsDashboard(props: MetricsDashboardProps) {
  void props;
  return null;
}
