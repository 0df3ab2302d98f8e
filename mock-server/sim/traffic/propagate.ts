/**
 * One step of the call graph: root calls enter, each served request triggers its workload's fan-out
 * calls, and gateway proxies forward what they receive as their routes say.
 */
import type { SimCall, SimWorkload } from '../model';
import { isProxyWorkload } from './caller';
import type { ServedShare } from './plan-types';
import { runNow } from './slices';

/** Sends `requests` requests of `call` from `caller` (undefined: outside the cluster); returns who served them. */
export type EdgeRunner = (caller: SimWorkload | undefined, call: SimCall, requests: number) => readonly ServedShare[];

export interface RootTraffic {
  readonly caller: SimWorkload | undefined;
  readonly call: SimCall;
  readonly requests: number;
}

/** Below this, a trickle is not worth following (it also ends cycles in a call graph). */
const NEGLIGIBLE = 1e-6;
/** Gateways in front of gateways, at most. */
const MAX_PROXY_HOPS = 4;

export function propagate(roots: readonly RootTraffic[], callsOf: (workload: SimWorkload) => readonly SimCall[], run: EdgeRunner): void {
  runNow(propagateInSteps(roots, callsOf, run));
}

/** `propagate` that pauses (yields) after each root and each workload's fan-out, for a caller that spreads it over time. */
export function* propagateInSteps(
  roots: readonly RootTraffic[],
  callsOf: (workload: SimWorkload) => readonly SimCall[],
  run: EdgeRunner,
): Generator<void, void, void> {
  const pending = new Map<SimWorkload, number>();
  const queue: SimWorkload[] = [];

  const deliver = (served: readonly ServedShare[], call: SimCall, requests: number, hops: number): void => {
    for (const { workload, share } of served) {
      const amount = requests * share;
      if (amount < NEGLIGIBLE) continue;
      if (isProxyWorkload(workload)) {
        if (hops < MAX_PROXY_HOPS) deliver(run(workload, call, amount), call, amount, hops + 1);
        continue;
      }
      const before = pending.get(workload);
      if (before === undefined) queue.push(workload);
      pending.set(workload, (before ?? 0) + amount);
    }
  };

  for (const root of roots) {
    deliver(run(root.caller, root.call, root.requests), root.call, root.requests, 0);
    yield;
  }

  // A workload may be dequeued more than once when more traffic reaches it later; the counts still add up.
  for (let head = 0; head < queue.length; head++) {
    const workload = queue[head];
    if (!workload) continue;
    const requests = pending.get(workload) ?? 0;
    pending.delete(workload);
    for (const call of callsOf(workload)) {
      const fanned = requests * (call.fanOut ?? 0);
      if (fanned >= NEGLIGIBLE) deliver(run(workload, call, fanned), call, fanned, 0);
    }
    yield;
  }
}
