import type { FastifyInstance } from 'fastify';
import { groupVersionDocument, openApiIndex } from './openapi/document';
import { OPENAPI_V2_PROTOBUF, openApiV2Json, openApiV2Protobuf } from './openapi/v2';

/**
 * Serves the OpenAPI documents kubectl explain, kubectl's field validation and the console's
 * editor read: the /openapi/v3 index, one document per group-version, and a minimal /openapi/v2.
 */
export function registerOpenApi(app: FastifyInstance): void {
  app.get('/openapi/v3', async (_request, reply) =>
    reply.header('content-type', 'application/json').send(Buffer.from(JSON.stringify(openApiIndex()))),
  );

  app.get<{ Params: { '*': string }; Querystring: { hash?: string } }>('/openapi/v3/*', async (request, reply) => {
    const match = /^(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(request.params['*']);
    const doc = match && (match[1] ? groupVersionDocument('', match[1]) : groupVersionDocument(match[2] ?? '', match[3] ?? ''));
    if (!doc) return reply.code(404).header('content-type', 'text/plain').send('404 page not found\n');
    const immutable = request.query.hash === doc.hash;
    return reply
      .header('content-type', 'application/json')
      .header('etag', `"${doc.hash}"`)
      .header('cache-control', immutable ? 'public, immutable' : 'no-cache, private')
      .send(Buffer.from(doc.json));
  });

  const wantsProtobuf = (accept = '') => accept.includes(OPENAPI_V2_PROTOBUF) && !accept.includes('application/json');
  app.get(
    '/openapi/v2',
    {
      // Fastify cannot parse this media type (it contains '@') and would replace it, so it is set last.
      onSend: async (request, reply, payload) => {
        if (reply.statusCode < 300 && wantsProtobuf(request.headers.accept)) reply.header('content-type', OPENAPI_V2_PROTOBUF);
        return payload;
      },
    },
    async (request, reply) =>
      wantsProtobuf(request.headers.accept)
        ? reply.send(openApiV2Protobuf())
        : reply.header('content-type', 'application/json').send(Buffer.from(JSON.stringify(openApiV2Json()))),
  );
}
