/**
 * The Kubernetes API over HTTP: REST handlers for every kind, discovery and OpenAPI, access reviews,
 * health checks, bearer-token authentication, all in one Fastify scope (optionally under a prefix).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { KubeObject } from '../../mesh/kube-types';
import { registerAccessReviews } from './access-review';
import { validateObject } from './admission';
import type { ApiContext, ApiRequest, ObjectValidator } from './api-context';
import { Authenticator, type AuthOptions } from './auth';
import { registerDiscovery } from './discovery';
import { methodNotAllowed, statusFromUnknown, unknownResource } from './errors';
import { isRecord } from './json-value';
import { registerOpenApi } from './openapi';
import { Query } from './query';
import { getObject, listOrWatch } from './read-handlers';
import { installAuthentication, requestIdentity } from './request-identity';
import { parseResourcePath, pathSegments } from './resource-path';
import { sendStatus } from './respond';
import { PROTOBUF_MEDIA_TYPE } from './protobuf-kinds';
import { ObjectStore } from './store';
import { negotiate } from './wire';
import { createObject, deleteCollection, deleteObject, patchObject, replaceObject } from './write-handlers';

export type { ObjectStore } from './store';
export type { TokenEntry, Role } from './auth';

export interface KubeApiOptions extends AuthOptions {
  store: ObjectStore;
  /** Serve the API under this path prefix (e.g. "/k8s"); none by default. */
  prefix?: string;
  /** Interval of BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs?: number;
  /** Object validation before every write; the Istio / Gateway API admission rules by default. */
  validate?: ObjectValidator;
  now?: () => Date;
  /** Registers more routes in the API scope, behind the same prefix and authentication (pods/log, service proxy…). */
  extraRoutes?: (scope: FastifyInstance) => void | Promise<void>;
}

export interface KubeApi {
  readonly store: ObjectStore;
  /** True when no tokens are configured: anyone who can reach the server may do anything. */
  readonly openAccess: boolean;
}

/** The API server's own limit on request bodies. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const DEFAULT_BOOKMARK_INTERVAL_MS = 60_000;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeRequest(context: ApiContext, method: string, request: ApiRequest, reply: FastifyReply) {
  const { name, subresource, namespace, info } = request.target;
  if (name === undefined) {
    if (method === 'GET') return listOrWatch(context, request, reply);
    if (method === 'POST' && (namespace !== undefined || !info.namespaced)) return createObject(context, request, reply);
    if (method === 'DELETE' && info.kind !== 'Namespace') return deleteCollection(context, request, reply);
    throw methodNotAllowed();
  }
  if (method === 'GET') return getObject(context, request, reply);
  if (method === 'PUT') return replaceObject(context, request, reply);
  if (method === 'PATCH') return patchObject(context, request, reply);
  if (method === 'DELETE' && subresource === undefined) return deleteObject(context, request, reply);
  throw methodNotAllowed();
}

/** `group` is undefined under /apis, where the path names it. */
function handleResource(context: ApiContext, group: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const wildcard = isRecord(request.params) ? request.params['*'] : undefined;
    const segments = pathSegments(typeof wildcard === 'string' ? wildcard : '');
    const pathGroup = group ?? segments?.shift();
    const target = segments && pathGroup !== undefined ? parseResourcePath(pathGroup, segments) : undefined;
    if (!target) throw unknownResource();
    const apiRequest: ApiRequest = {
      target,
      identity: requestIdentity(request),
      query: new Query(request.query),
      body: typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined,
      contentType: request.headers['content-type'],
      format: negotiate(request.headers.accept),
    };
    return routeRequest(context, request.method, apiRequest, reply);
  };
}

function registerHealth(scope: FastifyInstance): void {
  for (const path of ['/healthz', '/readyz', '/livez']) {
    scope.get(path, async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok'));
  }
}

/** Mounts the Kubernetes API on `app`. */
export async function registerKubeApi(app: FastifyInstance, options: KubeApiOptions): Promise<KubeApi> {
  const authenticator = new Authenticator(options);
  const prefix = options.prefix ?? '';
  const context: ApiContext = {
    store: options.store,
    validate: options.validate ?? validateObject,
    now: options.now ?? (() => new Date()),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? DEFAULT_BOOKMARK_INTERVAL_MS,
    openWatches: new Set(),
  };
  await app.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
        done(null, body);
      });
      scope.addContentTypeParser(PROTOBUF_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
        done(null, body);
      });
      scope.setErrorHandler(async (error, request, reply) => {
        const status = statusFromUnknown(error);
        if (status.code >= 500) request.log.error(error);
        return sendStatus(reply, status);
      });
      scope.addHook('preClose', async () => {
        for (const watch of [...context.openWatches]) watch.close();
      });
      installAuthentication(scope, authenticator, prefix);
      registerHealth(scope);
      registerDiscovery(scope);
      registerOpenApi(scope);
      registerAccessReviews(scope);
      scope.route({ method: METHODS, url: '/api/*', handler: handleResource(context, '') });
      scope.route({ method: METHODS, url: '/apis/*', handler: handleResource(context, undefined) });
      await options.extraRoutes?.(scope);
    },
    { prefix },
  );
  return { store: options.store, openAccess: authenticator.open };
}

export interface KubeServerOptions extends Omit<KubeApiOptions, 'store'> {
  /** An existing store; otherwise one is opened on `dataDir` (or in memory) and closed with the server. */
  store?: ObjectStore;
  dataDir?: string;
  /** Discard what `dataDir` holds and start from the seed. */
  fresh?: boolean;
  /** Objects created when the store is empty (first start). */
  seed?: readonly KubeObject[];
  logger?: boolean;
}

/** A Fastify app serving only the Kubernetes API; call `listen` on it. */
export async function createKubeServer(options: KubeServerOptions = {}): Promise<FastifyInstance> {
  const store = options.store ?? (await ObjectStore.open({ dataDir: options.dataDir, fresh: options.fresh }));
  if (options.seed && store.isEmpty()) await store.seed(options.seed);
  // Clients may hold idle sockets open (some HTTP clients open spare ones); closing must not wait on them.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  await registerKubeApi(app, { ...options, store });
  if (!options.store) app.addHook('onClose', async () => store.close());
  return app;
}
