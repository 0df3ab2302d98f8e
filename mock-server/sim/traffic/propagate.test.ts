import { describe, expect, it } from 'vitest';
import type { SimCall, SimWorkload } from '../model';
import { propagate, type EdgeRunner } from './propagate';

function workload(name: string, extra: Partial<SimWorkload> = {}): SimWorkload {
  return {
    name,
    namespace: 'ns',
    app: name,
    version: 'v1',
    serviceAccount: name,
    replicas: 1,
    podNames: [`${name}-0`],
    labels: { app: name },
    protocol: 'http',
    port: 8080,
    latency: { p50Ms: 5, p99Ms: 50 },
    errorRate: 0,
    sidecar: 'injected',
    role: 'app',
    ...extra,
  };
}

const gateway = workload('gateway', { role: 'gateway', sidecar: 'none', isGateway: true });
const front = workload('front');
const back = workload('back');
const entry: SimCall = { from: 'external', toHost: 'gateway', port: 80, protocol: 'http', rps: 10 };
const toBack: SimCall = { from: 'ns/front', toHost: 'back', port: 8080, protocol: 'http', fanOut: 2.5 };

describe('propagate', () => {
  it('forwards through gateways and multiplies by fan-out', () => {
    const sent: string[] = [];
    const run: EdgeRunner = (caller, call, requests) => {
      sent.push(`${caller?.name ?? 'external'}→${call.toHost}: ${requests}`);
      if (call === entry) return caller === gateway ? [{ workload: front, share: 1 }] : [{ workload: gateway, share: 1 }];
      return [{ workload: back, share: 0.5 }];
    };
    propagate([{ caller: undefined, call: entry, requests: 150 }], (w) => (w === front ? [toBack] : []), run);
    expect(sent).toEqual(['external→gateway: 150', 'gateway→gateway: 150', 'front→back: 375']);
  });
});
