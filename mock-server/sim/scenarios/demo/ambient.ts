/**
 * An ambient-mode namespace: no sidecars; ztunnel carries the traffic and a waypoint applies the
 * L7 parts (a weighted HTTPRoute and an authorization policy that only allows GETs).
 */
import { workloadKey } from '../../model';
import { DAY, type ScenarioBuilder } from '../build/builder';
import { get, post, rootCall, toService } from '../build/calls';
import { SECURITY, configObject } from '../build/config';
import { addIstioGateway, route } from '../build/gateway-api';
import { namespace } from '../build/kube-objects';
import { addApp, type AppInput } from '../build/app';

const NS = 'ambient-demo';
const WAYPOINT = 'waypoint';
const AGE = 2 * DAY;
const HTTPBIN_PORT = 8000;
const HELLOWORLD_PORT = 5000;

function addApps(b: ScenarioBuilder): void {
  const common: Pick<AppInput, 'namespace' | 'protocol' | 'sidecar' | 'ageSeconds'> = {
    namespace: NS,
    protocol: 'http',
    sidecar: 'ambient',
    ageSeconds: AGE - 300,
  };
  addApp(b, {
    ...common,
    app: 'httpbin',
    port: { name: 'http', port: HTTPBIN_PORT, containerPort: 8080, appProtocol: 'http' },
    versions: [
      { version: 'v1', replicas: 1, image: 'docker.io/mccutchen/go-httpbin:v2.15.0', latency: { p50Ms: 1, p99Ms: 6 } },
    ],
  });
  addApp(b, {
    ...common,
    app: 'helloworld',
    port: { name: 'http', port: HELLOWORLD_PORT, appProtocol: 'http' },
    perVersionServices: true,
    versions: ['v1', 'v2'].map((version, i) => ({
      version,
      replicas: 1,
      image: `docker.io/istio/examples-helloworld-${version}:1.0`,
      latency: { p50Ms: 3 + i, p99Ms: 15 + 5 * i },
    })),
  });
  addApp(b, {
    ...common,
    app: 'curl',
    versions: [{ version: 'v1', replicas: 1, image: 'curlimages/curl:8.16.0', latency: { p50Ms: 1, p99Ms: 2 } }],
  });
}

function addCalls(b: ScenarioBuilder): void {
  const curl = workloadKey(NS, 'curl-v1');
  const httpbin = toService('httpbin', NS, HTTPBIN_PORT, 'http');
  const helloworld = toService('helloworld', NS, HELLOWORLD_PORT, 'http');
  b.addCalls(
    rootCall(curl, httpbin, 2, get('/get')),
    rootCall(curl, httpbin, 1, get('/headers')),
    // Denied at the waypoint: httpbin-viewer allows GET only.
    rootCall(curl, httpbin, 0.5, post('/post')),
    rootCall(curl, helloworld, 1.5, get('/hello')),
  );
}

function addConfig(b: ScenarioBuilder): void {
  const ageSeconds = AGE - 600;
  addIstioGateway(b, {
    namespace: NS,
    name: WAYPOINT,
    className: 'istio-waypoint',
    listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    labels: { 'istio.io/waypoint-for': 'service' },
    attachedRoutes: 0,
    ageSeconds,
  });
  b.add(
    route(b, 'HTTPRoute', {
      namespace: NS,
      name: 'helloworld',
      parentRefs: [{ kind: 'Service', name: 'helloworld', port: HELLOWORLD_PORT }],
      rules: [
        {
          backendRefs: [
            { name: 'helloworld-v1', port: HELLOWORLD_PORT, weight: 90 },
            { name: 'helloworld-v2', port: HELLOWORLD_PORT, weight: 10 },
          ],
        },
      ],
      ageSeconds,
    }),
    // L7 rules in ambient bind to the Service, and the waypoint enforces them.
    configObject(b, SECURITY, 'AuthorizationPolicy', {
      namespace: NS,
      name: 'httpbin-viewer',
      spec: {
        targetRefs: [{ group: '', kind: 'Service', name: 'httpbin' }],
        action: 'ALLOW',
        rules: [
          {
            from: [{ source: { principals: [`cluster.local/ns/${NS}/sa/curl`] } }],
            to: [{ operation: { methods: ['GET'] } }],
          },
        ],
      },
      ageSeconds,
    }),
  );
}

export function addAmbientDemo(b: ScenarioBuilder): void {
  b.add(namespace(b, NS, { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': WAYPOINT }, AGE));
  addApps(b);
  addCalls(b);
  addConfig(b);
}
