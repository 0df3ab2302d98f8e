/**
 * Fault switches for tests: `PUT /admin/faults/prometheus` or `/admin/faults/jaeger` with
 * `{"kind":"none"}`, `{"kind":"unavailable","message":"..."}` or `{"kind":"slow","delayMs":2000}` makes that
 * API fail or slow down, so the console's degraded states can be exercised. Loopback callers only.
 */
import type { FastifyInstance } from 'fastify';
import type { FaultMode } from './prometheus';
import type { Telemetry } from './sim/traffic';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function parseFaultMode(body: unknown): FaultMode | string {
  if (typeof body !== 'object' || body === null) return 'the body must be a JSON object with a "kind"';
  const { kind, message, delayMs } = body as Record<string, unknown>;
  if (kind === 'none') return { kind };
  if (kind === 'unavailable') {
    if (message !== undefined && typeof message !== 'string') return '"message" must be a string';
    return message === undefined ? { kind } : { kind, message };
  }
  if (kind === 'slow') {
    if (typeof delayMs !== 'number' || !(delayMs >= 0)) return '"delayMs" must be a non-negative number';
    return { kind, delayMs };
  }
  return '"kind" must be "none", "unavailable" or "slow"';
}

export function registerAdminRoutes(app: FastifyInstance, telemetry: () => Telemetry): void {
  app.put<{ Params: { api: string } }>('/admin/faults/:api', async (request, reply) => {
    if (!LOOPBACK.has(request.ip)) return reply.code(403).send({ message: 'fault switches answer loopback callers only' });
    const mode = parseFaultMode(request.body);
    if (typeof mode === 'string') return reply.code(400).send({ message: mode });
    const { api } = request.params;
    if (api === 'prometheus') telemetry().setPrometheusFault(mode);
    else if (api === 'jaeger') telemetry().tracing.setJaegerFault(mode);
    else return reply.code(404).send({ message: `no fault switch "${api}": use prometheus or jaeger` });
    return { api, fault: mode };
  });
}
