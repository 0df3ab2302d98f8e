/**
 * The shape of a large mesh before any object exists: namespaces, and in each a set of services
 * sized so that their pods add up to an exact budget.
 */
import type { LatencyProfile, SimProtocol } from '../../model';
import type { Rng } from '../build/random';
import type { AppPort } from '../build/app';

/** Call depth: edge services call mid-tier ones, which call lower ones, down to the data tier. */
export enum Tier {
  Edge = 0,
  Upper = 1,
  Lower = 2,
  Data = 3,
}

export interface PlannedVersion {
  version: string;
  replicas: number;
  image: string;
  latency: LatencyProfile;
  errorRate: number;
}

export interface PlannedService {
  namespace: string;
  name: string;
  tier: Tier;
  protocol: SimProtocol;
  port: AppPort;
  versions: PlannedVersion[];
}

export interface PlannedNamespace {
  name: string;
  services: PlannedService[];
}

const DOMAINS = [
  'payments', 'orders', 'catalog', 'search', 'identity', 'billing', 'shipping', 'inventory',
  'analytics', 'notifications', 'pricing', 'reviews', 'accounts', 'checkout', 'media', 'messaging',
  'fraud', 'loyalty', 'recommendations', 'fulfilment', 'support', 'reporting', 'ledger', 'tax',
  'marketing', 'partners', 'logistics', 'returns', 'subscriptions', 'content', 'auth', 'profiles',
  'booking', 'maps', 'telemetry', 'compliance', 'storefront', 'warehouse', 'invoicing', 'wallet',
];
const NOUNS = [
  'account', 'order', 'cart', 'invoice', 'user', 'profile', 'product', 'price', 'stock', 'review',
  'shipment', 'payment', 'session', 'token', 'feed', 'report', 'coupon', 'quote', 'ticket', 'rate',
  'address', 'refund', 'event', 'audit', 'asset', 'offer', 'route', 'policy', 'label', 'tag',
];
const SUFFIXES: Record<Tier, readonly string[]> = {
  [Tier.Edge]: ['web', 'api', 'bff', 'portal', 'gateway'],
  [Tier.Upper]: ['service', 'manager', 'orchestrator', 'aggregator', 'router'],
  [Tier.Lower]: ['engine', 'worker', 'resolver', 'validator', 'indexer', 'calculator'],
  [Tier.Data]: ['store', 'cache', 'repository', 'archive'],
};
const DATABASES = [
  { suffix: 'postgres', image: 'docker.io/library/postgres:16.4', port: { name: 'tcp-postgres', port: 5432 } },
  { suffix: 'redis', image: 'docker.io/library/redis:7.4', port: { name: 'tcp-redis', port: 6379 } },
  { suffix: 'mysql', image: 'docker.io/library/mysql:8.4', port: { name: 'tcp-mysql', port: 3306 } },
];

/** Chance of each tier for every service after a namespace's first, which is always an edge service. */
const TIER_WEIGHTS = [0.12, 0.28, 0.28, 0.32];
const MAX_SERVICE_PODS = 12; // 3 versions of 4 replicas
const MIN_SERVICE_PODS = 2;

/** Pods for the next service: 1-3 versions of 2-4 replicas, never leaving a remainder of 1. */
function nextServicePods(rng: Rng, remaining: number): number {
  if (remaining <= MAX_SERVICE_PODS) return remaining;
  const versions = 1 + rng.weightedIndex([0.6, 0.28, 0.12]);
  let pods = 0;
  for (let i = 0; i < versions; i++) pods += rng.int(2, 4);
  return remaining - pods === 1 ? pods - 1 : pods;
}

/** Splits a service's pods into 1-3 versions of 2-4 replicas each. */
function splitReplicas(rng: Rng, pods: number): number[] {
  const versions = rng.int(Math.ceil(pods / 4), Math.min(3, Math.floor(pods / 2)));
  const replicas = new Array<number>(versions).fill(MIN_SERVICE_PODS);
  for (let extra = pods - MIN_SERVICE_PODS * versions; extra > 0; extra--) {
    const open = replicas.flatMap((r, i) => (r < 4 ? [i] : []));
    const index = rng.pick(open);
    replicas[index] = (replicas[index] ?? 0) + 1;
  }
  return replicas;
}

function latencyFor(rng: Rng, tier: Tier): LatencyProfile {
  const [low, high] = tier === Tier.Data ? [0.5, 4] : tier === Tier.Edge ? [8, 25] : [2, 18];
  const p50Ms = Math.round(rng.between(low, high) * 10) / 10;
  return { p50Ms, p99Ms: Math.round(p50Ms * rng.between(3, 8) * 10) / 10 };
}

function errorRateFor(rng: Rng): number {
  const roll = rng.float();
  const rate = roll < 0.9 ? rng.between(0, 0.002) : roll < 0.98 ? rng.between(0.005, 0.02) : rng.between(0.03, 0.08);
  return Math.round(rate * 10000) / 10000;
}

function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

function planService(rng: Rng, namespace: string, tier: Tier, pods: number, taken: Set<string>): PlannedService {
  const replicas = splitReplicas(rng, pods);
  const noun = rng.pick(NOUNS);
  const database = tier === Tier.Data && replicas.length === 1 && rng.chance(0.75) ? rng.pick(DATABASES) : undefined;
  const protocol: SimProtocol = database ? 'tcp' : tier !== Tier.Edge && rng.chance(0.25) ? 'grpc' : 'http';
  const name = uniqueName(taken, `${noun}-${database?.suffix ?? rng.pick(SUFFIXES[tier])}`);
  const port: AppPort = database
    ? database.port
    : protocol === 'grpc'
      ? { name: 'grpc', port: 9090, appProtocol: 'grpc' }
      : { name: 'http', port: 8080 };
  const baseLatency = latencyFor(rng, tier);
  const versions = replicas.map((count, i) => {
    const drift = rng.between(0.7, 1.3);
    return {
      version: `v${i + 1}`,
      replicas: count,
      image: database?.image ?? `registry.example.com/${namespace}/${name}:${i + 1}.${rng.int(0, 12)}.${rng.int(0, 9)}`,
      latency: {
        p50Ms: Math.round(baseLatency.p50Ms * drift * 10) / 10,
        p99Ms: Math.round(baseLatency.p99Ms * drift * 10) / 10,
      },
      errorRate: errorRateFor(rng),
    };
  });
  return { namespace, name, tier, protocol, port, versions };
}

function namespaceNames(rng: Rng, count: number): string[] {
  const names: string[] = [];
  for (let round = 1; names.length < count; round++) {
    for (const domain of rng.shuffled(DOMAINS)) {
      if (names.length === count) break;
      names.push(round === 1 ? domain : `${domain}-${round}`);
    }
  }
  return names;
}

/** Namespaces whose services' pods add up to exactly `appPods`. */
export function planNamespaces(rng: Rng, opts: { appPods: number; namespaces: number }): PlannedNamespace[] {
  const share = Math.floor(opts.appPods / opts.namespaces);
  if (share < MIN_SERVICE_PODS) throw new RangeError(`${opts.appPods} pods cannot fill ${opts.namespaces} namespaces`);
  const leftover = opts.appPods - share * opts.namespaces;
  return namespaceNames(rng, opts.namespaces).map((name, index) => {
    const taken = new Set<string>();
    const services: PlannedService[] = [];
    for (let remaining = share + (index < leftover ? 1 : 0); remaining > 0; ) {
      const pods = nextServicePods(rng, remaining);
      const tier: Tier = services.length === 0 ? Tier.Edge : rng.weightedIndex(TIER_WEIGHTS);
      services.push(planService(rng, name, tier, pods, taken));
      remaining -= pods;
    }
    return { name, services };
  });
}
