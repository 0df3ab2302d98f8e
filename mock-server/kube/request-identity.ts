/** Authenticates every request of the API scope once, and remembers who made it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator, Identity } from './auth';
import { unauthorized } from './errors';

const identities = new WeakMap<FastifyRequest, Identity>();

/** Paths anyone may read, as on a real API server. */
const PUBLIC_PATHS: readonly string[] = ['/version', '/healthz', '/readyz', '/livez'];

function isPublic(path: string, prefix: string): boolean {
  const local = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  return PUBLIC_PATHS.some((p) => local === p || local.startsWith(`${p}/`));
}

/** Adds an onRequest hook that rejects unauthenticated requests (401) in `scope`. */
export function installAuthentication(scope: FastifyInstance, authenticator: Authenticator, prefix: string): void {
  scope.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (authenticator.open || !isPublic(path, prefix)) {
      identities.set(request, authenticator.authenticate(request.headers.authorization));
    }
  });
}

/** The caller of a request that passed authentication; public paths have none (401). */
export function requestIdentity(request: FastifyRequest): Identity {
  const identity = identities.get(request);
  if (!identity) throw unauthorized();
  return identity;
}
