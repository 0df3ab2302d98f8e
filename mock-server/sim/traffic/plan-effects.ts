/**
 * Applies the load-dependent effects (circuit breaking, outlier ejection, local rate limits) to an edge's
 * plan: routing decides where requests go once per config, these then move shares between its lines.
 */
import { workloadKey, type SimWorkload } from '../model';
import { flagsLabel } from './forward';
import { LOCAL_REPLY_LATENCY, type EdgePlan, type ReportLine, type ServedShare } from './plan-types';

export interface ClusterEffect {
  /** Share of the client's requests the connection pool overflows (503 UO). */
  readonly overflow: number;
  /** Share that finds every host ejected (503 UH). */
  readonly noHealthy: number;
  /** Per endpoint workload: its traffic relative to what it gets with no host ejected. */
  readonly factors: ReadonlyMap<string, number>;
}

export interface CapacityEffects {
  /** Per server workload key: share of the requests reaching its proxy that its local rate limit answers 429. */
  readonly rateLimited: ReadonlyMap<string, number>;
  /** Per `${callerKey}|${cluster name}`. */
  readonly clusters: ReadonlyMap<string, ClusterEffect>;
}

export const NO_EFFECTS: CapacityEffects = { rateLimited: new Map(), clusters: new Map() };

const NEGLIGIBLE_SHARE = 1e-3;

export function clusterEffectKey(callerKey: string, clusterName: string): string {
  return `${callerKey}|${clusterName}`;
}

export function applyEffects(plan: EdgePlan, effects: CapacityEffects, callerKey: string): EdgePlan {
  if (effects.rateLimited.size === 0 && effects.clusters.size === 0) return plan;
  const clusterOf = (item: ReportLine | ServedShare, destination: SimWorkload | undefined): ClusterEffect | undefined =>
    item.cluster && destination ? effects.clusters.get(clusterEffectKey(callerKey, item.cluster.name)) : undefined;
  const reaching = (item: ReportLine | ServedShare, destination: SimWorkload | undefined): number => {
    const effect = clusterOf(item, destination);
    if (!effect || !destination) return 1;
    return (1 - effect.overflow) * (effect.factors.get(workloadKey(destination.namespace, destination.name)) ?? 1);
  };
  const limitedShare = (destination: SimWorkload | undefined): number =>
    destination ? (effects.rateLimited.get(workloadKey(destination.namespace, destination.name)) ?? 0) : 0;

  const lines: ReportLine[] = [];
  const refused = new Map<string, { template: ReportLine; share: number }>();
  const clusterTotals = new Map<string, { template: ReportLine; share: number; effect: ClusterEffect }>();
  for (const line of plan.lines) {
    const effect = line.reporter === 'source' ? clusterOf(line, line.destination) : undefined;
    if (effect && line.cluster) {
      const total = clusterTotals.get(line.cluster.name) ?? { template: line, share: 0, effect };
      total.share += line.share;
      clusterTotals.set(line.cluster.name, total);
    }
    const share = line.share * reaching(line, line.destination);
    const limited = line.responseFlags.includes('UF') ? 0 : limitedShare(line.destination);
    lines.push({ ...line, share: share * (1 - limited) });
    if (limited > 0) {
      const key = `${line.reporter}|${line.service.host}`;
      const entry = refused.get(key) ?? { template: line, share: 0 };
      entry.share += share * limited;
      refused.set(key, entry);
    }
  }
  for (const { template, share, effect } of clusterTotals.values()) {
    pushLocal(lines, template, share * effect.overflow, 'UO');
    pushLocal(lines, template, share * (1 - effect.overflow) * effect.noHealthy, 'UH');
  }
  for (const { template, share } of refused.values()) {
    if (share < NEGLIGIBLE_SHARE) continue;
    const flags = template.reporter === 'source' ? (template.delayMs > 0 ? 'DI' : '-') : 'RL';
    lines.push({ ...template, share, responseCode: 429, grpcStatus: grpcUnavailable(template), responseFlags: flags, latency: LOCAL_REPLY_LATENCY });
  }
  const served = plan.served.map((s) => {
    const arriving = (s.arriving ?? s.share) * reaching(s, s.workload);
    return { ...s, arriving, share: s.share * reaching(s, s.workload) * (1 - limitedShare(s.workload)) };
  });
  return { ...plan, lines, served };
}

/** The client proxy's own 503: no upstream host, so no destination workload or peer identity. */
function pushLocal(lines: ReportLine[], template: ReportLine, share: number, flag: 'UO' | 'UH'): void {
  if (share < NEGLIGIBLE_SHARE) return;
  lines.push({
    ...template,
    share,
    destination: undefined,
    responseCode: 503,
    grpcStatus: grpcUnavailable(template),
    responseFlags: flagsLabel(template.delayMs > 0 ? ['DI', flag] : [flag]),
    security: 'unknown',
    peerAuthenticated: false,
    latency: LOCAL_REPLY_LATENCY,
  });
}

function grpcUnavailable(line: ReportLine): string {
  return line.grpcStatus === '' ? '' : '14';
}
