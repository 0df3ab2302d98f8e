import { describe, expect, it } from 'vitest';
import { PrometheusError, ServiceUnreachableError } from '../../api/telemetry-clients';
import { describeTelemetryError } from './telemetry-error';

const request = { method: 'GET', url: '/api/v1/query' };

describe('describeTelemetryError', () => {
  it('calls an outage unreachable and keeps the reason', () => {
    expect(describeTelemetryError('Prometheus', new PrometheusError('unavailable', 'Prometheus is unavailable (injected fault)', 503, request))).toEqual({
      title: 'Prometheus unreachable',
      detail: 'Prometheus is unavailable (injected fault)',
    });
    expect(describeTelemetryError('Prometheus', new ServiceUnreachableError('no endpoints', 'Prometheus', request, 503)).title).toBe(
      'Prometheus unreachable',
    );
  });

  it('does not repeat the service name', () => {
    expect(describeTelemetryError('Prometheus', new PrometheusError('unavailable', 'Prometheus: down for maintenance', 503, request)).detail).toBe(
      'down for maintenance',
    );
  });

  it('calls a rejected query a failed query', () => {
    expect(describeTelemetryError('Prometheus', new PrometheusError('bad_data', 'parse error', 400, request)).title).toBe('Prometheus query failed');
  });
});
