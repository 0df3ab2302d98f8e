import { describe, expect, it } from 'vitest';
import { JaegerError, ServiceUnreachableError } from '../../api/telemetry-clients';
import { explainJaegerError } from './jaeger-error';

const request = { method: 'GET', url: '/k8s/api/v1/namespaces/istio-system/services/tracing:80/proxy/api/traces' };

describe('explainJaegerError', () => {
  it('tells an unreachable Jaeger from a failing and a refusing one', () => {
    const unreachable = explainJaegerError(new ServiceUnreachableError('no endpoints', 'Jaeger', request, 503), 'search traces');
    expect(unreachable.title).toBe('Jaeger is unreachable through the Kubernetes service proxy');
    expect(unreachable.detail).toBe('no endpoints');

    const failing = explainJaegerError(new JaegerError('Jaeger: storage down', 503, request), 'search traces');
    expect(failing.title).toBe('Jaeger failed to search traces (HTTP 503)');
    expect(failing.detail).toBe('Jaeger: storage down');

    const refused = explainJaegerError(new JaegerError('Jaeger: bad minDuration', 400, request), 'search traces');
    expect(refused.title).toBe('Jaeger rejected the request to search traces');
  });
});
