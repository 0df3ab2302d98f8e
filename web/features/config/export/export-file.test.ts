import { describe, expect, it } from 'vitest';
import { findKind } from '../../../../mesh/kinds';
import type { KindInfo } from '../../../../mesh/kinds';
import { exportFileName, exportYaml } from './export-file';

describe('export', () => {
  it('names the file kind-namespace-name.yaml, without a namespace for cluster-scoped kinds', () => {
    const vs = findKind('networking.istio.io', 'VirtualService') as KindInfo;
    const gc = findKind('gateway.networking.k8s.io', 'GatewayClass') as KindInfo;
    expect(exportFileName(vs, { apiVersion: 'v', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'bookinfo' } })).toBe(
      'virtualservice-bookinfo-reviews.yaml',
    );
    expect(exportFileName(gc, { apiVersion: 'v', kind: 'GatewayClass', metadata: { name: 'istio' } })).toBe('gatewayclass-istio.yaml');
  });

  it('exports YAML without status or server-owned metadata', () => {
    const yaml = exportYaml({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'a', resourceVersion: '5', uid: 'u', managedFields: [{}], creationTimestamp: 'now', generation: 2 },
      spec: { selector: { istio: 'ingressgateway' } },
      status: { ok: true },
    });
    expect(yaml).toBe('apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: a\nspec:\n  selector:\n    istio: ingressgateway\n');
  });
});
