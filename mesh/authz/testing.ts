/** Builders for security objects and requests used by the authorization tests. */

import type { KubeObject } from '../kube-types';
import type { AuthzRequest } from './types';

let clock = Date.parse('2024-01-01T00:00:00Z');

function object(kind: string, name: string, namespace: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  clock += 1000;
  return {
    apiVersion: 'security.istio.io/v1',
    kind,
    metadata: { name, namespace, creationTimestamp: new Date(clock).toISOString(), ...(annotations ? { annotations } : {}) },
    spec,
  };
}

export const authorizationPolicy = (name: string, namespace: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject =>
  object('AuthorizationPolicy', name, namespace, spec, annotations);

export const peerAuthentication = (name: string, namespace: string, spec: Record<string, unknown>): KubeObject =>
  object('PeerAuthentication', name, namespace, spec);

/** productpage calling reviews over mutual TLS: GET /reviews/0. */
export function reviewsRequest(overrides: { source?: Partial<AuthzRequest['source']>; request?: Partial<AuthzRequest['request']> } & Omit<Partial<AuthzRequest>, 'source' | 'request'> = {}): AuthzRequest {
  const { source, request, ...rest } = overrides;
  return {
    destination: { namespace: 'bookinfo', labels: { app: 'reviews', version: 'v1' }, ip: '10.1.2.3' },
    source: { principal: 'cluster.local/ns/bookinfo/sa/bookinfo-productpage', namespace: 'bookinfo', ip: '10.1.0.7', ...source },
    request: { method: 'GET', path: '/reviews/0', host: 'reviews:9080', port: 9080, headers: { 'user-agent': 'curl/8' }, ...request },
    ...rest,
  };
}
