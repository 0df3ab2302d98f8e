/**
 * The scale mesh's call graph: each service calls a few services in deeper tiers only (so there
 * are no cycles), mostly in its own namespace; edge services take the external traffic.
 */
import { EXTERNAL_ORIGIN, type SimCall, serviceHost, workloadKey } from '../../model';
import { fanOutCall, rootCall, type CallRequest, type CallTarget } from '../build/calls';
import type { Rng } from '../build/random';
import { Tier, type PlannedNamespace, type PlannedService } from './plan';

/** How many services a caller in each tier calls, and the chance of each deeper tier. */
const CALLS_BY_TIER: Record<Exclude<Tier, Tier.Data>, { min: number; max: number; tierWeights: number[] }> = {
  [Tier.Edge]: { min: 2, max: 4, tierWeights: [0, 0.6, 0.25, 0.15] },
  [Tier.Upper]: { min: 1, max: 3, tierWeights: [0, 0, 0.55, 0.45] },
  [Tier.Lower]: { min: 1, max: 2, tierWeights: [0, 0, 0, 1] },
};
const SAME_NAMESPACE = 0.8;
const GRPC_METHODS = ['Get', 'List', 'Create', 'Update', 'Resolve', 'Check'];

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());
}

function requestTo(rng: Rng, target: PlannedService): CallRequest | undefined {
  switch (target.protocol) {
    case 'tcp':
      return undefined;
    case 'grpc': {
      const grpcService = `${target.namespace.replace(/-/g, '')}.${pascal(target.name)}`;
      return { method: 'POST', path: `/${grpcService}/${rng.pick(GRPC_METHODS)}` };
    }
    case 'http':
      return rng.chance(0.8)
        ? { method: 'GET', path: `/api/v1/${target.name}/${rng.int(1, 999)}` }
        : { method: 'POST', path: `/api/v1/${target.name}` };
  }
}

export function targetOf(service: PlannedService, authority?: string): CallTarget {
  return {
    host: serviceHost(service.name, service.namespace),
    port: service.port.port,
    protocol: service.protocol,
    ...(authority ? { authority } : {}),
  };
}

class ServiceIndex {
  private readonly byNamespaceTier = new Map<string, PlannedService[]>();
  private readonly byTier = new Map<Tier, PlannedService[]>();

  constructor(namespaces: PlannedNamespace[]) {
    for (const service of namespaces.flatMap((ns) => ns.services)) {
      ServiceIndex.append(this.byNamespaceTier, `${service.namespace}/${service.tier}`, service);
      ServiceIndex.append(this.byTier, service.tier, service);
    }
  }

  private static append<K>(map: Map<K, PlannedService[]>, key: K, service: PlannedService): void {
    const list = map.get(key);
    if (list) list.push(service);
    else map.set(key, [service]);
  }

  /** A service of `tier`, from `namespace` when it has one and the dice say so, else from anywhere. */
  pick(rng: Rng, tier: Tier, namespace: string): PlannedService | undefined {
    const local = this.byNamespaceTier.get(`${namespace}/${tier}`);
    if (local && rng.chance(SAME_NAMESPACE)) return rng.pick(local);
    const anywhere = this.byTier.get(tier);
    return anywhere ? rng.pick(anywhere) : undefined;
  }
}

function downstreamCalls(rng: Rng, caller: PlannedService, index: ServiceIndex): SimCall[] {
  if (caller.tier === Tier.Data) return [];
  const shape = CALLS_BY_TIER[caller.tier];
  const targets = new Map<string, PlannedService>();
  const wanted = rng.int(shape.min, shape.max);
  for (let attempt = 0; targets.size < wanted && attempt < wanted * 3; attempt++) {
    const target = index.pick(rng, rng.weightedIndex(shape.tierWeights), caller.namespace);
    if (target) targets.set(`${target.namespace}/${target.name}`, target);
  }
  const calls: SimCall[] = [];
  for (const target of targets.values()) {
    // A query per request or more to the data tier; services are called for some requests only.
    const fanOut = target.tier === Tier.Data ? rng.between(1, 3) : rng.between(0.3, 1.5);
    const request = requestTo(rng, target);
    for (const { version } of caller.versions) {
      const from = workloadKey(caller.namespace, `${caller.name}-${version}`);
      calls.push(fanOutCall(from, targetOf(target), Math.round(fanOut * 100) / 100, request));
    }
  }
  return calls;
}

export interface EdgeEntry {
  service: PlannedService;
  /** Host header external clients send to reach it through its namespace's ingress route. */
  authority: string;
  /** Path prefix its ingress route matches. */
  pathPrefix: string;
}

/** All calls: external traffic totalling about `rootRps` to the edge, and every fan-out below. */
export function buildCallGraph(
  rng: Rng,
  namespaces: PlannedNamespace[],
  opts: { rootRps: number; ingress: CallTarget; edge: EdgeEntry[] },
): SimCall[] {
  const index = new ServiceIndex(namespaces);
  const weights = opts.edge.map(() => rng.between(0.3, 2));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const roots = opts.edge.map((entry, i) =>
    rootCall(
      EXTERNAL_ORIGIN,
      { ...opts.ingress, authority: entry.authority },
      Math.max(0.01, Math.round((opts.rootRps * (weights[i] ?? 0) * 100) / totalWeight) / 100),
      { method: 'GET', path: `${entry.pathPrefix}/` },
    ),
  );
  const fanOuts = namespaces.flatMap((ns) => ns.services.flatMap((service) => downstreamCalls(rng, service, index)));
  return [...roots, ...fanOuts];
}
