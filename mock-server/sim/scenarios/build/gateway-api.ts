/**
 * Gateway API objects as Istio runs them: its GatewayClasses, Gateways together with the proxy
 * Deployment and Service Istio deploys for each, and routes with the status Istio writes back.
 */
import type { KubeObject } from '../../../../mesh/kube-types';
import type { SimWorkload } from '../../model';
import type { ScenarioBuilder } from './builder';
import { GATEWAY_API, configObject, trueCondition } from './config';
import { service, serviceAccount, type ServicePortSpec } from './kube-objects';
import { proxyContainer } from './sidecar';
import { addWorkload } from './workload';

export const GATEWAY_CONTROLLER = 'istio.io/gateway-controller';
export const MESH_CONTROLLER = 'istio.io/mesh-controller';

/** The GatewayClasses istiod creates: `istio` for gateways, `istio-waypoint` for ambient waypoints. */
export function istioGatewayClasses(b: ScenarioBuilder, ageSeconds: number): KubeObject[] {
  const since = b.timestamp(ageSeconds);
  const gatewayClass = (name: string, controllerName: string, description: string) =>
    configObject(b, GATEWAY_API, 'GatewayClass', {
      name,
      spec: { controllerName, description },
      status: { conditions: [trueCondition('Accepted', 'Accepted', since, 'Handled by Istio controller')] },
      ageSeconds,
    });
  return [
    gatewayClass('istio', GATEWAY_CONTROLLER, 'The default Istio GatewayClass'),
    gatewayClass('istio-waypoint', MESH_CONTROLLER, 'The default Istio waypoint GatewayClass'),
  ];
}

export interface GatewayListener {
  name: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'HBONE';
}

export interface IstioGatewayInput {
  namespace: string;
  name: string;
  className: 'istio' | 'istio-waypoint';
  listeners: GatewayListener[];
  /** External address for an `istio` gateway, whose Service is a LoadBalancer. */
  loadBalancerIP?: string;
  /** Routes attached to each listener, as the status reports. */
  attachedRoutes: number;
  labels?: Record<string, string>;
  ageSeconds: number;
}

/** A Gateway, plus the Deployment and Service Istio creates for it (`<name>-istio`, or `<name>` for waypoints). */
export function addIstioGateway(b: ScenarioBuilder, input: IstioGatewayInput): SimWorkload {
  const { namespace, name, ageSeconds } = input;
  const waypoint = input.className === 'istio-waypoint';
  const proxyName = waypoint ? name : `${name}-istio`;
  const since = b.timestamp(ageSeconds - 5);
  const routeKinds = waypoint ? ['HTTPRoute', 'GRPCRoute', 'TCPRoute'] : ['HTTPRoute', 'GRPCRoute'];
  b.add(
    configObject(b, GATEWAY_API, 'Gateway', {
      namespace,
      name,
      labels: input.labels,
      spec: {
        gatewayClassName: input.className,
        listeners: input.listeners.map((l) => ({ ...l, allowedRoutes: { namespaces: { from: 'Same' } } })),
      },
      status: {
        addresses: input.loadBalancerIP
          ? [{ type: 'IPAddress', value: input.loadBalancerIP }]
          : [{ type: 'Hostname', value: `${proxyName}.${namespace}.svc.cluster.local` }],
        conditions: [
          trueCondition('Accepted', 'Accepted', since, 'Resource accepted'),
          trueCondition('Programmed', 'Programmed', since, 'Resource programmed, assigned to service(s)'),
        ],
        listeners: input.listeners.map((l) => ({
          name: l.name,
          attachedRoutes: input.attachedRoutes,
          supportedKinds: routeKinds.map((kind) => ({ group: GATEWAY_API, kind })),
          conditions: [
            trueCondition('Accepted', 'Accepted', since, 'No errors found'),
            trueCondition('Programmed', 'Programmed', since, 'No errors found'),
            trueCondition('ResolvedRefs', 'ResolvedRefs', since, 'No errors found'),
          ],
        })),
      },
      ageSeconds,
    }),
  );

  const labels: Record<string, string> = {
    'gateway.networking.k8s.io/gateway-name': name,
    'gateway.istio.io/managed': waypoint ? 'istio.io-mesh-controller' : 'istio.io-gateway-controller',
  };
  const ports: ServicePortSpec[] = [
    { name: 'status-port', port: 15021, appProtocol: 'tcp' },
    ...input.listeners.map((l) => ({
      name: l.name,
      port: l.port,
      appProtocol: l.protocol === 'HBONE' ? 'all' : l.protocol.toLowerCase(),
    })),
  ];
  b.add(serviceAccount(b, namespace, proxyName, ageSeconds, labels));
  b.add(
    service(b, {
      namespace,
      name: proxyName,
      selector: { 'gateway.networking.k8s.io/gateway-name': name },
      ports,
      labels,
      loadBalancerIP: input.loadBalancerIP,
      ageSeconds,
    }),
  );
  const mainPort = input.listeners[0]?.port ?? 80;
  return addWorkload(b, {
    namespace,
    name: proxyName,
    app: proxyName,
    labels: {
      ...labels,
      'sidecar.istio.io/inject': 'false',
      'service.istio.io/canonical-name': proxyName,
      'service.istio.io/canonical-revision': 'latest',
      // A waypoint is itself the proxy: ztunnel must not capture its traffic again.
      ...(waypoint ? { 'istio.io/dataplane-mode': 'none' } : {}),
    },
    serviceAccount: proxyName,
    replicas: 1,
    containers: [
      proxyContainer(waypoint ? 'waypoint' : 'router', [
        { name: 'status-port', containerPort: 15021 },
        ...input.listeners.map((l) => ({ containerPort: l.port })),
      ]),
    ],
    sidecar: 'none',
    role: waypoint ? 'waypoint' : 'gateway',
    protocol: 'http',
    port: mainPort,
    latency: { p50Ms: 0.5, p99Ms: 3 },
    ageSeconds,
  });
}

export interface ParentRef {
  name: string;
  /** Service for mesh (GAMMA) routes; Gateway when absent. */
  kind?: 'Service';
  port?: number;
  sectionName?: string;
}

/** An HTTPRoute or GRPCRoute, accepted by each parent. */
export function route(
  b: ScenarioBuilder,
  kind: 'HTTPRoute' | 'GRPCRoute',
  input: { namespace: string; name: string; parentRefs: ParentRef[]; rules: unknown[]; ageSeconds: number },
): KubeObject {
  const since = b.timestamp(input.ageSeconds - 5);
  const parentRefs = input.parentRefs.map((p) => (p.kind === 'Service' ? { group: '', ...p } : p));
  return configObject(b, GATEWAY_API, kind, {
    namespace: input.namespace,
    name: input.name,
    spec: { parentRefs, rules: input.rules },
    status: {
      parents: parentRefs.map((parentRef) => ({
        parentRef,
        controllerName: parentRef.kind === 'Service' ? MESH_CONTROLLER : GATEWAY_CONTROLLER,
        conditions: [
          trueCondition('Accepted', 'Accepted', since, 'Route was valid'),
          trueCondition('ResolvedRefs', 'ResolvedRefs', since, 'All references resolved'),
        ],
      })),
    },
    ageSeconds: input.ageSeconds,
  });
}
