/** The logs feature's public face, for other screens (detail pages) to embed. */

export interface AccessLogPanelProps {
  readonly namespace: string;
  /** Workload name: all its pods' istio-proxy logs are merged. */
  readonly workload: string;
  /** Pre-filled filter, e.g. a request id from a trace. */
  readonly initialQuery?: string;
  /** Only this pod. */
  readonly pod?: string;
}

/** Placeholder: a workload's proxy access logs. */
export function AccessLogPanel(props: AccessLogPanelProps) {
  void props;
  return null;
}
