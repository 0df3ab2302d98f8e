/** Builders for real-shaped Kubernetes objects used by the routing tests. */

import type { KubeObject } from '../../kube-types';
import type { RouteRequest, RouteSource } from '../types';

let clock = Date.parse('2024-01-01T00:00:00Z');

/** Objects get increasing creation timestamps in the order they are built, unless one is given. */
function meta(name: string, namespace: string, extra: Record<string, unknown> = {}): KubeObject['metadata'] {
  clock += 1000;
  return { name, namespace, creationTimestamp: new Date(clock).toISOString(), ...extra };
}

export function service(name: string, namespace: string, ports: number[] = [9080], annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace, annotations ? { annotations } : {}),
    spec: { ports: ports.map((port) => ({ name: `http-${port}`, port, targetPort: port })), selector: { app: name } },
  };
}

export function serviceEntry(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: meta(name, namespace), spec };
}

export function virtualService(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: meta(name, namespace), spec };
}

export function destinationRule(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: meta(name, namespace), spec };
}

export function istioGateway(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: meta(name, namespace), spec };
}

export function sidecar(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: meta(name, namespace), spec };
}

export function k8sGateway(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: meta(name, namespace), spec };
}

export function httpRoute(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta(name, namespace), spec };
}

export function grpcRoute(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: meta(name, namespace), spec };
}

/** A random source that returns the given values in turn, then fails the test if drawn again. */
export function draws(...values: number[]): () => number {
  let i = 0;
  return () => {
    const v = values[i++];
    if (v === undefined) throw new Error(`random source drawn ${i} times, only ${values.length} values given`);
    return v;
  };
}

export const productpage: RouteSource = {
  namespace: 'bookinfo',
  labels: { app: 'productpage', version: 'v1' },
  serviceAccount: 'bookinfo-productpage',
};

export const ingress: RouteSource = {
  namespace: 'istio-system',
  labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
  serviceAccount: 'istio-ingressgateway-service-account',
  gateway: {},
};

/** An HTTP request from productpage; fields can be overridden. */
export function request(host: string, overrides: Partial<RouteRequest> = {}): RouteRequest {
  return { source: productpage, host, port: 9080, protocol: 'http', path: '/', rand: draws(), ...overrides };
}
