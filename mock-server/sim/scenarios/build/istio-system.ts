/**
 * The istio-system namespace: istiod, the ingress and egress gateways, the Prometheus and Jaeger
 * add-ons the console reads from, the mesh config, the mesh-wide PeerAuthentication and, when
 * ambient is on, a ztunnel pod on every node.
 */
import { DAY, type ScenarioBuilder } from './builder';
import { SECURITY, configObject } from './config';
import { istioGatewayClasses } from './gateway-api';
import { configMap, namespace, service, serviceAccount, type ServicePortSpec } from './kube-objects';
import { ISTIO_REVISION, ISTIO_VERSION, proxyContainer } from './sidecar';
import { addNodeAgent, addWorkload, type WorkloadInput } from './workload';

export const ISTIO_SYSTEM = 'istio-system';
export const INGRESS_GATEWAY = 'istio-ingressgateway';
export const INGRESS_GATEWAY_SELECTOR = { istio: 'ingressgateway' };
export const INGRESS_LOAD_BALANCER_IP = '172.18.255.200';

const AGE = 7 * DAY;

const MESH_CONFIG = `accessLogFile: /dev/stdout
defaultConfig:
  discoveryAddress: istiod.istio-system.svc:15012
  tracing:
    sampling: 100
    zipkin:
      address: zipkin.istio-system:9411
defaultProviders:
  metrics:
  - prometheus
enablePrometheusMerge: true
extensionProviders:
- name: otel-tracing
  opentelemetry:
    port: 4317
    service: jaeger-collector.istio-system.svc.cluster.local
rootNamespace: istio-system
trustDomain: cluster.local
`;

export interface IstioSystemOptions {
  ingressReplicas: number;
  /** Mesh-wide mTLS mode, set by the PeerAuthentication `default` in the root namespace. */
  meshMtls: 'PERMISSIVE' | 'STRICT';
  /** Runs ztunnel on every node, for namespaces in ambient mode. */
  ambient: boolean;
}

/** Workload fields shared by everything in istio-system: no sidecars, fast, reliable. */
function systemWorkload(
  input: Pick<WorkloadInput, 'name' | 'app' | 'containers' | 'protocol' | 'port' | 'role'> &
    Partial<Pick<WorkloadInput, 'labels' | 'replicas' | 'serviceAccount'>>,
): WorkloadInput {
  return {
    namespace: ISTIO_SYSTEM,
    replicas: 1,
    serviceAccount: input.name,
    sidecar: 'none',
    latency: { p50Ms: 1, p99Ms: 5 },
    ageSeconds: AGE,
    ...input,
    labels: { 'sidecar.istio.io/inject': 'false', ...input.labels },
  };
}

function addService(
  b: ScenarioBuilder,
  name: string,
  selector: Record<string, string>,
  ports: ServicePortSpec[],
  loadBalancerIP?: string,
): void {
  const labels = { ...selector };
  b.add(service(b, { namespace: ISTIO_SYSTEM, name, selector, ports, labels, loadBalancerIP, ageSeconds: AGE }));
}

function addIstiod(b: ScenarioBuilder): void {
  const selector = { app: 'istiod', istio: 'pilot' };
  b.add(serviceAccount(b, ISTIO_SYSTEM, 'istiod', AGE));
  b.add(
    configMap(b, ISTIO_SYSTEM, 'istio', { mesh: MESH_CONFIG, meshNetworks: 'networks: {}\n' }, {
      ageSeconds: AGE,
      labels: { app: 'istiod', 'istio.io/rev': ISTIO_REVISION, release: 'istio' },
    }),
  );
  addService(b, 'istiod', selector, [
    { name: 'grpc-xds', port: 15010 },
    { name: 'https-dns', port: 15012 },
    { name: 'https-webhook', port: 443, targetPort: 15017 },
    { name: 'http-monitoring', port: 15014 },
  ]);
  addWorkload(
    b,
    systemWorkload({
      name: 'istiod',
      app: 'istiod',
      labels: { istio: 'pilot', 'istio.io/rev': ISTIO_REVISION },
      containers: [
        {
          name: 'discovery',
          image: `docker.io/istio/pilot:${ISTIO_VERSION}`,
          args: ['discovery', '--monitoringAddr=:15014', '--log_output_level=default:info'],
          ports: [{ containerPort: 8080 }, { containerPort: 15010 }, { containerPort: 15017 }],
          resources: { requests: { cpu: '500m', memory: '2Gi' } },
        },
      ],
      role: 'control-plane',
      protocol: 'grpc',
      port: 15012,
    }),
  );
}

function addGateway(b: ScenarioBuilder, kind: 'ingress' | 'egress', replicas: number): void {
  const app = `istio-${kind}gateway`;
  const selector = { app, istio: `${kind}gateway` };
  const account = `${app}-service-account`;
  b.add(serviceAccount(b, ISTIO_SYSTEM, account, AGE, selector));
  addService(
    b,
    app,
    selector,
    [
      ...(kind === 'ingress' ? [{ name: 'status-port', port: 15021 }] : []),
      { name: 'http2', port: 80, targetPort: 8080 },
      { name: 'https', port: 443, targetPort: 8443 },
    ],
    kind === 'ingress' ? INGRESS_LOAD_BALANCER_IP : undefined,
  );
  addWorkload(
    b,
    systemWorkload({
      name: app,
      app,
      replicas,
      serviceAccount: account,
      labels: {
        istio: `${kind}gateway`,
        'istio.io/rev': ISTIO_REVISION,
        'service.istio.io/canonical-name': app,
        'service.istio.io/canonical-revision': 'latest',
      },
      containers: [
        proxyContainer('router', [
          { name: 'status-port', containerPort: 15021 },
          { containerPort: 8080 },
          { containerPort: 8443 },
        ]),
      ],
      role: 'gateway',
      protocol: 'http',
      port: 8080,
    }),
  );
}

function addAddons(b: ScenarioBuilder): void {
  b.add(serviceAccount(b, ISTIO_SYSTEM, 'prometheus', AGE));
  addService(b, 'prometheus', { app: 'prometheus' }, [{ name: 'http', port: 9090 }]);
  addWorkload(
    b,
    systemWorkload({
      name: 'prometheus',
      app: 'prometheus',
      labels: { component: 'server' },
      containers: [{ name: 'prometheus-server', image: 'prom/prometheus:v2.54.1', ports: [{ containerPort: 9090 }] }],
      role: 'addon',
      protocol: 'http',
      port: 9090,
    }),
  );

  const jaeger = { app: 'jaeger' };
  b.add(serviceAccount(b, ISTIO_SYSTEM, 'jaeger', AGE));
  addService(b, 'tracing', jaeger, [
    { name: 'http-query', port: 80, targetPort: 16686 },
    { name: 'grpc-query', port: 16685 },
  ]);
  addService(b, 'jaeger-query', jaeger, [{ name: 'http-query', port: 16686 }]);
  addService(b, 'zipkin', jaeger, [{ name: 'http-query', port: 9411 }]);
  addService(b, 'jaeger-collector', jaeger, [
    { name: 'jaeger-collector-http', port: 14268 },
    { name: 'jaeger-collector-grpc', port: 14250 },
    { name: 'http-zipkin', port: 9411 },
    { name: 'grpc-otel', port: 4317 },
    { name: 'http-otel', port: 4318 },
  ]);
  addWorkload(
    b,
    systemWorkload({
      name: 'jaeger',
      app: 'jaeger',
      containers: [
        {
          name: 'jaeger',
          image: 'docker.io/jaegertracing/all-in-one:1.58',
          ports: [16686, 16685, 14268, 14250, 9411, 4317, 4318].map((containerPort) => ({ containerPort })),
        },
      ],
      role: 'addon',
      protocol: 'http',
      port: 16686,
    }),
  );
}

function addZtunnel(b: ScenarioBuilder): void {
  b.add(serviceAccount(b, ISTIO_SYSTEM, 'ztunnel', AGE));
  addNodeAgent(b, {
    namespace: ISTIO_SYSTEM,
    name: 'ztunnel',
    app: 'ztunnel',
    labels: { 'sidecar.istio.io/inject': 'false', 'istio.io/dataplane-mode': 'none' },
    serviceAccount: 'ztunnel',
    containers: [
      {
        name: 'istio-proxy',
        image: `docker.io/istio/ztunnel:${ISTIO_VERSION}`,
        args: ['proxy', 'ztunnel'],
        ports: [{ name: 'ztunnel-stats', containerPort: 15020 }],
        resources: { requests: { cpu: '200m', memory: '512Mi' } },
      },
    ],
    role: 'ztunnel',
    protocol: 'tcp',
    port: 15008,
    latency: { p50Ms: 0.2, p99Ms: 1 },
    ageSeconds: AGE,
  });
}

export function addIstioSystem(b: ScenarioBuilder, opts: IstioSystemOptions): void {
  b.add(namespace(b, ISTIO_SYSTEM, {}, AGE + 600));
  addIstiod(b);
  addGateway(b, 'ingress', opts.ingressReplicas);
  addGateway(b, 'egress', 1);
  addAddons(b);
  if (opts.ambient) addZtunnel(b);
  b.add(...istioGatewayClasses(b, AGE));
  b.add(
    configObject(b, SECURITY, 'PeerAuthentication', {
      namespace: ISTIO_SYSTEM,
      name: 'default',
      spec: { mtls: { mode: opts.meshMtls } },
      ageSeconds: AGE,
    }),
  );
}
