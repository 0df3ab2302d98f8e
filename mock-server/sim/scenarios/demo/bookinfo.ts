/** Istio's Bookinfo sample, with sidecars, versioned reviews split by weight, and tight authorization. */
import { EXTERNAL_ORIGIN, workloadKey } from '../../model';
import { DAY, type ScenarioBuilder } from '../build/builder';
import { fanOutCall, get, rootCall, toService } from '../build/calls';
import { NETWORKING, SECURITY, configObject } from '../build/config';
import { INGRESS_GATEWAY, INGRESS_GATEWAY_SELECTOR, ISTIO_SYSTEM } from '../build/istio-system';
import { namespace } from '../build/kube-objects';
import { destinationRule, weightedVirtualService } from '../build/routing';
import { addApp, type AppVersion } from '../build/app';

const NS = 'bookinfo';
const AGE = 6 * DAY;
const PORT = 9080;
const CONFIG_AGE = AGE - 600;

function version(
  app: string,
  name: string,
  replicas: number,
  latency: AppVersion['latency'],
  errorRate = 0,
): AppVersion {
  return {
    version: name,
    replicas,
    image: `docker.io/istio/examples-bookinfo-${app}-${name}:1.20.2`,
    latency,
    errorRate,
  };
}

function addWorkloads(b: ScenarioBuilder): void {
  const app = (name: string, versions: AppVersion[]) =>
    addApp(b, {
      namespace: NS,
      app: name,
      serviceAccount: `bookinfo-${name}`,
      protocol: 'http',
      port: { name: 'http', port: PORT },
      sidecar: 'injected',
      versions,
      ageSeconds: AGE - 120,
    });
  app('details', [version('details', 'v1', 1, { p50Ms: 2, p99Ms: 9 })]);
  app('ratings', [version('ratings', 'v1', 2, { p50Ms: 2, p99Ms: 12 }, 0.02)]);
  app('reviews', [
    version('reviews', 'v1', 1, { p50Ms: 6, p99Ms: 25 }),
    version('reviews', 'v2', 2, { p50Ms: 8, p99Ms: 35 }),
    version('reviews', 'v3', 1, { p50Ms: 30, p99Ms: 140 }),
  ]);
  app('productpage', [version('productpage', 'v1', 1, { p50Ms: 12, p99Ms: 60 })]);
}

function addCalls(b: ScenarioBuilder): void {
  const ingress = toService(INGRESS_GATEWAY, ISTIO_SYSTEM, 80, 'http');
  const bookinfo = (name: string) => toService(name, NS, PORT, 'http');
  b.addCalls(
    rootCall(EXTERNAL_ORIGIN, ingress, 18, get('/productpage')),
    rootCall(EXTERNAL_ORIGIN, ingress, 2, get('/api/v1/products/0/reviews')),
    fanOutCall(workloadKey(NS, 'productpage-v1'), bookinfo('details'), 1, get('/details/0')),
    fanOutCall(workloadKey(NS, 'productpage-v1'), bookinfo('reviews'), 1, get('/reviews/0')),
    // reviews-v1 shows no stars, so only v2 and v3 call ratings.
    fanOutCall(workloadKey(NS, 'reviews-v2'), bookinfo('ratings'), 1, get('/ratings/0')),
    fanOutCall(workloadKey(NS, 'reviews-v3'), bookinfo('ratings'), 1, get('/ratings/0')),
  );
}

function addIngressRouting(b: ScenarioBuilder): void {
  b.add(
    configObject(b, NETWORKING, 'Gateway', {
      namespace: NS,
      name: 'bookinfo-gateway',
      spec: {
        selector: INGRESS_GATEWAY_SELECTOR,
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
      },
      ageSeconds: CONFIG_AGE,
    }),
    configObject(b, NETWORKING, 'VirtualService', {
      namespace: NS,
      name: 'bookinfo',
      spec: {
        hosts: ['*'],
        gateways: ['bookinfo-gateway'],
        http: [
          {
            match: [
              { uri: { exact: '/productpage' } },
              { uri: { prefix: '/static' } },
              { uri: { exact: '/login' } },
              { uri: { exact: '/logout' } },
              { uri: { prefix: '/api/v1/products' } },
            ],
            route: [{ destination: { host: 'productpage', port: { number: PORT } } }],
          },
        ],
      },
      ageSeconds: CONFIG_AGE,
    }),
  );
}

function addMeshRouting(b: ScenarioBuilder): void {
  const dr = (host: string, versions: string[]) =>
    destinationRule(b, { namespace: NS, host, versions, ageSeconds: CONFIG_AGE });
  b.add(
    dr('productpage', ['v1']),
    dr('details', ['v1']),
    dr('ratings', ['v1']),
    dr('reviews', ['v1', 'v2', 'v3']),
    weightedVirtualService(b, {
      namespace: NS,
      host: 'reviews',
      weights: [
        { subset: 'v1', weight: 50 },
        { subset: 'v2', weight: 25 },
        { subset: 'v3', weight: 25 },
      ],
      ageSeconds: DAY,
    }),
    weightedVirtualService(b, {
      namespace: NS,
      host: 'details',
      weights: [{ subset: 'v1', weight: 100 }],
      ageSeconds: CONFIG_AGE,
    }),
    configObject(b, NETWORKING, 'VirtualService', {
      namespace: NS,
      name: 'ratings',
      spec: {
        hosts: ['ratings'],
        http: [
          {
            route: [{ destination: { host: 'ratings', subset: 'v1' } }],
            timeout: '3s',
            retries: { attempts: 2, perTryTimeout: '1s', retryOn: '5xx,connect-failure,refused-stream' },
          },
        ],
      },
      ageSeconds: CONFIG_AGE,
    }),
  );
}

/** Only the callers each service expects may reach it. */
function addAuthorization(b: ScenarioBuilder): void {
  const allowGetFrom = (name: string, app: string, caller: string) =>
    configObject(b, SECURITY, 'AuthorizationPolicy', {
      namespace: NS,
      name,
      spec: {
        selector: { matchLabels: { app } },
        action: 'ALLOW',
        rules: [
          {
            from: [{ source: { principals: [`cluster.local/ns/${NS}/sa/${caller}`] } }],
            to: [{ operation: { methods: ['GET'] } }],
          },
        ],
      },
      ageSeconds: CONFIG_AGE,
    });
  b.add(
    allowGetFrom('ratings-viewer', 'ratings', 'bookinfo-reviews'),
    allowGetFrom('details-viewer', 'details', 'bookinfo-productpage'),
  );
}

export function addBookinfo(b: ScenarioBuilder): void {
  b.add(namespace(b, NS, { 'istio-injection': 'enabled' }, AGE));
  addWorkloads(b);
  addCalls(b);
  addIngressRouting(b);
  addMeshRouting(b);
  addAuthorization(b);
}
