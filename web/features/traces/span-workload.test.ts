import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../../../mesh/telemetry/jaeger-model';
import { parseNodeId, spanOrigin, workloadOfOwner, workloadOfPodName } from './span-workload';

function proxySpan(tags: Record<string, string>): { trace: Trace; span: Span } {
  const span: Span = {
    traceID: 't',
    spanID: 's',
    operationName: 'reviews.bookinfo.svc.cluster.local:9080/*',
    references: [],
    startTime: 0,
    duration: 1,
    tags: Object.entries(tags).map(([key, value]) => ({ key, type: 'string', value })),
    logs: [],
    processID: 'p1',
    warnings: null,
    flags: 1,
  };
  const trace: Trace = {
    traceID: 't',
    spans: [span],
    processes: { p1: { serviceName: 'reviews.bookinfo', tags: [{ key: 'hostname', type: 'string', value: 'reviews-v2-5b8d7c9f6-k2x8q' }] } },
    warnings: null,
  };
  return { trace, span };
}

describe('parseNodeId', () => {
  it('reads pod and namespace from a sidecar or gateway node id', () => {
    expect(parseNodeId('sidecar~10.244.1.7~reviews-v1-7d8f9c6b5-abcde.bookinfo~bookinfo.svc.cluster.local')).toEqual({
      pod: 'reviews-v1-7d8f9c6b5-abcde',
      namespace: 'bookinfo',
    });
    expect(parseNodeId('router~10.0.0.1~istio-ingressgateway-5c-x.istio-system~istio-system.svc.cluster.local')?.namespace).toBe('istio-system');
    expect(parseNodeId('garbage')).toBeUndefined();
    expect(parseNodeId('sidecar~1~pod.other~bookinfo.svc.cluster.local')).toBeUndefined();
  });
});

describe('spanOrigin', () => {
  it('takes namespace, pod, canonical service and request id from the proxy tags', () => {
    const { trace, span } = proxySpan({
      node_id: 'sidecar~10.244.1.7~reviews-v1-7d8f9c6b5-abcde.bookinfo~bookinfo.svc.cluster.local',
      'istio.namespace': 'bookinfo',
      'istio.canonical_service': 'reviews',
      'guid:x-request-id': 'rid-1',
    });
    expect(spanOrigin(trace, span)).toEqual({ namespace: 'bookinfo', pod: 'reviews-v1-7d8f9c6b5-abcde', canonicalService: 'reviews', requestId: 'rid-1' });
  });

  it('falls back to the process hostname and the Jaeger service name', () => {
    const { trace, span } = proxySpan({});
    expect(spanOrigin(trace, span)).toEqual({ namespace: 'bookinfo', pod: 'reviews-v2-5b8d7c9f6-k2x8q', canonicalService: undefined, requestId: undefined });
  });
});

describe('workload of a pod', () => {
  it('strips the ReplicaSet hash of an owner', () => {
    expect(workloadOfOwner({ kind: 'ReplicaSet', name: 'reviews-v1-7d8f9c6b5' })).toBe('reviews-v1');
    expect(workloadOfOwner({ kind: 'StatefulSet', name: 'db' })).toBe('db');
  });

  it('guesses from the pod name when the pod cannot be read', () => {
    expect(workloadOfPodName('reviews-v1-7d8f9c6b5-abcde')).toBe('reviews-v1');
    expect(workloadOfPodName('db-0')).toBe('db');
    expect(workloadOfPodName('ztunnel-x7k2p')).toBe('ztunnel');
    expect(workloadOfPodName('solo')).toBe('solo');
  });
});
