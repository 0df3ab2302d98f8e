/**
 * Hop outcomes drawn from the simulator's own edge plans under the live config, so that traces agree with
 * the metrics: a hop picks one of the edge's report lines with the probability of its share.
 */
import type { ObjectStore } from '../kube/store';
import { EXTERNAL_ORIGIN, workloadKey, type Scenario, type SimCall, type SimWorkload } from '../sim/model';
import { planEdge } from '../sim/traffic/edge-plan';
import { readLiveConfig, TRAFFIC_KINDS, type LiveConfig } from '../sim/traffic/live-config';
import type { EdgePlan, ReportLine } from '../sim/traffic/plan-types';
import type { HopOutcome, PickOutcome } from './sampler';

interface Choice {
  readonly weight: number;
  readonly outcome: HopOutcome;
}

export interface LiveOutcomes {
  readonly pick: PickOutcome;
  /** Stops following the store. */
  dispose(): void;
}

export function liveOutcomes(store: ObjectStore, scenario: Scenario): LiveOutcomes {
  const byNamespace = new Map<string, SimWorkload[]>();
  for (const w of scenario.workloads) byNamespace.set(w.namespace, [...(byNamespace.get(w.namespace) ?? []), w]);
  const callIds = new Map(scenario.calls.map((c, i) => [c, i]));
  let config: LiveConfig | undefined;
  const choices = new Map<string, Choice[]>();
  const unsubscribe = store.onChange((change) => {
    if (TRAFFIC_KINDS.has(change.info)) config = undefined;
  });

  const choicesOf = (caller: SimWorkload | undefined, call: SimCall): Choice[] => {
    if (!config) {
      config = readLiveConfig(store);
      choices.clear();
    }
    const key = `${caller ? workloadKey(caller.namespace, caller.name) : EXTERNAL_ORIGIN}|${callIds.get(call) ?? -1}`;
    let found = choices.get(key);
    if (!found) {
      const env = { config, workloadsInNamespace: (ns: string) => byNamespace.get(ns) ?? [] };
      found = choicesOfPlan(planEdge(env, caller, call));
      choices.set(key, found);
    }
    return found;
  };

  return {
    pick: (caller, call, rand) => pickWeighted(choicesOf(caller, call), rand()),
    dispose: unsubscribe,
  };
}

/** The client's view when its proxy reports, else the server's; without any report, who served it. */
function choicesOfPlan(plan: EdgePlan): Choice[] {
  for (const reporter of ['source', 'destination', 'waypoint'] as const) {
    const lines = plan.lines.filter((line) => line.reporter === reporter);
    if (lines.length > 0) return lines.map((line) => ({ weight: line.share, outcome: outcomeOf(plan.call, line) }));
  }
  const { toHost: host, port } = plan.call;
  return plan.served.map(({ workload, share }) => ({
    weight: share,
    outcome: { server: workload, host, port, status: 200, flags: '-', subset: '', latency: workload.latency, delayMs: 0 },
  }));
}

function outcomeOf(call: SimCall, line: ReportLine): HopOutcome {
  const host = line.service.host;
  return {
    server: line.destination,
    host,
    // A gateway's route leads to another service, on a port only its workload tells.
    port: host === call.toHost ? call.port : (line.destination?.port ?? call.port),
    status: line.responseCode,
    flags: line.responseFlags,
    // Subsets are named after the version label in the demo meshes, as in Istio's samples.
    subset: line.destination?.labels.version ?? '',
    latency: line.latency,
    delayMs: line.delayMs,
  };
}

function pickWeighted(choices: readonly Choice[], draw: number): HopOutcome | undefined {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let rest = draw * total;
  for (const choice of choices) {
    rest -= choice.weight;
    if (rest < 0) return choice.outcome;
  }
  return choices[choices.length - 1]?.outcome;
}
