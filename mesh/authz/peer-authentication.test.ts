import { describe, expect, it } from 'vitest';
import { evaluatePeerAuthentication, resolvePeerAuthentication } from './peer-authentication';
import { peerAuthentication } from './testing';

const reviews = { namespace: 'bookinfo', labels: { app: 'reviews', version: 'v1' } };

describe('PeerAuthentication', () => {
  it('defaults to PERMISSIVE', () => {
    expect(resolvePeerAuthentication([], reviews, 9080)).toEqual({ mode: 'PERMISSIVE', level: 'default' });
  });

  it('takes the mesh policy, overridden by the namespace policy, overridden by the workload policy', () => {
    const mesh = peerAuthentication('default', 'istio-system', { mtls: { mode: 'STRICT' } });
    const ns = peerAuthentication('default', 'bookinfo', { mtls: { mode: 'PERMISSIVE' } });
    const workload = peerAuthentication('reviews', 'bookinfo', { selector: { matchLabels: { app: 'reviews' } }, mtls: { mode: 'DISABLE' } });
    expect(evaluatePeerAuthentication([mesh], reviews, 9080)).toBe('STRICT');
    expect(evaluatePeerAuthentication([mesh, ns], reviews, 9080)).toBe('PERMISSIVE');
    expect(resolvePeerAuthentication([mesh, ns, workload], reviews, 9080)).toEqual({ mode: 'DISABLE', level: 'workload', policy: { namespace: 'bookinfo', name: 'reviews' } });
    expect(evaluatePeerAuthentication([workload], { namespace: 'bookinfo', labels: { app: 'ratings' } }, 9080)).toBe('PERMISSIVE');
  });

  it('lets UNSET and missing modes inherit the level above', () => {
    const mesh = peerAuthentication('default', 'istio-system', { mtls: { mode: 'STRICT' } });
    const unset = peerAuthentication('default', 'bookinfo', { mtls: { mode: 'UNSET' } });
    const empty = peerAuthentication('reviews', 'bookinfo', { selector: { matchLabels: { app: 'reviews' } } });
    expect(resolvePeerAuthentication([mesh, unset, empty], reviews, 9080)).toEqual({ mode: 'STRICT', level: 'mesh', policy: { namespace: 'istio-system', name: 'default' } });
  });

  it('applies port-level modes of the workload policy; UNSET ports inherit the workload mode', () => {
    const workload = peerAuthentication('reviews', 'bookinfo', {
      selector: { matchLabels: { app: 'reviews' } },
      mtls: { mode: 'STRICT' },
      portLevelMtls: { '9080': { mode: 'PERMISSIVE' }, '15020': { mode: 'UNSET' } },
    });
    expect(resolvePeerAuthentication([workload], reviews, 9080)).toMatchObject({ mode: 'PERMISSIVE', level: 'port' });
    expect(evaluatePeerAuthentication([workload], reviews, 15020)).toBe('STRICT');
    expect(evaluatePeerAuthentication([workload], reviews, 8080)).toBe('STRICT');
  });

  it('uses the oldest policy at each level', () => {
    const older = peerAuthentication('a-old', 'bookinfo', { mtls: { mode: 'STRICT' } });
    const newer = peerAuthentication('b-new', 'bookinfo', { mtls: { mode: 'DISABLE' } });
    expect(evaluatePeerAuthentication([newer, older], reviews, 9080)).toBe('STRICT');
  });

  it('ignores root-namespace selectors for workloads of other namespaces', () => {
    const rootSelector = peerAuthentication('reviews', 'istio-system', { selector: { matchLabels: { app: 'reviews' } }, mtls: { mode: 'STRICT' } });
    expect(evaluatePeerAuthentication([rootSelector], reviews, 9080)).toBe('PERMISSIVE');
    expect(evaluatePeerAuthentication([rootSelector], { namespace: 'istio-system', labels: { app: 'reviews' } }, 9080)).toBe('STRICT');
  });
});
