/** One sentence for a failed Prometheus or Jaeger call: which service, and why. */
import { isConnectionError } from '../../api';
import { JaegerError, PrometheusError, isServiceUnreachable } from '../../api/telemetry-clients';

const UNREACHABLE_TYPES = new Set(['unavailable', 'timeout', 'canceled']);

export function describeTelemetryError(service: 'Prometheus' | 'Jaeger', error: Error): { title: string; detail: string } {
  const unreachable =
    isServiceUnreachable(error) ||
    isConnectionError(error) ||
    (error instanceof PrometheusError && UNREACHABLE_TYPES.has(error.errorType)) ||
    (error instanceof JaegerError && error.httpStatus >= 500);
    // The clients' messages often name the service already ("Prometheus: …").
  const detail = error.message.startsWith(`${service}: `) ? error.message.slice(service.length + 2) : error.message;
  return { title: unreachable ? `${service} unreachable` : `${service} query failed`, detail };
}
