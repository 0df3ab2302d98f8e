/** Online Boutique's applications: one gRPC service per concern, a Redis cart store and a load generator. */
import type { SimProtocol } from '../../model';
import type { ScenarioBuilder } from '../build/builder';
import { toService, type CallTarget } from '../build/calls';
import { addApp, type AppPort, type AppVersion } from '../build/app';

export const SHOP_NS = 'online-shop';
const IMAGE_BASE = 'us-central1-docker.pkg.dev/google-samples/microservices-demo';

interface ShopService {
  app: string;
  protocol: SimProtocol;
  port?: AppPort;
  replicas: number;
  latency: AppVersion['latency'];
  errorRate?: number;
  image?: string;
}

const grpcPort = (port: number, containerPort = port): AppPort => ({
  name: 'grpc',
  port,
  containerPort,
  appProtocol: 'grpc',
});

const ms = (p50Ms: number, p99Ms: number): AppVersion['latency'] => ({ p50Ms, p99Ms });

/** Every app but recommendationservice, each one Deployment named after it. */
const SERVICES: ShopService[] = [
  {
    app: 'redis-cart',
    protocol: 'tcp',
    port: { name: 'tcp-redis', port: 6379, appProtocol: 'tcp' },
    replicas: 1,
    latency: ms(0.4, 3),
    image: 'redis:7.2-alpine',
  },
  { app: 'cartservice', protocol: 'grpc', port: grpcPort(7070), replicas: 2, latency: ms(3, 15) },
  { app: 'productcatalogservice', protocol: 'grpc', port: grpcPort(3550), replicas: 2, latency: ms(2, 9) },
  { app: 'currencyservice', protocol: 'grpc', port: grpcPort(7000), replicas: 2, latency: ms(1, 6) },
  { app: 'paymentservice', protocol: 'grpc', port: grpcPort(50051), replicas: 1, latency: ms(5, 25), errorRate: 0.005 },
  { app: 'shippingservice', protocol: 'grpc', port: grpcPort(50051), replicas: 1, latency: ms(2, 10) },
  { app: 'emailservice', protocol: 'grpc', port: grpcPort(5000, 8080), replicas: 1, latency: ms(6, 35) },
  { app: 'checkoutservice', protocol: 'grpc', port: grpcPort(5050), replicas: 1, latency: ms(10, 45) },
  { app: 'adservice', protocol: 'grpc', port: grpcPort(9555), replicas: 1, latency: ms(4, 30) },
  {
    app: 'frontend',
    protocol: 'http',
    port: { name: 'http', port: 80, containerPort: 8080, appProtocol: 'http' },
    replicas: 2,
    latency: ms(15, 80),
  },
  { app: 'loadgenerator', protocol: 'http', replicas: 1, latency: ms(1, 2) },
];

export const RECOMMENDATION_APP = 'recommendationservice';
export const RECOMMENDATION_PORT = grpcPort(8080);
export const RECOMMENDATION_VERSIONS: AppVersion[] = [
  { version: 'v1', replicas: 2, image: `${IMAGE_BASE}/${RECOMMENDATION_APP}:v0.10.2`, latency: ms(8, 40) },
  // The canary: a little faster, a little less reliable.
  {
    version: 'v2',
    replicas: 1,
    image: `${IMAGE_BASE}/${RECOMMENDATION_APP}:v0.10.3`,
    latency: ms(6, 30),
    errorRate: 0.02,
  },
];

export function addOnlineShopApps(b: ScenarioBuilder, ageSeconds: number): void {
  for (const s of SERVICES) {
    addApp(b, {
      namespace: SHOP_NS,
      app: s.app,
      containerName: s.app === 'redis-cart' ? 'redis' : 'server',
      protocol: s.protocol,
      port: s.port,
      sidecar: 'injected',
      versions: [
        {
          version: 'v1',
          deploymentName: s.app,
          replicas: s.replicas,
          image: s.image ?? `${IMAGE_BASE}/${s.app}:v0.10.2`,
          latency: s.latency,
          errorRate: s.errorRate,
        },
      ],
      ageSeconds,
    });
  }
  addApp(b, {
    namespace: SHOP_NS,
    app: RECOMMENDATION_APP,
    containerName: 'server',
    protocol: 'grpc',
    port: RECOMMENDATION_PORT,
    perVersionServices: true,
    sidecar: 'injected',
    versions: RECOMMENDATION_VERSIONS,
    ageSeconds,
  });
}

/** A shop Service as a call target. */
export function shopService(app: string): CallTarget {
  if (app === RECOMMENDATION_APP) return toService(app, SHOP_NS, RECOMMENDATION_PORT.port, 'grpc');
  const found = SERVICES.find((candidate) => candidate.app === app);
  if (!found?.port) throw new Error(`${app} serves no port`);
  return toService(app, SHOP_NS, found.port.port, found.protocol);
}

