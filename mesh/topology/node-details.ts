/**
 * Badges, config references and flags of a node, from the workloads it stands for and the services
 * they serve: a workload node is one workload, an app node all workloads of the app, a versioned app
 * node those of one version, a service node the service itself.
 */
import { serviceFqdn } from '../telemetry/scope';
import type { ConfigIndex } from './config-index';
import { appliedToService, appliedToWorkload } from './config-index';
import type { NodeSeed } from './endpoints';
import type { Inventory, WorkloadInfo } from './inventory';
import { workloadKey } from './inventory';
import type { NodeBadge, ObjectRef } from './model';

export interface NodeDetails {
  readonly badges: readonly NodeBadge[];
  readonly config: readonly ObjectRef[];
  readonly isGateway?: boolean;
  readonly isWaypoint?: boolean;
  readonly isInaccessible?: boolean;
}

/** Workloads grouped by app and by app+version, built once per inventory. */
export interface MemberIndex {
  readonly byApp: ReadonlyMap<string, readonly WorkloadInfo[]>;
  readonly byVersion: ReadonlyMap<string, readonly WorkloadInfo[]>;
}

export function indexMembers(inventory: Inventory): MemberIndex {
  const byApp = new Map<string, WorkloadInfo[]>();
  const byVersion = new Map<string, WorkloadInfo[]>();
  for (const w of inventory.workloads.values()) {
    const app = `${w.namespace}/${w.app}`;
    (byApp.get(app) ?? byApp.set(app, []).get(app)!).push(w);
    const version = `${app}/${w.version}`;
    (byVersion.get(version) ?? byVersion.set(version, []).get(version)!).push(w);
  }
  return { byApp, byVersion };
}

function membersOf(seed: NodeSeed, inventory: Inventory, members: MemberIndex): readonly WorkloadInfo[] {
  switch (seed.kind) {
    case 'workload': {
      const w = inventory.workloads.get(workloadKey(seed.namespace, seed.workload ?? seed.name));
      return w ? [w] : [];
    }
    case 'app':
      return seed.version !== undefined ? (members.byVersion.get(`${seed.namespace}/${seed.app}/${seed.version}`) ?? []) : (members.byApp.get(`${seed.namespace}/${seed.app}`) ?? []);
    default:
      return [];
  }
}

class Collector {
  readonly badges = new Set<NodeBadge>();
  private readonly config = new Map<string, ObjectRef>();

  add(badges: Iterable<NodeBadge>, config: readonly ObjectRef[]): void {
    for (const b of badges) this.badges.add(b);
    for (const c of config) this.config.set(`${c.kind}/${c.namespace ?? ''}/${c.name}`, c);
  }

  refs(): ObjectRef[] {
    return [...this.config.values()];
  }
}

export function nodeDetails(seed: NodeSeed, inventory: Inventory, config: ConfigIndex, members: MemberIndex): NodeDetails {
  const collected = new Collector();
  if (seed.kind === 'external') {
    const entry = seed.host ? config.serviceEntryHosts.get(seed.host) : undefined;
    if (entry) collected.add(['serviceEntry'], [entry.ref]);
    if (seed.host) {
      const applied = appliedToService(config, seed.host);
      collected.add(applied.badges, applied.config);
    }
    return { badges: [...collected.badges].sort(), config: collected.refs() };
  }
  if (seed.kind === 'unknown') return { badges: [], config: [] };
  if (seed.kind === 'aggregate') {
    // A namespace of the overview: the config on its services (its workloads are not loaded).
    const applied = config.byServiceNamespace.get(seed.namespace);
    if (applied) collected.add(applied.badges, applied.config);
    return { badges: [...collected.badges].sort(), config: collected.refs() };
  }
  if (seed.kind === 'service') {
    const fqdn = serviceFqdn(seed.namespace, seed.service ?? seed.name);
    const applied = appliedToService(config, fqdn);
    collected.add(applied.badges, applied.config);
    const service = inventory.services.get(workloadKey(seed.namespace, seed.service ?? seed.name));
    return { badges: [...collected.badges].sort(), config: collected.refs(), isInaccessible: service ? undefined : true };
  }
  const workloads = membersOf(seed, inventory, members);
  let gateway = false;
  let waypoint = false;
  for (const w of workloads) {
    const applied = appliedToWorkload(config, w.namespace, w.labels);
    collected.add(applied.badges, applied.config);
    for (const service of inventory.servicesOfWorkload.get(workloadKey(w.namespace, w.name)) ?? []) {
      const [ns = '', name = ''] = service.split('/');
      const toService = appliedToService(config, serviceFqdn(ns, name));
      collected.add(toService.badges, toService.config);
    }
    if (w.dataplane === 'ambient') collected.badges.add('ambient');
    if (w.gateway) gateway = true;
    if (w.isWaypoint) waypoint = true;
    if (w.dataplane === 'none' && !w.optedOut && !w.gateway && !w.isWaypoint) collected.badges.add('missingSidecar');
  }
  if (gateway) collected.badges.add('gateway');
  if (waypoint) collected.badges.add('waypoint');
  return {
    badges: [...collected.badges].sort(),
    config: collected.refs(),
    isGateway: gateway || undefined,
    isWaypoint: waypoint || undefined,
    isInaccessible: workloads.length === 0 ? true : undefined,
  };
}
