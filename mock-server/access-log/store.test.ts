import { describe, expect, it } from 'vitest';
import { TraceStore } from '../jaeger/store';
import { hashedPodIp } from '../jaeger/trace-builder';
import { TrafficPlanner } from '../sim/traffic/planner';
import { kindOf, simHarness, TEST_NOW, type SimHarness } from '../sim/traffic/testing';
import { AccessLogStore, DEFAULT_LIMITS, type AccessLogLimits } from './store';

const STEP_MS = 15_000;
const VIRTUAL_SERVICE = kindOf('networking.istio.io', 'VirtualService');
const DESTINATION_RULE = kindOf('networking.istio.io', 'DestinationRule');

function logsOver(h: SimHarness, limits: AccessLogLimits = DEFAULT_LIMITS): AccessLogStore {
  return new AccessLogStore(
    {
      planner: new TrafficPlanner(h.store, h.scenario),
      traces: new TraceStore(),
      addressing: { podIp: hashedPodIp, serviceIp: () => '10.96.0.10' },
      seed: 3,
      stepMs: STEP_MS,
      lastStepMs: () => TEST_NOW,
      historyStartMs: TEST_NOW - 10 * 60_000,
    },
    limits,
  );
}

function podOf(h: SimHarness, workload: string): string {
  return h.scenario.workloads.find((w) => w.name === workload)?.podNames[0] ?? '';
}

async function patchSpec(h: SimHarness, kind: typeof VIRTUAL_SERVICE, name: string, change: (spec: Record<string, unknown>) => Record<string, unknown>) {
  const current = h.store.get(kind, 'bookinfo', name);
  if (!current) throw new Error(`no ${name}`);
  await h.store.update(kind, { ...current, spec: change({ ...(current.spec as Record<string, unknown>) }) });
}

describe('AccessLogStore', () => {
  it('keeps each ring bounded and only so many pods at once', async () => {
    const h = await simHarness();
    const logs = logsOver(h, { ...DEFAULT_LIMITS, maxPods: 2, linesPerPod: 50 });
    const pods = ['productpage-v1', 'reviews-v1', 'details-v1'].map((w) => podOf(h, w));
    for (const pod of pods) expect(logs.lines('bookinfo', pod)).toHaveLength(50);
    const first = logs.lines('bookinfo', pods[0] ?? '');
    logs.addStep(TEST_NOW + STEP_MS, []);
    expect(logs.lines('bookinfo', pods[0] ?? '')).toHaveLength(50);
    // Evicted and filled again, the same pod writes the same lines.
    expect(logsOver(h, { ...DEFAULT_LIMITS, maxPods: 2, linesPerPod: 50 }).lines('bookinfo', pods[0] ?? '')).toEqual(first);
  });

  it('writes lines older than the ring again when asked for them, as they were', async () => {
    const h = await simHarness();
    const pod = podOf(h, 'productpage-v1');
    const full = logsOver(h).lines('bookinfo', pod);
    const small = logsOver(h, { ...DEFAULT_LIMITS, linesPerPod: 100 });
    const ring = small.lines('bookinfo', pod);
    expect(ring).toHaveLength(100);
    const sinceMs = TEST_NOW - 4 * 60_000;
    const older = small.lines('bookinfo', pod, sinceMs);
    expect(older.length).toBeGreaterThan(ring.length);
    expect(older.map((l) => l.text)).toEqual(full.filter((l) => l.atMs >= (older[0]?.atMs ?? 0)).map((l) => l.text));
    expect(small.lines('bookinfo', pod)).toHaveLength(100);
  });

  it('hands each new step to followers, in time order', async () => {
    const h = await simHarness();
    const logs = logsOver(h);
    const pod = podOf(h, 'ratings-v1');
    const before = logs.lines('bookinfo', pod);
    const seen: string[] = [];
    const stop = logs.follow('bookinfo', pod, (lines) => seen.push(...lines.map((l) => l.text)));
    logs.addStep(TEST_NOW + STEP_MS, []);
    logs.addStep(TEST_NOW + STEP_MS, []);
    stop();
    logs.addStep(TEST_NOW + 2 * STEP_MS, []);
    expect(seen.length).toBeGreaterThan(0);
    const all = logs.lines('bookinfo', pod);
    // The step added twice counts once; the one after unsubscribing reaches the ring but not the follower.
    expect(all.length).toBeGreaterThan(before.length + seen.length);
    expect(all.slice(before.length, before.length + seen.length).map((l) => l.text)).toEqual(seen);
    for (let i = 1; i < all.length; i++) expect(all[i]?.atMs ?? 0).toBeGreaterThanOrEqual(all[i - 1]?.atMs ?? 0);
    expect(all.at(-1)?.atMs ?? Infinity).toBeLessThanOrEqual(TEST_NOW + 2 * STEP_MS);
  });

  it('marks mirrored copies with a -shadow authority in the mirror target log', async () => {
    const h = await simHarness();
    await patchSpec(h, VIRTUAL_SERVICE, 'reviews', () => ({
      hosts: ['reviews'],
      http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }], mirror: { host: 'reviews', subset: 'v3' } }],
    }));
    const lines = logsOver(h).lines('bookinfo', podOf(h, 'reviews-v3'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => !l.text.includes('inbound|') || l.text.includes('"reviews-shadow:9080"'))).toBe(true);
  });

  it('logs circuit breaker overflows at the client as 503 UO', async () => {
    const h = await simHarness();
    await patchSpec(h, DESTINATION_RULE, 'reviews', (spec) => ({
      ...spec,
      trafficPolicy: { connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } } },
    }));
    const lines = logsOver(h).lines('bookinfo', podOf(h, 'productpage-v1'));
    const overflow = lines.filter((l) => l.text.includes(' 503 UO upstream_reset_before_response_started{overflow} '));
    expect(overflow.length).toBeGreaterThan(0);
    for (const line of overflow) expect(line.text).toMatch(/"-" outbound\|9080\|v\d\|reviews\.bookinfo\.svc\.cluster\.local - /);
  });
});
