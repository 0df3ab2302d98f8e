import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aggregatedContentType, aggregatedDiscovery, requestedAggregatedVersion } from './discovery/aggregated';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery/resources';
import { SERVER_VERSION } from './discovery/version';

/**
 * Serves /version and API discovery: /api, /api/v1, /apis, /apis/<group>, /apis/<group>/<version>.
 * /api and /apis answer in the aggregated form (apidiscovery.k8s.io) when the client asks for it,
 * as kubectl and client-go do, and in the legacy form otherwise.
 */
export function registerDiscovery(app: FastifyInstance): void {
  app.get('/version', async (_request, reply) => sendJson(reply, SERVER_VERSION));

  app.get('/api', async (request, reply) => {
    const aggregated = requestedAggregatedVersion(request.headers.accept);
    if (aggregated) return sendJson(reply, aggregatedDiscovery(aggregated, true), aggregatedContentType(aggregated));
    return sendJson(reply, apiVersions(serverAddress(request)));
  });

  app.get('/apis', async (request, reply) => {
    const aggregated = requestedAggregatedVersion(request.headers.accept);
    if (aggregated) return sendJson(reply, aggregatedDiscovery(aggregated, false), aggregatedContentType(aggregated));
    return sendJson(reply, apiGroupList());
  });

  app.get<{ Params: { version: string } }>('/api/:version', async (request, reply) =>
    sendOrNotFound(reply, apiResourceList('', request.params.version)),
  );

  app.get<{ Params: { group: string } }>('/apis/:group', async (request, reply) => {
    const group = apiGroup(request.params.group);
    return sendOrNotFound(reply, group && { kind: 'APIGroup', apiVersion: 'v1', ...group });
  });

  app.get<{ Params: { group: string; version: string } }>('/apis/:group/:version', async (request, reply) =>
    sendOrNotFound(reply, apiResourceList(request.params.group, request.params.version)),
  );
}

function serverAddress(request: FastifyRequest): string {
  return request.headers.host ?? `${request.hostname}:${request.port ?? ''}`;
}

function sendJson(reply: FastifyReply, body: unknown, contentType = 'application/json'): FastifyReply {
  // Sent as bytes so the content type goes out exactly as given: clients compare its parameters.
  return reply.header('content-type', contentType).header('vary', 'Accept').send(Buffer.from(JSON.stringify(body)));
}

function sendOrNotFound(reply: FastifyReply, body: object | undefined): FastifyReply {
  if (body) return sendJson(reply, body);
  return sendJson(reply.code(404), {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  });
}
