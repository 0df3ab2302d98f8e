/** A subject's health from one instant query: requests per second by response code, over the last minutes. */
import { ISTIO_REQUESTS_TOTAL } from '../../../mesh/telemetry/metrics';
import { sumRate } from '../../../mesh/telemetry/promql';
import type { TrafficQuery } from '../../../mesh/telemetry/promql';
import { scopedTraffic } from '../../../mesh/telemetry/dashboards';
import type { TelemetryScope } from '../../../mesh/telemetry/scope';
import { isClientError, isServerError, trafficHealth } from '../../../mesh/topology/health';
import type { Health } from '../../../mesh/topology/model';
import type { InstantSample } from '../../api/telemetry-clients';

export const HEALTH_WINDOW = '5m';

/** Inbound traffic as the subject's own proxies report it. */
export function inboundQuery(scope: TelemetryScope): TrafficQuery {
  return scopedTraffic(scope, { direction: 'inbound', window: HEALTH_WINDOW });
}

export function healthQuery(scope: TelemetryScope): string {
  return sumRate(ISTIO_REQUESTS_TOTAL, inboundQuery(scope), [], ['response_code']);
}

export interface TrafficSummary {
  readonly rps: number;
  readonly serverErrorRatio: number;
  readonly clientErrorRatio: number;
  readonly health: Health;
}

export function summarize(samples: readonly InstantSample[]): TrafficSummary {
  let rps = 0;
  let server = 0;
  let client = 0;
  for (const sample of samples) {
    if (!Number.isFinite(sample.value)) continue;
    const code = sample.metric.response_code ?? '';
    rps += sample.value;
    if (isServerError(code, undefined)) server += sample.value;
    else if (isClientError(code)) client += sample.value;
  }
  const serverErrorRatio = rps > 0 ? server / rps : 0;
  const clientErrorRatio = rps > 0 ? client / rps : 0;
  return { rps, serverErrorRatio, clientErrorRatio, health: trafficHealth(rps, serverErrorRatio, clientErrorRatio) };
}
