/**
 * The scale mesh's Istio config: an ingress Gateway per group of namespaces, a VirtualService per
 * namespace routing its edge services, subsets and weighted splits for multi-version services,
 * resilience settings here and there, and STRICT mTLS in every fourth namespace.
 */
import type { KubeObject } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from '../build/builder';
import { NETWORKING, SECURITY, configObject } from '../build/config';
import { INGRESS_GATEWAY_SELECTOR } from '../build/istio-system';
import type { Rng } from '../build/random';
import { destinationRule, weightedVirtualService } from '../build/routing';
import type { EdgeEntry } from './graph';
import { Tier, type PlannedNamespace, type PlannedService } from './plan';

export const NAMESPACES_PER_GATEWAY = 5;
const GATEWAY_NAME = 'edge-gateway';
const WEIGHTED_SPLITS: Record<number, number[][]> = {
  2: [[90, 10], [80, 20], [50, 50]],
  3: [[70, 20, 10], [60, 30, 10], [80, 10, 10]],
};
const RESILIENCE = {
  connectionPool: { tcp: { maxConnections: 200 }, http: { http1MaxPendingRequests: 100, http2MaxRequests: 500 } },
  outlierDetection: { consecutive5xxErrors: 5, interval: '30s', baseEjectionTime: '1m', maxEjectionPercent: 30 },
};

export function ingressHost(namespace: string): string {
  return `${namespace}.apps.example.com`;
}

/** Each namespace's edge services, reachable at /<service> on the namespace's host. */
export function edgeEntries(namespaces: PlannedNamespace[]): EdgeEntry[] {
  return namespaces.flatMap((ns) =>
    ns.services
      .filter((s) => s.tier === Tier.Edge)
      .map((service) => ({ service, authority: ingressHost(ns.name), pathPrefix: `/${service.name}` })),
  );
}

function addIngress(b: ScenarioBuilder, namespaces: PlannedNamespace[], ageSeconds: number): void {
  for (let start = 0; start < namespaces.length; start += NAMESPACES_PER_GATEWAY) {
    const group = namespaces.slice(start, start + NAMESPACES_PER_GATEWAY);
    const gatewayNamespace = group[0]?.name ?? '';
    b.add(
      configObject(b, NETWORKING, 'Gateway', {
        namespace: gatewayNamespace,
        name: GATEWAY_NAME,
        spec: {
          selector: INGRESS_GATEWAY_SELECTOR,
          servers: [
            { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: group.map((ns) => ingressHost(ns.name)) },
          ],
        },
        ageSeconds,
      }),
    );
    for (const ns of group) {
      const edge = ns.services.filter((s) => s.tier === Tier.Edge);
      b.add(
        configObject(b, NETWORKING, 'VirtualService', {
          namespace: ns.name,
          name: 'ingress',
          spec: {
            hosts: [ingressHost(ns.name)],
            gateways: [`${gatewayNamespace}/${GATEWAY_NAME}`],
            http: edge.map((s) => ({
              name: s.name,
              match: [{ uri: { prefix: `/${s.name}` } }],
              route: [{ destination: { host: s.name, port: { number: s.port.port } } }],
            })),
          },
          ageSeconds,
        }),
      );
    }
  }
}

function serviceConfig(b: ScenarioBuilder, rng: Rng, service: PlannedService, ageSeconds: number): KubeObject[] {
  const { namespace, name: host } = service;
  const versions = service.versions.map((v) => v.version);
  const multiVersion = versions.length > 1;
  const resilient = rng.chance(multiVersion ? 0.25 : 0.06);
  if (!multiVersion && !resilient) return [];
  const objects = [
    destinationRule(b, {
      namespace,
      host,
      versions: multiVersion ? versions : undefined,
      trafficPolicy: resilient ? RESILIENCE : undefined,
      ageSeconds,
    }),
  ];
  const splits = WEIGHTED_SPLITS[versions.length];
  if (splits && rng.chance(0.6)) {
    const split = rng.pick(splits);
    const weights = versions.map((subset, i) => ({ subset, weight: split[i] ?? 0 }));
    objects.push(weightedVirtualService(b, { namespace, host, weights, ageSeconds }));
  }
  return objects;
}

export function addScaleConfig(b: ScenarioBuilder, rng: Rng, namespaces: PlannedNamespace[], ageSeconds: number): void {
  addIngress(b, namespaces, ageSeconds);
  namespaces.forEach((ns, index) => {
    for (const service of ns.services) b.add(...serviceConfig(b, rng, service, ageSeconds));
    if (index % 4 === 3) {
      b.add(
        configObject(b, SECURITY, 'PeerAuthentication', {
          namespace: ns.name,
          name: 'default',
          spec: { mtls: { mode: 'STRICT' } },
          ageSeconds,
        }),
      );
    }
  });
}
