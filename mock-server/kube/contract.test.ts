/**
 * Contract tests: the official Kubernetes JavaScript client against the mock API server, over HTTP.
 */
import {
  ApiException,
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeList, KubeObject, Status } from '../../mesh/kube-types';
import { createKubeServer } from './server';

const TOKENS = [
  { token: 'admin-token', user: 'admin', role: 'admin' as const },
  { token: 'viewer-token', user: 'viewer', role: 'read-only' as const },
];

const VS = { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices', namespace: 'bookinfo' };

let app: FastifyInstance;
let server: string;

function kubeConfig(token: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'mock', server, skipTLSVerify: true }],
    users: [{ name: 'user', token }],
    contexts: [{ name: 'mock', cluster: 'mock', user: 'user' }],
    currentContext: 'mock',
  });
  return config;
}

const admin = (): KubeConfig => kubeConfig('admin-token');

function virtualService(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'bookinfo' }, spec };
}

function routeTo(host: string): Record<string, unknown> {
  return { hosts: [host], http: [{ route: [{ destination: { host } }] }] };
}

const reviewsSpec = routeTo('reviews');

/** The Status of a failed call (the client leaves out the body of the responses its spec describes, like 401). */
async function failure(call: Promise<unknown>): Promise<Partial<Status>> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiException)) throw error;
    const body: unknown = error.body;
    return typeof body === 'string' ? (JSON.parse(body) as Status) : { code: error.code };
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  app = await createKubeServer({ tokens: TOKENS, bookmarkIntervalMs: 200 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await admin().makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'bookinfo' } } });
});

afterAll(async () => {
  await app.close();
});

describe('@kubernetes/client-node against the mock API server', () => {
  it('creates and lists custom resources', async () => {
    const api = admin().makeApiClient(CustomObjectsApi);
    const created = (await api.createNamespacedCustomObject({ ...VS, body: virtualService('reviews', reviewsSpec) })) as KubeObject;
    expect(created.metadata).toMatchObject({ name: 'reviews', namespace: 'bookinfo', generation: 1 });
    const list = (await api.listNamespacedCustomObject(VS)) as KubeList;
    expect(list.items.map((o) => o.metadata.name)).toEqual(['reviews']);
    const namespaces = await admin().makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map((ns) => ns.metadata?.name)).toContain('bookinfo');
  });

  it('rejects a replace with a stale resourceVersion with 409 Conflict', async () => {
    const api = admin().makeApiClient(CustomObjectsApi);
    const current = (await api.getNamespacedCustomObject({ ...VS, name: 'reviews' })) as KubeObject;
    await api.replaceNamespacedCustomObject({ ...VS, name: 'reviews', body: { ...current, spec: { ...reviewsSpec, gateways: ['mesh'] } } });
    const status = await failure(api.replaceNamespacedCustomObject({ ...VS, name: 'reviews', body: { ...current, spec: reviewsSpec } }));
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(status.message).toBe(
      'Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('rejects an invalid VirtualService with 422 and the field path', async () => {
    const api = admin().makeApiClient(CustomObjectsApi);
    const status = await failure(api.createNamespacedCustomObject({ ...VS, body: virtualService('broken', { ...reviewsSpec, hosts: 'not-a-list' }) }));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid', details: { name: 'broken', kind: 'VirtualService' } });
    expect(status.details?.causes?.map((c) => c.field)).toContain('spec.hosts');
  });

  it('watches ADDED, MODIFIED and DELETED', async () => {
    const api = admin().makeApiClient(CustomObjectsApi);
    const seen: string[] = [];
    let notify = (): void => undefined;
    const path = `/apis/${VS.group}/${VS.version}/namespaces/${VS.namespace}/${VS.plural}`;
    const start = (await api.listNamespacedCustomObject(VS)) as KubeList;
    const controller = await new Watch(admin()).watch(
      path,
      { resourceVersion: start.metadata.resourceVersion, allowWatchBookmarks: true },
      (type: string, obj: KubeObject) => {
        if (obj.metadata.name === 'ratings') seen.push(type);
        notify();
      },
      () => undefined,
    );
    const until = (count: number): Promise<void> =>
      new Promise((resolve) => {
        notify = () => {
          if (seen.length >= count) resolve();
        };
        notify();
      });
    await api.createNamespacedCustomObject({ ...VS, body: virtualService('ratings', routeTo('ratings')) });
    await until(1);
    await api.patchNamespacedCustomObject({ ...VS, name: 'ratings', body: [{ op: 'add', path: '/spec/gateways', value: ['mesh'] }] });
    await until(2);
    await api.deleteNamespacedCustomObject({ ...VS, name: 'ratings' });
    await until(3);
    controller.abort();
    expect(seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('deletes', async () => {
    const api = admin().makeApiClient(CustomObjectsApi);
    await api.createNamespacedCustomObject({ ...VS, body: virtualService('doomed', routeTo('doomed')) });
    const deleted = (await api.deleteNamespacedCustomObject({ ...VS, name: 'doomed' })) as KubeObject;
    expect(deleted.metadata.name).toBe('doomed');
    expect(await failure(api.getNamespacedCustomObject({ ...VS, name: 'doomed' }))).toMatchObject({ code: 404, reason: 'NotFound' });
  });

  it('forbids writes to the read-only identity with 403', async () => {
    const api = kubeConfig('viewer-token').makeApiClient(CustomObjectsApi);
    expect(((await api.listNamespacedCustomObject(VS)) as KubeList).items.length).toBeGreaterThan(0);
    const status = await failure(api.deleteNamespacedCustomObject({ ...VS, name: 'reviews' }));
    expect(status).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect(status.message).toContain('User "viewer" cannot delete resource "virtualservices" in API group "networking.istio.io" in the namespace "bookinfo"');
    expect(await failure(kubeConfig('bad-token').makeApiClient(CustomObjectsApi).listNamespacedCustomObject(VS))).toMatchObject({ code: 401 });
  });

  it('answers SelfSubjectAccessReview for the caller', async () => {
    const review = (token: string, verb: string) =>
      kubeConfig(token)
        .makeApiClient(AuthorizationV1Api)
        .createSelfSubjectAccessReview({
          body: { spec: { resourceAttributes: { verb, group: VS.group, resource: VS.plural, namespace: VS.namespace } } },
        });
    expect((await review('viewer-token', 'update')).status?.allowed).toBe(false);
    expect((await review('viewer-token', 'watch')).status?.allowed).toBe(true);
    expect((await review('admin-token', 'update')).status?.allowed).toBe(true);
  });
});
