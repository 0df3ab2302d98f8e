import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../../../mesh/kube-types';
import { advance, byLabel, kindOf, simHarness, type SimHarness } from './testing';

const REVIEWS_BY_VERSION =
  'sum by (destination_version) (rate(istio_requests_total{destination_service_name="reviews",reporter="destination"}[1m]))';
const VIRTUAL_SERVICE = kindOf('networking.istio.io', 'VirtualService');
const AUTHORIZATION_POLICY = kindOf('security.istio.io', 'AuthorizationPolicy');
const DESTINATION_RULE = kindOf('networking.istio.io', 'DestinationRule');
async function setReviewsRoute(h: SimHarness, http: unknown[]): Promise<void> {
  const current = h.store.get(VIRTUAL_SERVICE, 'bookinfo', 'reviews');
  if (!current) throw new Error('the demo has a reviews VirtualService');
  await h.store.update(VIRTUAL_SERVICE, { ...current, spec: { hosts: ['reviews'], http } });
}

const toV3 = { destination: { host: 'reviews', subset: 'v3' }, weight: 100 };

describe('traffic simulator', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await simHarness();
  });

  it('splits reviews traffic over v1, v2 and v3 as the VirtualService weights say', () => {
    const rates = byLabel(h, REVIEWS_BY_VERSION, 'destination_version');
    expect(Object.keys(rates).sort()).toEqual(['v1', 'v2', 'v3']);
    const total = (rates.v1 ?? 0) + (rates.v2 ?? 0) + (rates.v3 ?? 0);
    expect(total).toBeGreaterThan(10);
    expect((rates.v1 ?? 0) / total).toBeCloseTo(0.5, 1);
  });

  it('follows a VirtualService edit: reviews 100% v3', async () => {
    const before = byLabel(h, REVIEWS_BY_VERSION, 'destination_version');
    await setReviewsRoute(h, [{ route: [toV3] }]);
    advance(h);
    const after = byLabel(h, REVIEWS_BY_VERSION, 'destination_version');
    expect(after.v1).toBe(0);
    expect(after.v2).toBe(0);
    expect(after.v3 ?? 0).toBeGreaterThan((before.v3 ?? 0) * 2);
  });

  it('aborts about half the requests with a 50% fault, flagged FI', async () => {
    await setReviewsRoute(h, [{ fault: { abort: { percentage: { value: 50 }, httpStatus: 503 } }, route: [toV3] }]);
    advance(h);
    const query = 'sum by (response_flags) (rate(istio_requests_total{destination_service_name="reviews",reporter="source"}[1m]))';
    const rates = byLabel(h, query, 'response_flags');
    const aborted = rates.FI ?? 0;
    const total = aborted + (rates['-'] ?? 0);
    expect(aborted / total).toBeGreaterThan(0.4);
    expect(aborted / total).toBeLessThan(0.6);
    const codes = byLabel(h, 'sum by (response_code) (rate(istio_requests_total{response_flags="FI"}[1m]))', 'response_code');
    expect(Object.keys(codes)).toEqual(['503']);
  });

  it('answers 403 under a DENY AuthorizationPolicy', async () => {
    const policy: KubeObject = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'deny-reviews', namespace: 'bookinfo' },
      spec: { selector: { matchLabels: { app: 'reviews' } }, action: 'DENY', rules: [{}] },
    };
    await h.store.create(AUTHORIZATION_POLICY, policy);
    advance(h);
    const query = 'sum by (response_code, response_flags) (rate(istio_requests_total{destination_service_name="reviews",reporter="destination"}[1m]))';
    const rates = byLabel(h, query, 'response_code');
    expect(rates['403']).toBeGreaterThan(10);
    // Counters of the earlier 200s stay exported, flat.
    expect(rates['200'] ?? 0).toBe(0);
  });

  it('denies with 403 UAEX under a CUSTOM policy, whose external authorizer the mock does not run', async () => {
    const policy: KubeObject = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'ext-authz', namespace: 'bookinfo' },
      spec: { selector: { matchLabels: { app: 'ratings' } }, action: 'CUSTOM', provider: { name: 'opa' }, rules: [{ to: [{ operation: { paths: ['/ratings/*'] } }] }] },
    };
    await h.store.create(AUTHORIZATION_POLICY, policy);
    advance(h);
    const query = 'sum by (response_flags) (rate(istio_requests_total{destination_service_name="ratings",reporter="destination",response_code="403"}[1m]))';
    expect(byLabel(h, query, 'response_flags').UAEX).toBeGreaterThan(5);
  });

  it('fails plaintext connections to a STRICT mTLS workload with 503 UF', async () => {
    const plaintext: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'frontend-plaintext', namespace: 'online-shop' },
      spec: { host: 'frontend', trafficPolicy: { tls: { mode: 'DISABLE' } } },
    };
    await h.store.create(DESTINATION_RULE, plaintext);
    advance(h);
    const query =
      'sum by (response_flags) (rate(istio_requests_total{source_workload="loadgenerator",destination_service_name="frontend",reporter="source"}[1m]))';
    const rates = byLabel(h, query, 'response_flags');
    // Istio's default retry policy retries connect failures, so the retries run out too.
    expect(rates['UF,URX']).toBeGreaterThan(5);
    expect(rates['-'] ?? 0).toBe(0);
  });

  it('writes the same data for the same seed', async () => {
    const other = await simHarness();
    const query = 'sum by (destination_workload) (increase(istio_request_duration_milliseconds_sum[5m]))';
    expect(byLabel(other, query, 'destination_workload')).toEqual(byLabel(h, query, 'destination_workload'));
  });

  it('writes on its timer, a step spread over slices of the event loop, what tick writes', async () => {
    const clock = { now: h.now };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const timed = await simHarness(undefined, () => clock.now);
      timed.sim.start();
      clock.now += 2 * 15_000;
      vi.advanceTimersByTime(5_000);
      advance(h, 2);
      const query = 'sum by (destination_workload, response_code) (increase(istio_requests_total[30s]))';
      const expected = byLabel(h, query, 'destination_workload');
      timed.now = clock.now;
      // The timer's step runs in slices between other work: wait for it to land.
      for (let turn = 0; turn < 1_000 && JSON.stringify(byLabel(timed, query, 'destination_workload')) !== JSON.stringify(expected); turn++)
        await new Promise<void>((resolve) => setImmediate(resolve));
      expect(byLabel(timed, query, 'destination_workload')).toEqual(expected);
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      timed.sim.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
