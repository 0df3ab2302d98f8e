/** The Jaeger query API (the HTTP JSON API the Jaeger UI uses) over a TraceStore. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultMode } from '../prometheus';
import { ParamError, parseTraceQuery } from './query-params';
import type { TraceStore } from './store';

export interface JaegerApiOptions {
  store: TraceStore;
  /** Path prefix, e.g. a Kubernetes service-proxy path. Colons are taken literally. */
  prefix?: string;
  /** Wall-clock time in milliseconds (default Date.now), the default end of a search. */
  now?: () => number;
  fault?: () => FaultMode;
}

type Query = Record<string, string | string[] | undefined>;

/** Jaeger's structuredResponse. */
function envelope(data: unknown, errors: { code: number; msg: string }[] | null = null): string {
  const total = Array.isArray(data) ? data.length : 0;
  return JSON.stringify({ data, total, limit: 0, offset: 0, errors });
}

function send(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(body);
}

function fail(reply: FastifyReply, code: number, msg: string): FastifyReply {
  return send(reply, code, envelope(null, [{ code, msg }]));
}

export function registerJaegerApi(app: FastifyInstance, options: JaegerApiOptions): void {
  const { store } = options;
  const now = options.now ?? Date.now;
  // find-my-way reads ":name" as a parameter; "::" is a literal colon.
  const prefix = (options.prefix ?? '').replace(/\/$/, '').replace(/:/g, '::');
  void app.register(
    async (scope) => {
      if (options.fault !== undefined) scope.addHook('onRequest', faultHook(options.fault));
      scope.get('/api/services', async (_request, reply) => send(reply, 200, envelope(store.services())));
      scope.get('/api/services/:service/operations', async (request, reply) => {
        const { service } = request.params as { service: string };
        return send(reply, 200, envelope(store.operationsOf(service).map((op) => op.name)));
      });
      scope.get('/api/operations', async (request, reply) => {
        const query = request.query as Query;
        const service = typeof query.service === 'string' ? query.service : '';
        if (service === '') return fail(reply, 400, "parameter 'service' is required");
        const spanKind = typeof query.spanKind === 'string' ? query.spanKind : undefined;
        return send(reply, 200, envelope(store.operationsOf(service, spanKind)));
      });
      scope.get('/api/traces', async (request, reply) => {
        const query = request.query as Query;
        // Jaeger answers a search by trace IDs with those traces, ignoring every other parameter.
        const ids = query.traceID === undefined ? [] : ([] as string[]).concat(query.traceID);
        if (ids.length > 0) return send(reply, 200, envelope(ids.flatMap((id) => store.get(id) ?? [])));
        try {
          const traceQuery = parseTraceQuery(query, now() * 1000);
          return send(reply, 200, envelope(store.find(traceQuery)));
        } catch (err) {
          if (err instanceof ParamError) return fail(reply, 400, err.message);
          throw err;
        }
      });
      scope.get('/api/traces/:traceID', async (request, reply) => {
        const { traceID } = request.params as { traceID: string };
        if (!/^[0-9a-fA-F]{1,32}$/.test(traceID)) return fail(reply, 400, `cannot parse traceID param: ${traceID}`);
        const trace = store.get(traceID);
        return trace ? send(reply, 200, envelope([trace])) : fail(reply, 404, 'trace not found');
      });
    },
    { prefix },
  );
}

function faultHook(fault: () => FaultMode) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const mode = fault();
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'unavailable') await fail(reply, 503, mode.message ?? 'Jaeger query is unavailable (injected fault)');
  };
}
