import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trace } from '../jaeger/types';
import type { Scenario } from '../sim/model';
import { mountTelemetry, type Telemetry } from '../sim/traffic/mount';
import { JAEGER_PROXY_PREFIXES } from '../sim/traffic/mount-tracing';
import { ADMIN_TOKEN, demoApiWith, READ_ONLY_TOKEN, TEST_NOW } from '../sim/traffic/testing';

const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
const STEP_MS = 15_000;
/** Istio's default format, loosely: the fields every HTTP line has, in order. */
const HTTP_LINE =
  /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] "(GET|POST) \S+ HTTP\/(1\.1|2)" \d{3} \S+ \S+ - "[^"]*" \d+ \d+ \d+ (\d+|-) "[^"]*" "[^"]*" "[^"]*" "[^"]*" "[^"]*" \S+ \S+ \S+ \S+ \S+ \S+$/;

let app: FastifyInstance;
let telemetry: Telemetry;
let scenario: Scenario;

function podOf(workload: string): string {
  const pod = scenario.workloads.find((w) => w.name === workload)?.podNames[0];
  if (!pod) throw new Error(`no pod for ${workload}`);
  return pod;
}

const logUrl = (namespace: string, pod: string, query = 'container=istio-proxy') => `/api/v1/namespaces/${namespace}/pods/${pod}/log?${query}`;

async function logOf(namespace: string, pod: string, query?: string): Promise<string[]> {
  const response = await app.inject({ url: logUrl(namespace, pod, query), headers: AUTH });
  expect(response.statusCode).toBe(200);
  return response.body.split('\n').filter((l) => l !== '');
}

beforeEach(async () => {
  ({ app, mounted: telemetry } = await demoApiWith(async (scope, deps) => {
    scenario = deps.scenario;
    return mountTelemetry(scope, { ...deps, seed: 1, historyMs: 5 * 60_000, now: () => TEST_NOW });
  }));
});

afterEach(async () => {
  await app.close();
});

describe('pods/log of istio-proxy', () => {
  it('answers Envoy access log lines in the default format, inbound and outbound', async () => {
    const response = await app.inject({ url: logUrl('bookinfo', podOf('productpage-v1')), headers: AUTH });
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const lines = response.body.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line).toMatch(HTTP_LINE);
    expect(lines.some((l) => / inbound\|9080\|\| .* default$/.test(l) && l.includes('"GET /productpage HTTP/1.1" 200'))).toBe(true);
    expect(lines.some((l) => l.includes('outbound|9080|v1|reviews.bookinfo.svc.cluster.local'))).toBe(true);
    expect(lines.some((l) => l.includes('outbound|9080|v3|reviews.bookinfo.svc.cluster.local'))).toBe(true);
  });

  it('logs the traced requests with their x-request-id on every pod they crossed', async () => {
    const response = await app.inject({ url: `${JAEGER_PROXY_PREFIXES[0]}/api/traces?service=reviews.bookinfo&limit=5`, headers: AUTH });
    const traces = response.json<{ data: Trace[] }>().data;
    expect(traces.length).toBeGreaterThan(0);
    let checked = 0;
    for (const trace of traces) {
      for (const span of trace.spans) {
        const tag = (key: string) => span.tags.find((t) => t.key === key)?.value;
        const pod = trace.processes[span.processID]?.tags.find((t) => t.key === 'hostname')?.value;
        const requestId = tag('guid:x-request-id');
        if (typeof pod !== 'string' || typeof requestId !== 'string') continue;
        const namespace = String(tag('istio.namespace'));
        const lines = (await logOf(namespace, pod)).filter((l) => l.includes(`"${requestId}"`));
        // One line per span the pod's proxy reported, with the span's status and cluster.
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.some((l) => l.includes(` ${String(tag('upstream_cluster'))} `) && l.includes(`" ${String(tag('http.status_code'))} `))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('gives the same lines for the same seed', async () => {
    const pod = podOf('reviews-v2');
    const first = await logOf('bookinfo', pod);
    const other = await demoApiWith((scope, deps) => mountTelemetry(scope, { ...deps, seed: 1, historyMs: 5 * 60_000, now: () => TEST_NOW }));
    try {
      const response = await other.app.inject({ url: logUrl('bookinfo', pod), headers: AUTH });
      expect(response.body.split('\n').filter((l) => l !== '')).toEqual(first);
    } finally {
      await other.app.close();
    }
  });

  it('applies tailLines, sinceSeconds, sinceTime, timestamps and limitBytes', async () => {
    const pod = podOf('details-v1');
    expect(await logOf('bookinfo', pod, 'container=istio-proxy&tailLines=5')).toHaveLength(5);
    const stamped = await logOf('bookinfo', pod, 'container=istio-proxy&timestamps=true&sinceSeconds=30');
    expect(stamped.length).toBeGreaterThan(0);
    for (const line of stamped) {
      const [stamp = ''] = line.split(' ');
      expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(Date.parse(stamp)).toBeGreaterThanOrEqual(TEST_NOW - 30_000);
    }
    const since = new Date(TEST_NOW - 30_000).toISOString();
    expect(await logOf('bookinfo', pod, `container=istio-proxy&sinceTime=${since}`)).toHaveLength(stamped.length);
    const limited = await app.inject({ url: logUrl('bookinfo', pod, 'container=istio-proxy&limitBytes=100'), headers: AUTH });
    expect(limited.rawPayload.length).toBe(100);
  });

  it('shows 429 RL lines on a rate-limited pod', async () => {
    const lines = await logOf('online-shop', podOf('frontend'));
    expect(lines.some((l) => / 429 RL local_rate_limited /.test(l))).toBe(true);
  });
});

describe('pods/log errors and access', () => {
  const status = async (url: string, headers: Record<string, string> = AUTH) => {
    const response = await app.inject({ url, headers });
    return { code: response.statusCode, body: response.json<{ kind: string; message: string }>() };
  };

  it('answers Status errors as the API server and kubelet do', async () => {
    expect(await status(logUrl('bookinfo', 'no-such-pod'))).toMatchObject({ code: 404, body: { kind: 'Status', message: 'pods "no-such-pod" not found' } });
    const ambient = scenario.workloads.find((w) => w.sidecar === 'ambient' && w.role === 'app');
    const ambientPod = ambient?.podNames[0] ?? '';
    expect(await status(logUrl(ambient?.namespace ?? '', ambientPod))).toMatchObject({
      code: 400,
      body: { message: `container istio-proxy is not valid for pod ${ambientPod}` },
    });
    const pod = podOf('ratings-v1');
    const unnamed = await status(logUrl('bookinfo', pod, ''));
    expect(unnamed.code).toBe(400);
    expect(unnamed.body.message).toContain(`a container name must be specified for pod ${pod}, choose one of: [`);
    expect((await status(logUrl('bookinfo', pod, 'container=istio-proxy&sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z'))).code).toBe(400);
  });

  it('lets read-only identities read logs, and nobody without a token', async () => {
    const pod = podOf('ratings-v1');
    expect((await app.inject({ url: logUrl('bookinfo', pod), headers: { authorization: `Bearer ${READ_ONLY_TOKEN}` } })).statusCode).toBe(200);
    expect((await app.inject({ url: logUrl('bookinfo', pod) })).statusCode).toBe(401);
  });

  it('answers a few startup lines for the app container', async () => {
    const lines = await logOf('bookinfo', podOf('ratings-v1'), 'container=ratings');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(10);
  });
});

describe('pods/log?follow=true', () => {
  function open(url: string): Promise<{ chunks: string[]; response: http.IncomingMessage; request: http.ClientRequest }> {
    const { port } = app.server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: url, headers: AUTH }, (response) => {
        const chunks: string[] = [];
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => chunks.push(chunk));
        resolve({ chunks, response, request });
      });
      request.on('error', reject);
    });
  }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };

  it('streams each step as it comes, and stops when the client leaves or the server closes', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const pod = podOf('productpage-v1');
    const stream = await open(logUrl('bookinfo', pod, 'container=istio-proxy&follow=true&tailLines=3'));
    expect(stream.response.headers['transfer-encoding']).toBe('chunked');
    await until(() => stream.chunks.join('').split('\n').length > 3);
    expect(stream.chunks.join('').split('\n').filter((l) => l)).toHaveLength(3);
    telemetry.accessLogs.addStep(TEST_NOW + STEP_MS, []);
    await until(() => stream.chunks.join('').split('\n').filter((l) => l).length > 3);
    stream.request.destroy();

    const second = await open(logUrl('bookinfo', pod, 'container=istio-proxy&follow=true&tailLines=1'));
    const ended = new Promise<void>((resolve) => second.response.on('end', resolve));
    await app.close();
    await ended;
  });
});
