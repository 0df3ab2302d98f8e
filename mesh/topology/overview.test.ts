import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-types';
import { buildTopology, indexMesh } from './build';
import type { PromSample, TopologySamples } from './build';
import { memberCounts, mergeSamples, overviewOutside } from './overview';

const VS: KubeObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { namespace: 'pay', name: 'ledger' },
  spec: { hosts: ['ledger'], http: [{ fault: { abort: { httpStatus: 503, percentage: { value: 5 } } }, route: [{ destination: { host: 'ledger' } }] }] },
};
const mesh = indexMesh({ virtualServices: [VS] });

function s(value: number, metric: Record<string, string>): PromSample {
  return { metric, value };
}

/** A namespace-level request sample as the overview query returns it (no workload labels). */
function nsRequests(value: number, from: string, to: string, code = '200', reporter = 'source'): PromSample {
  return s(value, {
    reporter,
    source_cluster: 'Kubernetes',
    source_workload_namespace: from,
    destination_cluster: 'Kubernetes',
    destination_workload_namespace: to,
    destination_service_namespace: to,
    request_protocol: 'http',
    response_code: code,
    response_flags: '-',
    connection_security_policy: reporter === 'destination' ? 'mutual_tls' : 'unknown',
  });
}

const OVERVIEW: TopologySamples = {
  members: [s(12, { destination_workload_namespace: 'shop' }), s(3, { destination_workload_namespace: 'pay' })],
  requests: [
    nsRequests(10, 'shop', 'pay'),
    nsRequests(1, 'shop', 'pay', '503'),
    nsRequests(11, 'shop', 'pay', '200', 'destination'),
    nsRequests(4, 'unknown', 'shop', '200', 'destination'),
    nsRequests(2, 'pay', 'audit'),
    // A request no workload answered, to a host outside the cluster.
    s(0.5, { reporter: 'source', source_workload_namespace: 'pay', destination_workload_namespace: 'unknown', destination_service_namespace: 'unknown', destination_service: 'api.bank.example', destination_service_name: 'api.bank.example', response_code: '200' }),
  ],
};

const OPTIONS = { graphType: 'versionedApp', namespaces: [], idleNodes: false, timestamp: 0, windowSeconds: 60 } as const;

describe('the overview of a big mesh', () => {
  it('draws one node per namespace, with its member count, health and the config on its services', () => {
    const graph = buildTopology(OVERVIEW, mesh, { ...OPTIONS, detailNamespaces: [] });
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'aggregate:namespace/audit',
      'aggregate:namespace/pay',
      'aggregate:namespace/shop',
      'external:api.bank.example',
      'unknown',
    ]);
    const shop = graph.nodes.find((n) => n.id === 'aggregate:namespace/shop');
    expect(shop).toMatchObject({ kind: 'aggregate', namespace: 'shop', name: 'shop', memberCount: 12 });
    const pay = graph.nodes.find((n) => n.id === 'aggregate:namespace/pay');
    expect(pay?.badges).toContain('faultInjection');
    expect(pay?.config).toEqual([expect.objectContaining({ kind: 'VirtualService', namespace: 'pay', name: 'ledger' })]);
    expect(shop?.badges).not.toContain('faultInjection');
    expect(shop?.config).toEqual([]);
    // A namespace that only calls out still stands for at least one node.
    expect(graph.nodes.find((n) => n.id === 'aggregate:namespace/audit')?.memberCount).toBe(1);
    expect(graph.boxes).toEqual([]);
  });

  it("counts the client's report once per namespace pair and takes mTLS from the server's", () => {
    const graph = buildTopology(OVERVIEW, mesh, { ...OPTIONS, detailNamespaces: [] });
    const edge = graph.edges.find((e) => e.source === 'aggregate:namespace/shop' && e.target === 'aggregate:namespace/pay');
    expect(edge?.rps).toBeCloseTo(11);
    expect(edge?.errorRatio).toBeCloseTo(1 / 11);
    expect(edge?.health).toBe('degraded');
    expect(edge?.mtlsRatio).toBe(1);
    expect(graph.edges.find((e) => e.source === 'unknown')?.rps).toBe(4);
  });

  it('opens a namespace at full detail from its own samples, without counting its traffic twice', () => {
    const open = new Set(['pay']);
    const detail: TopologySamples = {
      requests: [
        s(11, {
          reporter: 'source',
          source_workload_namespace: 'shop',
          source_workload: 'web-v1',
          source_canonical_service: 'web',
          source_canonical_revision: 'v1',
          destination_workload_namespace: 'pay',
          destination_workload: 'ledger-v1',
          destination_canonical_service: 'ledger',
          destination_canonical_revision: 'v1',
          destination_service_namespace: 'pay',
          destination_service: 'ledger.pay.svc.cluster.local',
          destination_service_name: 'ledger',
          response_code: '200',
        }),
      ],
    };
    const samples = mergeSamples(detail, overviewOutside(OVERVIEW, open));
    const graph = buildTopology(samples, mesh, { ...OPTIONS, detailNamespaces: [...open] });
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toContain('versionedApp:pay/ledger/v1');
    expect(ids).not.toContain('aggregate:namespace/pay');
    // The caller's side stays summarized: its namespace is not open.
    const into = graph.edges.filter((e) => e.target === 'versionedApp:pay/ledger/v1');
    expect(into.map((e) => [e.source, e.rps])).toEqual([['aggregate:namespace/shop', 11]]);
    // shop→pay and pay→audit are in the detail queries' reach, so the overview no longer has them.
    expect(graph.edges.some((e) => e.target === 'aggregate:namespace/audit')).toBe(false);
    expect(graph.edges.find((e) => e.source === 'unknown')?.rps).toBe(4);
    expect(graph.boxes.map((b) => b.id)).toEqual(['box:app/pay/ledger', 'box:namespace/pay']);
  });

  it('keeps member counts whole and merges sample sets kind by kind', () => {
    const outside = overviewOutside(OVERVIEW, new Set(['shop']));
    expect(memberCounts(outside).get('shop')).toBe(12);
    expect(outside.requests?.every((x) => x.metric.source_workload_namespace !== 'shop' && x.metric.destination_workload_namespace !== 'shop')).toBe(true);
    expect(mergeSamples({ requests: [nsRequests(1, 'a', 'b')] }, { requests: [nsRequests(2, 'c', 'd')], members: [] })).toMatchObject({ requests: [{ value: 1 }, { value: 2 }], members: [] });
  });
});
