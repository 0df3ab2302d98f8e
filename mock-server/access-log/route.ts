/**
 * GET /api/v1/namespaces/{ns}/pods/{pod}/log as the API server proxies it to the kubelet: the istio-proxy
 * container's access log (a few startup lines for app containers), with tailLines, sinceSeconds, sinceTime,
 * timestamps, limitBytes, previous and follow (a chunked stream of each step's lines).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findKind, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { authorize } from '../kube/auth';
import { badRequest, notFound } from '../kube/errors';
import { isRecord } from '../kube/json-value';
import { Query } from '../kube/query';
import { requestIdentity } from '../kube/request-identity';
import type { ObjectStore } from '../kube/store';
import { appLines } from './app-lines';
import { rfc3339Nano } from './format';
import type { AccessLogStore, LogLine } from './store';

export const PROXY_CONTAINER = 'istio-proxy';

export interface PodLogRouteOptions {
  readonly store: ObjectStore;
  readonly logs: AccessLogStore;
  readonly now: () => number;
}

interface LogOptions {
  readonly container: string;
  readonly tailLines?: number;
  readonly sinceMs?: number;
  readonly timestamps: boolean;
  readonly limitBytes?: number;
  readonly follow: boolean;
}

const POD: KindInfo = (() => {
  const info = findKind('', 'Pod');
  if (!info) throw new Error('the kind registry has no Pod');
  return info;
})();

export function registerPodLogRoute(scope: FastifyInstance, options: PodLogRouteOptions): void {
  const streams = new Set<() => void>();
  scope.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
  scope.get('/api/v1/namespaces/:namespace/pods/:name/log', async (request, reply) => {
    const params = isRecord(request.params) ? request.params : {};
    const namespace = String(params.namespace ?? '');
    const name = String(params.name ?? '');
    authorize(requestIdentity(request), { verb: 'get', group: '', resource: 'pods', subresource: 'log', namespace, name });
    const pod = options.store.get(POD, namespace, name);
    if (!pod) throw notFound(POD, name);
    const query = new Query(request.query);
    const opts = parseOptions(query, pod, options.now());
    const proxy = opts.container === PROXY_CONTAINER;
    if (query.flag('previous')) throw badRequest(`previous terminated container "${opts.container}" in pod "${name}" not found`);
    const lines = proxy ? options.logs.lines(namespace, name, opts.sinceMs) : appLines(pod, opts.container);
    const selected = select(lines, opts);
    if (!opts.follow) return reply.type('text/plain').send(limit(render(selected, opts), opts.limitBytes));
    streamLog(reply, opts, render(selected, opts), (listener) => (proxy ? options.logs.follow(namespace, name, listener) : () => undefined), streams);
    return reply;
  });
}

function containerNames(pod: KubeObject): { containers: string[]; init: string[] } {
  const spec = (pod.spec ?? {}) as { containers?: { name?: unknown }[]; initContainers?: { name?: unknown }[] };
  const names = (list: { name?: unknown }[] | undefined) => (list ?? []).map((c) => c.name).filter((n): n is string => typeof n === 'string');
  return { containers: names(spec.containers), init: names(spec.initContainers) };
}

function parseOptions(query: Query, pod: KubeObject, nowMs: number): LogOptions {
  const name = pod.metadata.name ?? '';
  const { containers, init } = containerNames(pod);
  let container = query.string('container');
  if (container === undefined || container === '') {
    if (containers.length !== 1) {
      const initPart = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initPart}`);
    }
    container = containers[0] ?? '';
  } else if (!containers.includes(container) && !init.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  const sinceSeconds = query.integer('sinceSeconds');
  const sinceTime = query.string('sinceTime');
  if (sinceSeconds !== undefined && sinceTime !== undefined) throw badRequest('at most one of sinceTime or sinceSeconds may be specified');
  if (sinceSeconds === 0) throw badRequest('sinceSeconds: Invalid value: 0: must be greater than 0');
  let sinceMs = sinceSeconds === undefined ? undefined : nowMs - sinceSeconds * 1000;
  if (sinceTime !== undefined) {
    sinceMs = Date.parse(sinceTime);
    if (Number.isNaN(sinceMs)) throw badRequest(`sinceTime: Invalid value: "${sinceTime}": must be an RFC3339 time`);
  }
  const limitBytes = query.integer('limitBytes');
  if (limitBytes === 0) throw badRequest('limitBytes: Invalid value: 0: must be greater than 0');
  return { container, tailLines: query.integer('tailLines'), sinceMs, timestamps: query.flag('timestamps'), limitBytes, follow: query.flag('follow') };
}

function select(lines: readonly LogLine[], opts: LogOptions): readonly LogLine[] {
  const { sinceMs, tailLines } = opts;
  const recent = sinceMs === undefined ? lines : lines.filter((l) => l.atMs >= sinceMs);
  return tailLines === undefined ? recent : recent.slice(Math.max(recent.length - tailLines, 0));
}

function render(lines: readonly LogLine[], opts: LogOptions): string {
  return lines.map((l) => (opts.timestamps ? `${rfc3339Nano(l.atMs)} ${l.text}\n` : `${l.text}\n`)).join('');
}

function limit(text: string, limitBytes: number | undefined): Buffer | string {
  if (limitBytes === undefined) return text;
  const bytes = Buffer.from(text);
  return bytes.length > limitBytes ? bytes.subarray(0, limitBytes) : text;
}

type Follow = (listener: (lines: readonly LogLine[]) => void) => () => void;

/** Writes what there is, then each step's new lines, until the client leaves, limitBytes is spent or the server closes. */
function streamLog(reply: FastifyReply, opts: LogOptions, initial: string, follow: Follow, streams: Set<() => void>): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  let budget = opts.limitBytes ?? Infinity;
  let stop: () => void = () => undefined;
  const end = (): void => {
    streams.delete(end);
    stop();
    if (!response.writableEnded) response.end();
  };
  const write = (text: string): void => {
    if (text === '' || response.writableEnded) return;
    const bytes = Buffer.from(text);
    response.write(bytes.length > budget ? bytes.subarray(0, budget) : bytes);
    budget -= bytes.length;
    if (budget <= 0) end();
  };
  streams.add(end);
  response.on('close', end);
  write(initial);
  if (response.writableEnded) return;
  // Flushes the headers at once, so a client sees the stream open even before the first line.
  if (initial === '') response.flushHeaders();
  stop = follow((lines) => write(render(lines, opts)));
}
