import type { TelemetryScope } from '../../../mesh/telemetry/scope';
import { usePromQuery } from '../../api/telemetry-clients';
import { useTimeWindow } from '../../app/time-window';
import { healthQuery, summarize } from './health';
import type { TrafficSummary } from './health';

/** Poll while the page is open, so that the card recovers by itself once Prometheus is back. */
const POLL_MS = 15_000;

export interface SubjectHealth {
  readonly summary?: TrafficSummary;
  readonly error: Error | null;
  readonly isLoading: boolean;
  readonly promql: string;
}

export function useSubjectHealth(scope: TelemetryScope): SubjectHealth {
  const { window } = useTimeWindow();
  const promql = healthQuery(scope);
  const query = usePromQuery(promql, { refetchIntervalMs: POLL_MS, time: window.live ? undefined : window.end });
  const result = query.data?.data;
  const summary = result?.resultType === 'vector' ? summarize(result.result) : undefined;
  // Data kept from before a failure would read as current: the error wins.
  return { summary: query.error ? undefined : summary, error: query.error, isLoading: query.isPending, promql };
}
