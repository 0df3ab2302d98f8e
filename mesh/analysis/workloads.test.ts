import { describe, expect, it } from 'vitest';
import { API, config, findings, namespace, pod, service } from './testing';

describe('services and workloads', () => {
  it('MD8001: a port name without protocol and no appProtocol', () => {
    const [f] = findings('MD8001', [service('shop', 'legacy', { app: 'reviews' }, [{ name: 'web', port: 80 }])]);
    expect(f?.path).toEqual(['spec', 'ports', 0, 'name']);
    expect(f?.fix?.patch).toEqual([{ op: 'add', path: '/spec/ports/0/appProtocol', value: 'tcp' }]);
    expect(findings('MD8001', [service('shop', 'legacy', { app: 'reviews' }, [{ name: 'web', port: 80, appProtocol: 'http' }, { name: 'grpc-api', port: 81 }])])).toEqual([]);
    expect(findings('MD8001', [service('istio-system', 'legacy', { app: 'x' }, [{ name: 'web', port: 80 }])])).toEqual([]);
  });

  it('MD8002: a namespace without injection whose workloads config targets', () => {
    const objects = [pod('plain', 'legacy-1', { app: 'legacy' }, { proxy: false }), service('plain', 'legacy', { app: 'legacy' })];
    const policy = config(API.security, 'AuthorizationPolicy', 'plain', 'legacy', { selector: { matchLabels: { app: 'legacy' } }, rules: [{}] });
    const [f] = findings('MD8002', [...objects, policy]);
    expect(f?.object).toEqual({ kind: 'Namespace', group: '', name: 'plain' });
    expect(f?.path).toEqual(['metadata', 'labels']);
    expect(f?.related[0]?.name).toBe('legacy');
    expect(f?.fix?.patch).toEqual([{ op: 'add', path: '/metadata/labels/istio-injection', value: 'enabled' }]);
    expect(findings('MD8002', objects)).toEqual([]);
    const ambient = namespace('plain', { 'istio.io/dataplane-mode': 'ambient' });
    expect(findings('MD8002', [...objects, policy, ambient], [])).toEqual([]);
  });

  it('MD8003: a pod without sidecar in an injected namespace', () => {
    const [f] = findings('MD8003', [pod('shop', 'old-1', { app: 'old' }, { proxy: false })]);
    expect(f?.object).toEqual({ kind: 'Pod', group: '', namespace: 'shop', name: 'old-1' });
    expect(f?.path).toEqual([]);
    const optedOut = pod('shop', 'job-1', { app: 'job', 'sidecar.istio.io/inject': 'false' }, { proxy: false });
    expect(findings('MD8003', [optedOut, pod('plain', 'x', { app: 'x' }, { proxy: false })])).toEqual([]);
  });
});
