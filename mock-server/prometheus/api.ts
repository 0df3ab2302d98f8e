import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  handleLabels,
  handleLabelValues,
  handleMetadata,
  handleQuery,
  handleQueryRange,
  handleSeries,
  type HandlerDeps,
} from './api-handlers';
import { Params } from './api-params';
import { jsonError, jsonSuccess } from './api-json';
import { buildInfo, runtimeInfo } from './api-status';
import type { EngineOptions } from './promql/engine';
import { PromQLError, type ErrorType } from './promql/errors';
import type { Tsdb } from './tsdb/tsdb';

/** How the API misbehaves, for tests of the console's error handling. */
export type FaultMode =
  | { kind: 'none' }
  /** Every request fails with HTTP 503 and a Prometheus error body. */
  | { kind: 'unavailable'; message?: string }
  /** Every request is answered after an extra delay. */
  | { kind: 'slow'; delayMs: number };

export interface PrometheusApiOptions {
  db: Tsdb;
  /** Path prefix, e.g. "/prometheus" or a Kubernetes service-proxy path. Colons are taken literally. */
  prefix?: string;
  /** Wall-clock time in milliseconds (default Date.now), used when a query has no time. */
  now?: () => number;
  fault?: () => FaultMode;
  engine?: EngineOptions;
}

const STATUS: Record<ErrorType, number> = {
  bad_data: 400,
  execution: 422,
  timeout: 503,
  canceled: 503,
  unavailable: 503,
  internal: 500,
};

const FORM = 'application/x-www-form-urlencoded';

type Handler = (deps: HandlerDeps, params: Params, request: FastifyRequest) => string;

/** Serves Prometheus' HTTP API (the read side) for `db` under `prefix`. */
export function registerPrometheusApi(app: FastifyInstance, options: PrometheusApiOptions): void {
  const deps: HandlerDeps = { db: options.db, now: options.now ?? Date.now, engine: options.engine ?? {} };
  const startedAt = new Date(deps.now());
  // find-my-way reads ":name" as a parameter; "::" is a literal colon.
  const prefix = (options.prefix ?? '').replace(/\/$/, '').replace(/:/g, '::');
  void app.register(
    async (scope) => {
      if (!scope.hasContentTypeParser(FORM)) {
        scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
          done(null, formToObject(String(body)));
        });
      }
      if (options.fault !== undefined) scope.addHook('onRequest', faultHook(options.fault));
      const route = (path: string, handler: Handler, methods: ('GET' | 'POST')[] = ['GET', 'POST']): void => {
        scope.route({ method: methods, url: path, handler: (request, reply) => respond(deps, request, reply, handler) });
      };
      route('/api/v1/query', (d, p) => handleQuery(d, p));
      route('/api/v1/query_range', (d, p) => handleQueryRange(d, p));
      route('/api/v1/series', (d, p) => handleSeries(d, p));
      route('/api/v1/labels', (d, p) => handleLabels(d, p));
      route('/api/v1/label/:name/values', (d, p, r) => handleLabelValues(d, (r.params as { name: string }).name, p), ['GET']);
      route('/api/v1/metadata', (d, p) => handleMetadata(d, p), ['GET']);
      route('/api/v1/status/buildinfo', () => buildInfo(), ['GET']);
      route('/api/v1/status/runtimeinfo', (d) => runtimeInfo(d.db, startedAt), ['GET']);
      // No scraping, recording or alerting happens here: these answer as an idle Prometheus would.
      route('/api/v1/status/flags', () => '{}', ['GET']);
      route('/api/v1/status/config', () => '{"yaml":""}', ['GET']);
      route('/api/v1/targets', () => '{"activeTargets":[],"droppedTargets":[]}', ['GET']);
      route('/api/v1/rules', () => '{"groups":[]}', ['GET']);
      route('/api/v1/alerts', () => '{"alerts":[]}', ['GET']);
      scope.get('/-/ready', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('Prometheus Server is Ready.\n'));
      scope.get('/-/healthy', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('Prometheus Server is Healthy.\n'));
    },
    { prefix },
  );
}

async function respond(deps: HandlerDeps, request: FastifyRequest, reply: FastifyReply, handler: Handler): Promise<FastifyReply | undefined> {
  // As Prometheus cancels a query whose client went away: a closed page's queued heavy queries must
  // not hold up the next page's.
  if (request.raw.socket.destroyed) {
    reply.hijack();
    return undefined;
  }
  const params = new Params(request.body, request.query);
  let status = 200;
  let body: string;
  try {
    body = jsonSuccess(handler(deps, params, request));
  } catch (err) {
    const known = err instanceof PromQLError;
    const errorType: ErrorType = known ? err.errorType : 'internal';
    status = STATUS[errorType];
    body = jsonError(errorType, known ? err.message : `internal error: ${(err as Error).message}`);
  }
  return reply.code(status).header('content-type', 'application/json').send(body);
}

function faultHook(fault: () => FaultMode) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const mode = fault();
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'unavailable') {
      const message = mode.message ?? 'Prometheus is unavailable (injected fault)';
      await reply.code(503).header('content-type', 'application/json').send(jsonError('unavailable', message));
    }
  };
}

function formToObject(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) (out[key] ??= []).push(value);
  return out;
}
