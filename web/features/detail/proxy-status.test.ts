import { describe, expect, it } from 'vitest';
import type { ContainerView, PodView } from '../../api';
import { proxyStatus } from './proxy-status';

function pod(containers: Partial<ContainerView>[], init: string[] = []): PodView {
  return {
    name: 'p',
    namespace: 'ns',
    labels: {},
    annotations: {},
    phase: 'Running',
    status: 'Running',
    ready: true,
    containers: containers.map((c) => ({ name: 'app', image: 'app:1', ready: true, restarts: 0, state: 'running', ...c })),
    initContainerNames: init,
    restarts: 0,
  };
}

describe('proxyStatus', () => {
  it('reports a ready sidecar with its version', () => {
    expect(proxyStatus(pod([{}, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.2' }]), 'sidecar')).toEqual({
      mode: 'sidecar',
      text: 'istio-proxy ready',
      tone: 'ok',
      version: '1.24.2',
    });
  });

  it('says why a sidecar is not ready', () => {
    const status = proxyStatus(pod([{ name: 'istio-proxy', ready: false, state: 'waiting', reason: 'CrashLoopBackOff' }]), 'sidecar');
    expect(status.text).toBe('istio-proxy not ready (CrashLoopBackOff)');
    expect(status.tone).toBe('danger');
  });

  it('tells ambient pods from pods outside the mesh', () => {
    expect(proxyStatus(pod([{}]), 'ambient').mode).toBe('ambient');
    expect(proxyStatus(pod([{}]), 'none').mode).toBe('none');
    expect(proxyStatus(pod([{}], ['istio-proxy']), 'sidecar').mode).toBe('sidecar');
  });
});
