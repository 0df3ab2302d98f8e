import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { buildRoutingIndex } from './routing-index';
import { resolveRoute } from './resolve';
import { bookinfo, bookinfoServices } from './testing/bookinfo';
import { draws, request } from './testing/objects';

const garbage = (kind: string, spec: unknown): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name: 'x', namespace: 'bookinfo' }, spec: spec as Record<string, unknown> });

describe('partial or malformed config', () => {
  it('never throws and ignores what it cannot read', () => {
    const odd = [
      garbage('VirtualService', { hosts: 'reviews', http: [null, 3, { match: 'x', route: [{ destination: {} }, { destination: { host: 7 } }] }] }),
      garbage('VirtualService', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings', port: { number: 'abc' } }, weight: 'x' }], fault: { delay: { fixedDelay: 'soon' } }, retries: { attempts: 'many' }, timeout: 5 }] }),
      garbage('VirtualService', undefined),
    ];
    const rules = [garbage('DestinationRule', { subsets: 'none' }), garbage('DestinationRule', { host: 'reviews', subsets: [{ labels: { version: 1 } }], trafficPolicy: { portLevelSettings: [{}] } })];
    const gateways = [garbage('Gateway', { servers: [{ port: {} }, null] })];
    const idx = buildRoutingIndex(bookinfo({ virtualServices: odd, destinationRules: rules, gateways, services: [...bookinfoServices, garbage('Service', { ports: 'all' })] }));
    expect(() => resolveRoute(idx, request('reviews', { rand: draws(0.1, 0.2, 0.3) }))).not.toThrow();
    const d = resolveRoute(idx, request('ratings'));
    expect(d.outcome).toBe('forward');
    expect(d.fault).toEqual({});
    expect(d.retries).toBeUndefined();
    expect(d.timeoutMs).toBeUndefined();
  });
});
