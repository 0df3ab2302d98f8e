/** A large generated mesh for scale tests: clean by construction. */

import type { KubeObject } from '../kube-types';
import { API, config, dr, namespace, pod, service, serviceAccount, vs } from './testing';

const NAMESPACES = 100;
const APPS = 5;
const PODS_PER_VERSION = 10;

/** 100 namespaces × 5 apps × 2 versions × 10 pods = 10,000 pods, and 20 config objects per namespace. */
export function largeMesh(): KubeObject[] {
  const objects: KubeObject[] = [
    namespace('istio-system', {}),
    pod('istio-system', 'ingress', { istio: 'ingressgateway' }),
    service('istio-system', 'ingress', { istio: 'ingressgateway' }, [{ name: 'http2', port: 80 }]),
  ];
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `ns-${String(n).padStart(2, '0')}`;
    objects.push(namespace(ns));
    objects.push(config(API.security, 'PeerAuthentication', ns, 'default', { mtls: { mode: 'STRICT' } }));
    objects.push(config(API.networking, 'Sidecar', ns, 'default', { egress: [{ hosts: ['./*', 'istio-system/*'] }] }));
    objects.push(config(API.security, 'RequestAuthentication', ns, 'jwt', { selector: { matchLabels: { app: 'app-0' } }, jwtRules: [{ issuer: 'https://issuer.example.com' }] }));
    objects.push(config(API.telemetry, 'Telemetry', ns, 'default', { tracing: [{ randomSamplingPercentage: 10 }] }));
    objects.push(config(API.gateway, 'HTTPRoute', ns, 'app-0', { parentRefs: [{ group: '', kind: 'Service', name: 'app-0', port: 9080 }], rules: [{ backendRefs: [{ name: 'app-0', port: 9080 }] }] }));
    for (let a = 0; a < APPS; a++) {
      const app = `app-${a}`;
      objects.push(serviceAccount(ns, app), service(ns, app, { app }));
      for (const version of ['v1', 'v2']) {
        for (let p = 0; p < PODS_PER_VERSION; p++) objects.push(pod(ns, `${app}-${version}-${p}`, { app, version }, { sa: app }));
      }
      objects.push(dr(app, { host: app, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } }, subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }, ns));
      objects.push(vs(app, { hosts: [app], http: [{ route: [{ destination: { host: app, subset: 'v1' }, weight: 80 }, { destination: { host: app, subset: 'v2' }, weight: 20 }] }] }, ns));
      const caller = `app-${(a + 1) % APPS}`;
      objects.push(config(API.security, 'AuthorizationPolicy', ns, app, { selector: { matchLabels: { app } }, rules: [{ from: [{ source: { principals: [`cluster.local/ns/${ns}/sa/${caller}`] } }] }] }));
    }
  }
  return objects;
}
