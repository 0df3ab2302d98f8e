/**
 * What one pod of a workload sees per second under the live config: the requests it receives (its sidecar's
 * inbound lines) and the ones it sends (outbound lines), each with the plan line that says how it ends.
 */
import type { SimCall, SimWorkload } from '../sim/model';
import { isProxyWorkload } from '../sim/traffic/caller';
import type { NominalLoads } from '../sim/traffic/load-model';
import type { ReportLine } from '../sim/traffic/plan-types';
import type { TrafficPlanner } from '../sim/traffic/planner';

export interface TrafficSample {
  readonly direction: 'inbound' | 'outbound';
  readonly caller: SimWorkload | undefined;
  readonly call: SimCall;
  readonly line: ReportLine;
  /** Requests per second per pod. */
  readonly rps: number;
}

export interface PodTraffic {
  readonly samples: readonly TrafficSample[];
  readonly rps: number;
}

/** Inbound, then outbound. */
type Directions = readonly [PodTraffic, PodTraffic];

const profiles = new WeakMap<NominalLoads, Map<SimWorkload, Directions>>();

export function podTraffic(planner: TrafficPlanner, workload: SimWorkload): Directions {
  const loads = planner.loads();
  let byWorkload = profiles.get(loads);
  if (!byWorkload) profiles.set(loads, (byWorkload = new Map()));
  let traffic = byWorkload.get(workload);
  if (!traffic) {
    traffic = profile(planner, loads, workload);
    byWorkload.set(workload, traffic);
  }
  return traffic;
}

function profile(planner: TrafficPlanner, loads: NominalLoads, workload: SimWorkload): Directions {
  const samples: TrafficSample[] = [];
  const pods = Math.max(workload.replicas, 1);
  const proxy = isProxyWorkload(workload);
  // Only an Envoy in front of the pod writes access logs; a gateway logs each request once, as it forwards it.
  if (workload.sidecar !== 'injected' && !proxy) return [traffic([]), traffic([])];
  for (const { caller, call, rps } of loads.edges.values()) {
    const mine = caller === workload;
    if (!mine && proxy) continue;
    for (const line of planner.plan(caller, call).lines) {
      const direction = mine && line.reporter === 'source' ? 'outbound' : !mine && line.reporter === 'destination' && line.destination === workload ? 'inbound' : undefined;
      if (direction && line.share > 0) samples.push({ direction, caller, call, line, rps: (rps * line.share) / pods });
    }
  }
  return [traffic(samples.filter((s) => s.direction === 'inbound')), traffic(samples.filter((s) => s.direction === 'outbound'))];
}

function traffic(samples: readonly TrafficSample[]): PodTraffic {
  return { samples, rps: samples.reduce((sum, s) => sum + s.rps, 0) };
}

/** The sample a uniform draw in [0, 1) lands on, by rate. */
export function pickSample(traffic: PodTraffic, draw: number): TrafficSample | undefined {
  let rest = draw * traffic.rps;
  for (const sample of traffic.samples) {
    rest -= sample.rps;
    if (rest < 0) return sample;
  }
  return traffic.samples[traffic.samples.length - 1];
}
