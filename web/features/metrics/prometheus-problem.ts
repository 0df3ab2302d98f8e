/** What to tell the user when Prometheus fails: which API, the reason, and what happens next. */
import { PrometheusError, ServiceUnreachableError } from '../../api/telemetry-clients';

export interface PrometheusProblem {
  readonly title: string;
  readonly detail: string;
  readonly hint: string;
}

const RETRYING = 'Retrying every 5 s; the charts keep the last data they had, and come back by themselves.';

export function describePrometheusProblem(error: Error): PrometheusProblem {
  if (error instanceof ServiceUnreachableError) {
    return { title: 'Prometheus is unreachable', detail: error.message, hint: `${RETRYING} Check the \`prometheus\` service in \`istio-system\`.` };
  }
  if (error instanceof PrometheusError) {
    switch (error.errorType) {
      case 'bad_data':
        return {
          title: 'Prometheus rejected a metrics query',
          detail: error.message,
          hint: 'This query will not succeed by retrying; the other charts are unaffected.',
        };
      case 'timeout':
        return { title: 'Prometheus timed out', detail: error.message, hint: `${RETRYING} A shorter time range asks less of it.` };
      default:
        return { title: `Prometheus failed (${error.errorType}, HTTP ${error.httpStatus})`, detail: error.message, hint: RETRYING };
    }
  }
  return { title: 'Could not read metrics from Prometheus', detail: error.message, hint: RETRYING };
}
