import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../mesh/analysis';
import type { KubeObject } from '../../../api';
import { findingsByObject, relevantNamespaces, worstSeverity } from './findings';

const finding = (name: string, severity: Finding['severity']): Finding => ({
  code: 'MD0001',
  severity,
  message: 'm',
  object: { kind: 'VirtualService', group: 'networking.istio.io', namespace: 'bookinfo', name },
  path: [],
  related: [],
  source: 'meshdeck',
});

describe('findings for the config screens', () => {
  it('groups per object and ranks by the worst severity', () => {
    const grouped = findingsByObject([finding('a', 'info'), finding('a', 'error'), finding('b', 'warning')]);
    expect([...grouped.values()].map((list) => list.length)).toEqual([2, 1]);
    expect(worstSeverity(grouped.values().next().value ?? [])).toBe('error');
    expect(worstSeverity([])).toBeUndefined();
  });

  it('reads the namespaces an object names', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'r', namespace: 'bookinfo' },
      spec: {
        gateways: ['edge/public', 'mesh'],
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'ratings.shop.svc.cluster.local' } }, { destination: { host: 'example.com' } }] }],
      },
    } as KubeObject;
    expect(relevantNamespaces(vs)).toEqual(['bookinfo', 'edge', 'istio-system', 'shop']);
  });
});
