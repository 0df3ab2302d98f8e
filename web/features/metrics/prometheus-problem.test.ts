import { describe, expect, it } from 'vitest';
import { PrometheusError, ServiceUnreachableError } from '../../api/telemetry-clients';
import { describePrometheusProblem } from './prometheus-problem';

const request = { method: 'GET', url: '/api/v1/query_range' };

describe('describePrometheusProblem', () => {
  it('names an outage and says it retries', () => {
    const problem = describePrometheusProblem(new ServiceUnreachableError('Prometheus is unreachable through …: HTTP 503', 'Prometheus', request, 503));
    expect(problem.title).toBe('Prometheus is unreachable');
    expect(problem.detail).toContain('HTTP 503');
    expect(problem.hint).toMatch(/^Retrying every 5 s/);
  });

  it('gives the error type and status of a Prometheus error', () => {
    const problem = describePrometheusProblem(new PrometheusError('unavailable', 'scrape storage is down', 503, request));
    expect(problem).toEqual(expect.objectContaining({ title: 'Prometheus failed (unavailable, HTTP 503)', detail: 'scrape storage is down' }));
  });

  it('does not promise that a rejected query recovers', () => {
    const problem = describePrometheusProblem(new PrometheusError('bad_data', 'parse error at char 3', 400, request));
    expect(problem.title).toBe('Prometheus rejected a metrics query');
    expect(problem.hint).not.toMatch(/Retrying/);
  });
});
