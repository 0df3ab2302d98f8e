/** The logs feature's public face, for other screens (detail pages) to embed. */

export interface AccessLogPanelProps {
  readonly namespace: string;
  /** Workload name: all its pods' istio-proxy logs are merged. */
  readonly workload: string;
  /** More workloads of the namespace merged with it, e.g. the other versions of an app. */
  readonly workloads?: readonly string[];
  /** Pre-filled filter, e.g. a request id from a trace. */
  readonly initialQuery?: string;
  /** Only this pod. */
  readonly pod?: string;
}

export { AccessLogPanel } from './AccessLogPanel';
