/**
 * Hop outcomes drawn from the simulator's own edge plans under the live config, so that traces agree with
 * the metrics: a hop picks one of the edge's report lines with the probability of its share.
 */
import type { ObjectStore } from '../kube/store';
import type { Scenario, SimCall } from '../sim/model';
import type { EdgePlan, ReportLine } from '../sim/traffic/plan-types';
import { TrafficPlanner } from '../sim/traffic/planner';
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

/** Outcomes from `planner` when given (shared with the metrics), else from plans of its own. */
export function liveOutcomes(store: ObjectStore, scenario: Scenario, shared?: TrafficPlanner): LiveOutcomes {
  const planner = shared ?? new TrafficPlanner(store, scenario);
  const choices = new WeakMap<EdgePlan, Choice[]>();
  return {
    pick: (caller, call, rand) => {
      const plan = planner.plan(caller, call);
      let found = choices.get(plan);
      if (!found) {
        found = choicesOfPlan(plan);
        choices.set(plan, found);
      }
      return pickWeighted(found, rand());
    },
    dispose: () => {
      if (!shared) planner.dispose();
    },
  };
}

/** The client's view when its proxy reports, else the server's; without any report, who served it. */
function choicesOfPlan(plan: EdgePlan): Choice[] {
  for (const reporter of ['source', 'destination', 'waypoint'] as const) {
    // A mirrored copy is not the request the caller waits for.
    const lines = plan.lines.filter((line) => line.reporter === reporter && !line.mirrored);
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
    cluster: line.cluster?.name,
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
