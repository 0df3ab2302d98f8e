import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyHttpProxy from '@fastify/http-proxy';

export interface ConsoleServerOptions {
  host: string;
  port: number;
  /** The Kubernetes API the console's `/k8s/*` calls go to (the mock, or `kubectl proxy`). */
  kubeUrl: string;
  distDir: string;
}

/** Serves the built console and proxies `/k8s/*` to the Kubernetes API, watch streams included. */
export async function startConsoleServer(opts: ConsoleServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(fastifyHttpProxy, {
    upstream: opts.kubeUrl,
    prefix: '/k8s',
    rewritePrefix: '',
    // Watch streams stay open for minutes with long quiet spells: never time them out.
    undici: { bodyTimeout: 0, headersTimeout: 0 },
  });
  // Files are looked up per request, so a rebuilt console is served without a restart.
  await app.register(fastifyStatic, { root: path.resolve(opts.distDir), wildcard: true });
  // The console is a single-page app: unknown paths are routes of the app, not files (a missing
  // asset is a 404, not the page, which the browser would refuse as a script).
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/k8s/') || request.url.startsWith('/assets/')) {
      return reply.code(404).send({ message: `No route for ${request.method} ${request.url}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  await app.listen({ host: opts.host, port: opts.port });
  return app;
}
