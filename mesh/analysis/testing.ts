/** Builders for analysis tests: a small injected mesh and terse config objects. */

import type { KubeObject } from '../kube-types';
import { analyzeMesh } from './analyze';
import type { Finding } from './types';

export const API = {
  networking: 'networking.istio.io/v1',
  security: 'security.istio.io/v1',
  telemetry: 'telemetry.istio.io/v1',
  gateway: 'gateway.networking.k8s.io/v1',
} as const;

export function config(apiVersion: string, kind: string, namespace: string | undefined, name: string, spec: Record<string, unknown>, metadata: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), ...metadata }, spec };
}

export function namespace(name: string, labels: Record<string, string> = { 'istio-injection': 'enabled' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function pod(ns: string, name: string, labels: Record<string, string>, opts: { sa?: string; ports?: number[]; proxy?: boolean } = {}): KubeObject {
  const containers = [{ name: 'app', ports: (opts.ports ?? [9080]).map((containerPort) => ({ containerPort })) }];
  if (opts.proxy !== false) containers.push({ name: 'istio-proxy', ports: [] });
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { serviceAccountName: opts.sa ?? name, containers } };
}

export function service(ns: string, name: string, selector: Record<string, string>, ports: Array<Record<string, unknown>> = [{ name: 'http', port: 9080 }]): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector, ports } };
}

export function serviceAccount(ns: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } };
}

/**
 * A small, clean mesh: namespace "shop" (injected) with reviews v1/v2, ratings and productpage; an
 * ingress gateway pod in istio-system; namespace "plain" without injection.
 */
export function baseMesh(): KubeObject[] {
  return [
    namespace('istio-system', {}),
    namespace('shop'),
    namespace('plain', {}),
    pod('istio-system', 'ingress-1', { istio: 'ingressgateway' }, { ports: [8080, 8443] }),
    pod('shop', 'reviews-v1', { app: 'reviews', version: 'v1' }, { sa: 'reviews' }),
    pod('shop', 'reviews-v2', { app: 'reviews', version: 'v2' }, { sa: 'reviews' }),
    pod('shop', 'ratings-v1', { app: 'ratings', version: 'v1' }, { sa: 'ratings' }),
    pod('shop', 'productpage-v1', { app: 'productpage', version: 'v1' }, { sa: 'productpage' }),
    service('shop', 'reviews', { app: 'reviews' }),
    service('shop', 'ratings', { app: 'ratings' }),
    service('shop', 'productpage', { app: 'productpage' }),
    serviceAccount('shop', 'reviews'),
    serviceAccount('shop', 'ratings'),
    serviceAccount('shop', 'productpage'),
  ];
}

/** Findings with one code over the base mesh plus `objects`. */
export function findings(code: string, objects: readonly KubeObject[], base: readonly KubeObject[] = baseMesh()): Finding[] {
  return analyzeMesh({ objects: [...base, ...objects] }).filter((f) => f.code === code);
}

export function vs(name: string, spec: Record<string, unknown>, ns = 'shop', metadata: Partial<KubeObject['metadata']> = {}): KubeObject {
  return config(API.networking, 'VirtualService', ns, name, spec, metadata);
}

export function dr(name: string, spec: Record<string, unknown>, ns = 'shop', metadata: Partial<KubeObject['metadata']> = {}): KubeObject {
  return config(API.networking, 'DestinationRule', ns, name, spec, metadata);
}

export const reviewsDr = (): KubeObject =>
  dr('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] });
