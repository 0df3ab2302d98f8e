/** The traces feature's public face, for other screens (detail pages) to embed. */
import type { TelemetryScope } from '../../../mesh/telemetry/scope';

export interface TracesPanelProps {
  readonly scope: TelemetryScope;
}

/** Placeholder: trace search scoped to the workload, service or app. */
export function TracesPanel(props: TracesPanelProps) {
  void props;
  return null;
}
