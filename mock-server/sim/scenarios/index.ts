/** The scenarios the mock cluster can start with. */
import type { Scenario } from '../model';
import { demoScenario } from './demo';
import { DEFAULT_SCALE_PODS, scaleScenario } from './scale';

export { demoScenario } from './demo';
export { scaleScenario, DEFAULT_SCALE_PODS, MAX_SCALE_PODS, MIN_SCALE_PODS, type ScaleOptions } from './scale';
export { scenarioProblems } from './consistency';
export * from '../model';

export type ScenarioName = 'demo' | 'scale';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['demo', 'scale'];
export const DEFAULT_SEED = 1;

/** `pods` and `seed` shape the scale scenario only; the demo is always the same mesh. */
export function scenarioByName(name: ScenarioName, opts: { pods?: number; seed?: number; now?: Date } = {}): Scenario {
  switch (name) {
    case 'demo':
      return demoScenario({ now: opts.now });
    case 'scale':
      return scaleScenario({ pods: opts.pods ?? DEFAULT_SCALE_PODS, seed: opts.seed ?? DEFAULT_SEED, now: opts.now });
  }
}
