/** Namespaces, ServiceAccounts, Services and ConfigMaps, with the fields a real API server fills in. */
import type { KubeObject } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from './builder';

export function namespace(
  b: ScenarioBuilder,
  name: string,
  labels: Record<string, string>,
  ageSeconds: number,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: b.meta('Namespace', name, {
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
      ageSeconds,
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function serviceAccount(
  b: ScenarioBuilder,
  ns: string,
  name: string,
  ageSeconds: number,
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: b.meta('ServiceAccount', name, { namespace: ns, labels, ageSeconds }),
  };
}

export function configMap(
  b: ScenarioBuilder,
  ns: string,
  name: string,
  data: Record<string, string>,
  opts: { ageSeconds: number; labels?: Record<string, string> },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: b.meta('ConfigMap', name, { namespace: ns, labels: opts.labels, ageSeconds: opts.ageSeconds }),
    data: { ...data },
  };
}

export interface ServicePortSpec {
  /** Istio reads the protocol from the name prefix: http, http2, grpc, tcp-..., tls-... */
  name: string;
  port: number;
  /** Container port; defaults to `port`. */
  targetPort?: number;
  appProtocol?: string;
}

export interface ServiceInput {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  ports: ServicePortSpec[];
  labels?: Record<string, string>;
  /** Set for a LoadBalancer Service: the external address its load balancer got. */
  loadBalancerIP?: string;
  ageSeconds: number;
}

export function service(b: ScenarioBuilder, input: ServiceInput): KubeObject {
  const clusterIP = b.clusterIp(input.namespace, input.name);
  const isLoadBalancer = input.loadBalancerIP !== undefined;
  const nodePorts = b.rng(`nodePorts/${input.namespace}/${input.name}`);
  const ports = input.ports.map((p) => ({
    name: p.name,
    port: p.port,
    protocol: 'TCP',
    targetPort: p.targetPort ?? p.port,
    ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    ...(isLoadBalancer ? { nodePort: nodePorts.int(30000, 32767) } : {}),
  }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: b.meta('Service', input.name, {
      namespace: input.namespace,
      labels: input.labels,
      ageSeconds: input.ageSeconds,
    }),
    spec: {
      type: isLoadBalancer ? 'LoadBalancer' : 'ClusterIP',
      clusterIP,
      clusterIPs: [clusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports,
      selector: { ...input.selector },
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ...(isLoadBalancer ? { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true } : {}),
    },
    status: {
      loadBalancer: isLoadBalancer ? { ingress: [{ ip: input.loadBalancerIP, ipMode: 'VIP' }] } : {},
    },
  };
}
