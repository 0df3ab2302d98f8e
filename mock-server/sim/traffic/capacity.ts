/**
 * The load-dependent parts of Envoy's behaviour, as expected values over a steady load: the circuit breaker
 * (a connection pool is a queue with `servers` slots and a bounded wait list), the local rate limiter's token
 * bucket, and outlier detection's consecutive-error ejections.
 */

/** Pools larger than this never overflow at the loads the simulator produces (Envoy's defaults are 2^32-1). */
const UNBOUNDED = 100_000;

/**
 * Share of arrivals an M/M/c/K queue turns away: `offered` is arrival rate × mean service time (the
 * concurrency the load asks for), `servers` the requests served at once, `waiting` the pending list.
 */
export function overflowShare(offered: number, servers: number, waiting: number): number {
  if (offered <= 0) return 0;
  if (servers <= 0) return 1;
  if (servers >= UNBOUNDED) return 0;
  // An endless wait list overflows nothing while the servers keep up, and past that serves only what they can.
  if (waiting >= UNBOUNDED) return offered < servers ? 0 : 1 - servers / offered;
  const capacity = servers + Math.min(waiting, UNBOUNDED);
  // Terms p_n / p_0, rescaled whenever they grow large so the sum stays finite.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= capacity; n++) {
    term *= offered / Math.min(n, servers);
    sum += term;
    if (sum > 1e200) {
      term /= sum;
      sum = 1;
    }
  }
  return term / sum;
}

/** Share of a proxy's requests a token bucket refuses, when it lets `allowedPerSecond` through and is offered `offeredPerSecond`. */
export function rateLimitedShare(offeredPerSecond: number, allowedPerSecond: number): number {
  if (offeredPerSecond <= 0 || offeredPerSecond <= allowedPerSecond) return 0;
  return 1 - allowedPerSecond / offeredPerSecond;
}

export interface EjectionInput {
  /** Consecutive failures that eject a host. */
  readonly threshold: number;
  /** Chance that one request to the host fails in a way the detector counts. */
  readonly failureRate: number;
  /** Requests one client proxy sends the host per detection interval. */
  readonly requestsPerInterval: number;
  readonly intervalMs: number;
  readonly baseEjectionMs: number;
}

/**
 * Share of the time a host is ejected: each interval it is caught with the chance that its requests hold a
 * run of `threshold` failures; once caught it stays out for the base ejection time, then gets another chance.
 */
export function ejectedShare(input: EjectionInput): number {
  const { threshold, failureRate: f, requestsPerInterval: n } = input;
  if (threshold <= 0 || f <= 0 || n < threshold) return 0;
  // Expected number of failure runs of the threshold's length among n requests, as the chance of at least one.
  const caught = Math.min(1, f ** threshold * (1 + (n - threshold) * (1 - f)));
  const out = caught * input.baseEjectionMs;
  return out / (out + input.intervalMs);
}

export interface HostGroup {
  /** Hosts (pods) in the group. */
  readonly hosts: number;
  /** Share of the cluster's traffic the group gets with every host healthy. */
  readonly weight: number;
  /** Share of the time each of its hosts is ejected, before the cluster's cap. */
  readonly ejected: number;
}

export interface Rebalanced {
  /** Per group: its traffic with ejections, relative to its traffic without (0 when all its hosts are out). */
  readonly factors: readonly number[];
  /** Share of the cluster's requests that find no healthy host (503 UH). */
  readonly noHealthy: number;
}

/**
 * Traffic of a cluster once outlier detection has ejected hosts: at most `maxEjectionPercent` of them (at
 * least one, as Envoy allows), none when fewer than `minHealthPercent` would stay healthy (panic mode).
 */
export function rebalance(groups: readonly HostGroup[], maxEjectionPercent: number, minHealthPercent: number): Rebalanced {
  const hosts = groups.reduce((sum, g) => sum + g.hosts, 0);
  const wanted = groups.reduce((sum, g) => sum + g.hosts * g.ejected, 0);
  const allowed = maxEjectionPercent <= 0 ? 0 : Math.min(hosts, Math.max(1, Math.ceil((hosts * maxEjectionPercent) / 100)));
  const scale = wanted > allowed ? allowed / wanted : 1;
  const ejected = groups.map((g) => g.ejected * scale);
  const healthyHosts = hosts - wanted * scale;
  if (hosts === 0 || wanted === 0 || (healthyHosts / hosts) * 100 < minHealthPercent) {
    return { factors: groups.map(() => 1), noHealthy: 0 };
  }
  // The cap keeps some host in whenever it is below the host count; otherwise hosts are out independently.
  const noHealthy = allowed < hosts ? 0 : groups.reduce((p, g, i) => p * (ejected[i] ?? 0) ** g.hosts, 1);
  const healthyWeight = groups.reduce((sum, g, i) => sum + g.weight * (1 - (ejected[i] ?? 0)), 0);
  if (healthyWeight <= 0) return { factors: groups.map(() => 0), noHealthy: 1 };
  return { factors: ejected.map((x) => ((1 - x) / healthyWeight) * (1 - noHealthy)), noHealthy };
}
