/**
 * Edge plans under the live config, shared by everything that samples traffic (metrics, traces, access
 * logs) so they agree. Routing is planned once per config version; when the config makes traffic depend
 * on load (connection pools, outlier detection, local rate limits), the steady load of the call graph is
 * estimated and its effects are applied on top, a few rounds so that upstream limits reach downstream loads.
 */
import type { ObjectStore } from '../../kube/store';
import { EXTERNAL_ORIGIN, isRootCall, workloadKey, type Scenario, type SimCall, type SimWorkload } from '../model';
import { planEdge } from './edge-plan';
import { readLiveConfig, TRAFFIC_KINDS, type LiveConfig } from './live-config';
import { capacityEffects, nominalLoads, type LoadGraph, type NominalLoads } from './load-model';
import { applyEffects, NO_EFFECTS, type CapacityEffects } from './plan-effects';
import type { EdgePlan } from './plan-types';

/** Rounds of load estimation: each lets limits found upstream lower the load seen downstream. */
const EFFECT_ROUNDS = 3;

interface Version {
  readonly config: LiveConfig;
  readonly base: Map<string, EdgePlan>;
  effective: Map<string, EdgePlan>;
  effects?: CapacityEffects;
  loads?: NominalLoads;
}

export class TrafficPlanner {
  private version: Version | undefined;
  private readonly byKey: ReadonlyMap<string, SimWorkload>;
  private readonly byNamespace = new Map<string, SimWorkload[]>();
  private readonly fanOut = new Map<string, SimCall[]>();
  private readonly callIds: ReadonlyMap<SimCall, number>;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    readonly scenario: Scenario,
  ) {
    this.byKey = new Map(scenario.workloads.map((w) => [workloadKey(w.namespace, w.name), w]));
    for (const w of scenario.workloads) this.byNamespace.set(w.namespace, [...(this.byNamespace.get(w.namespace) ?? []), w]);
    for (const call of scenario.calls) if (!isRootCall(call)) this.fanOut.set(call.from, [...(this.fanOut.get(call.from) ?? []), call]);
    this.callIds = new Map(scenario.calls.map((c, i) => [c, i]));
    this.unsubscribe = store.onChange((change) => {
      if (TRAFFIC_KINDS.has(change.info)) this.version = undefined;
    });
  }

  get config(): LiveConfig {
    return this.current().config;
  }

  workload(key: string): SimWorkload | undefined {
    return this.byKey.get(key);
  }

  callsOf(workload: SimWorkload): readonly SimCall[] {
    return this.fanOut.get(workloadKey(workload.namespace, workload.name)) ?? [];
  }

  edgeKey(caller: SimWorkload | undefined, call: SimCall): string {
    return `${caller ? workloadKey(caller.namespace, caller.name) : EXTERNAL_ORIGIN}|${this.callIds.get(call) ?? -1}`;
  }

  /** The edge's plan with the load's effects; the same object until the config changes. */
  plan(caller: SimWorkload | undefined, call: SimCall): EdgePlan {
    const version = this.current();
    const effects = this.effectsOf(version);
    return this.effectivePlan(version, effects, caller, call);
  }

  /** The steady load of every edge under the current config, at the call graph's nominal rates. */
  loads(): NominalLoads {
    const version = this.current();
    const effects = this.effectsOf(version);
    version.loads ??= nominalLoads(this.graph(version, effects));
    return version.loads;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private current(): Version {
    this.version ??= { config: readLiveConfig(this.store), base: new Map(), effective: new Map() };
    return this.version;
  }

  private effectsOf(version: Version): CapacityEffects {
    if (version.effects) return version.effects;
    let effects = NO_EFFECTS;
    if (version.config.loadDependent) {
      for (let round = 0; round < EFFECT_ROUNDS; round++) {
        version.effective = new Map();
        effects = capacityEffects(version.config, nominalLoads(this.graph(version, effects)), this.byKey);
      }
      version.effective = new Map();
    }
    version.effects = effects;
    return effects;
  }

  private graph(version: Version, effects: CapacityEffects): LoadGraph {
    const roots = this.scenario.calls.filter(isRootCall).map((call) => ({
      caller: call.from === EXTERNAL_ORIGIN ? undefined : this.byKey.get(call.from),
      call,
      requests: call.rps,
    }));
    return {
      roots,
      callsOf: (w) => this.callsOf(w),
      edgeKey: (caller, call) => this.edgeKey(caller, call),
      plans: (caller, call) => ({ base: this.basePlan(version, caller, call), effective: this.effectivePlan(version, effects, caller, call) }),
    };
  }

  private basePlan(version: Version, caller: SimWorkload | undefined, call: SimCall): EdgePlan {
    const key = this.edgeKey(caller, call);
    let plan = version.base.get(key);
    if (!plan) {
      plan = planEdge({ config: version.config, workloadsInNamespace: (ns) => this.byNamespace.get(ns) ?? [] }, caller, call);
      version.base.set(key, plan);
    }
    return plan;
  }

  private effectivePlan(version: Version, effects: CapacityEffects, caller: SimWorkload | undefined, call: SimCall): EdgePlan {
    const key = this.edgeKey(caller, call);
    let plan = version.effective.get(key);
    if (!plan) {
      const callerKey = caller ? workloadKey(caller.namespace, caller.name) : EXTERNAL_ORIGIN;
      plan = applyEffects(this.basePlan(version, caller, call), effects, callerKey);
      version.effective.set(key, plan);
    }
    return plan;
  }
}
