import { describe, expect, it } from 'vitest';
import { EXTERNAL_ORIGIN, isRootCall } from '../../model';
import { scenarioProblems } from '../consistency';
import { scaleScenario } from './index';

const count = (kind: string, objects: { kind: string }[]) => objects.filter((o) => o.kind === kind).length;

describe('scale scenario', () => {
  const large = scaleScenario({ pods: 10_000, seed: 1 });

  it('has exactly the requested number of pods', () => {
    expect(count('Pod', large.objects)).toBe(10_000);
    for (const pods of [50, 51, 999, 1000, 2503]) {
      expect(count('Pod', scaleScenario({ pods, seed: pods }).objects)).toBe(pods);
    }
  });

  it('is sound: known kinds, namespaces first, calls reach Services with backends, no loops', () => {
    expect(scenarioProblems(large)).toEqual([]);
    for (const seed of [2, 3, 4]) expect(scenarioProblems(scaleScenario({ pods: 1500, seed }))).toEqual([]);
  });

  it('is a pure function of the seed', () => {
    const now = new Date('2026-02-03T04:05:06Z');
    expect(scaleScenario({ pods: 800, seed: 42, now })).toEqual(scaleScenario({ pods: 800, seed: 42, now }));
    const other = scaleScenario({ pods: 800, seed: 43, now });
    const edges = (s: typeof other) => s.calls.map((c) => `${c.from}>${c.toHost}`).join();
    expect(edges(other)).not.toEqual(edges(scaleScenario({ pods: 800, seed: 42, now })));
  });

  it('spreads about 250 pods per namespace, 1-3 versions of 2-4 replicas per service', () => {
    const appNamespaces = new Set(large.workloads.filter((w) => w.role === 'app').map((w) => w.namespace));
    expect(appNamespaces.size).toBe(40);
    expect(new Set(scaleScenario({ pods: 100, seed: 1 }).workloads.map((w) => w.namespace)).size).toBe(4);
    const versionsByService = new Map<string, number>();
    for (const w of large.workloads.filter((w) => w.role === 'app')) {
      expect(w.replicas).toBeGreaterThanOrEqual(2);
      expect(w.replicas).toBeLessThanOrEqual(4);
      const key = `${w.namespace}/${w.app}`;
      versionsByService.set(key, (versionsByService.get(key) ?? 0) + 1);
    }
    expect(Math.max(...versionsByService.values())).toBe(3);
    expect(Math.min(...versionsByService.values())).toBe(1);
  });

  it('mixes protocols and routing config', () => {
    const protocols = new Set(large.workloads.map((w) => w.protocol));
    expect([...protocols].sort()).toEqual(['grpc', 'http', 'tcp']);
    expect(count('VirtualService', large.objects)).toBeGreaterThan(40);
    expect(count('DestinationRule', large.objects)).toBeGreaterThan(40);
    expect(count('Gateway', large.objects)).toBe(8);
  });

  it('sends about pods/2 requests per second in from outside, fanning out less with depth', () => {
    const roots = large.calls.filter(isRootCall);
    expect(roots.every((c) => c.from === EXTERNAL_ORIGIN)).toBe(true);
    expect(roots.reduce((sum, c) => sum + c.rps, 0)).toBeCloseTo(5000, -1);
    const callees = new Map<string, Set<string>>();
    for (const call of large.calls) {
      if (isRootCall(call)) continue;
      callees.set(call.from, (callees.get(call.from) ?? new Set()).add(call.toHost));
    }
    for (const hosts of callees.values()) expect(hosts.size).toBeLessThanOrEqual(4);
  });

  it('builds 10,000 pods in well under two seconds', () => {
    scaleScenario({ pods: 2000, seed: 9 }); // warm up
    // CPU time rather than wall time, so that a busy machine does not fail the test.
    const started = process.cpuUsage();
    scaleScenario({ pods: 10_000, seed: 2 });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });

  it('rejects pod counts it cannot build', () => {
    expect(() => scaleScenario({ pods: 10_001, seed: 1 })).toThrow(RangeError);
    expect(() => scaleScenario({ pods: 10, seed: 1 })).toThrow(/from 50 to 10000/);
  });
});
