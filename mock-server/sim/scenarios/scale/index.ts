/**
 * A large generated mesh for performance work: `pods` pods in total (istio-system included) over
 * about one namespace per 250 pods, on one node per 100 pods, all sidecar-injected. The same seed
 * always gives the same mesh; another seed gives another graph.
 */
import type { Scenario } from '../../model';
import { DAY, HOUR, ScenarioBuilder } from '../build/builder';
import { toService } from '../build/calls';
import { INGRESS_GATEWAY, ISTIO_SYSTEM, addIstioSystem } from '../build/istio-system';
import { namespace } from '../build/kube-objects';
import { addApp } from '../build/app';
import { addScaleConfig, edgeEntries } from './config';
import { buildCallGraph } from './graph';
import { planNamespaces, type PlannedService } from './plan';

export const MIN_SCALE_PODS = 50;
export const MAX_SCALE_PODS = 10_000;
export const DEFAULT_SCALE_PODS = 1_000;

const PODS_PER_NAMESPACE = 250;
const PODS_PER_NODE = 100;
const MIN_NAMESPACES = 3;
const AGE = 30 * DAY;

export interface ScaleOptions {
  pods: number;
  seed: number;
  now?: Date;
}

function addService(b: ScenarioBuilder, service: PlannedService): void {
  addApp(b, {
    namespace: service.namespace,
    app: service.name,
    protocol: service.protocol,
    port: service.port,
    sidecar: 'injected',
    versions: service.versions,
    ageSeconds: AGE - HOUR,
  });
}

export function scaleScenario(opts: ScaleOptions): Scenario {
  const { pods, seed } = opts;
  if (!Number.isInteger(pods) || pods < MIN_SCALE_PODS || pods > MAX_SCALE_PODS) {
    throw new RangeError(`pods must be a whole number from ${MIN_SCALE_PODS} to ${MAX_SCALE_PODS}, got ${pods}`);
  }
  const b = new ScenarioBuilder('scale', seed, {
    now: opts.now,
    nodes: Math.max(3, Math.ceil(pods / PODS_PER_NODE)),
  });
  addIstioSystem(b, {
    ingressReplicas: Math.min(4, Math.ceil(pods / 2500)),
    meshMtls: 'PERMISSIVE',
    ambient: false,
  });

  const namespaces = planNamespaces(b.rng('plan'), {
    appPods: pods - b.podCount,
    namespaces: Math.max(MIN_NAMESPACES, Math.round(pods / PODS_PER_NAMESPACE)),
  });
  for (const ns of namespaces) {
    b.add(namespace(b, ns.name, { 'istio-injection': 'enabled', team: ns.name }, AGE));
    for (const service of ns.services) addService(b, service);
  }
  b.addCalls(
    ...buildCallGraph(b.rng('calls'), namespaces, {
      rootRps: pods / 2,
      ingress: toService(INGRESS_GATEWAY, ISTIO_SYSTEM, 80, 'http'),
      edge: edgeEntries(namespaces),
    }),
  );
  addScaleConfig(b, b.rng('config'), namespaces, AGE - 2 * DAY);
  return b.build();
}
