import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject, StatusCause } from '../../mesh/kube-types';
import { createKubeServer, type KubeServerOptions } from './server';

const VS_PATH = '/apis/networking.istio.io/v1/namespaces/default/virtualservices';
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function virtualService(name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name }, spec: { hosts: [name] }, ...extra };
}

/** Rejects hosts that are not a list, so these tests do not depend on the real admission rules. */
function validate(_info: unknown, _version: string, obj: KubeObject): StatusCause[] {
  const hosts = obj.spec?.hosts;
  return hosts === undefined || Array.isArray(hosts)
    ? []
    : [{ reason: 'FieldValueInvalid', message: 'Invalid value: "string": must be an array', field: 'spec.hosts' }];
}

let app: FastifyInstance;

async function start(options: KubeServerOptions = {}): Promise<void> {
  app = await createKubeServer({ validate, ...options });
}

function json(body: string): Record<string, unknown> {
  return JSON.parse(body) as Record<string, unknown>;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: path, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

afterEach(async () => {
  await app.close();
});

describe('REST handlers', () => {
  beforeEach(async () => start());

  it('creates, reads in every served version, and lists', async () => {
    const created = await post(VS_PATH, virtualService('reviews'));
    expect(created.statusCode).toBe(201);
    const v1beta1 = await app.inject(`/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/reviews`);
    expect(json(v1beta1.body).apiVersion).toBe('networking.istio.io/v1beta1');
    const list = json((await app.inject('/apis/networking.istio.io/v1alpha3/virtualservices')).body);
    expect(list).toMatchObject({ kind: 'VirtualServiceList', apiVersion: 'networking.istio.io/v1alpha3' });
    expect((list.items as KubeObject[]).map((o) => o.apiVersion)).toEqual(['networking.istio.io/v1alpha3']);
  });

  it('answers errors as metav1.Status', async () => {
    const missing = await app.inject(`${VS_PATH}/nope`);
    expect(missing.statusCode).toBe(404);
    expect(json(missing.body)).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', message: 'virtualservices.networking.istio.io "nope" not found' });
    await post(VS_PATH, virtualService('reviews'));
    expect(json((await post(VS_PATH, virtualService('reviews'))).body)).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    const noNamespace = await post('/apis/networking.istio.io/v1/namespaces/ghost/virtualservices', virtualService('x'));
    expect(json(noNamespace.body)).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
    const malformed = await app.inject({ method: 'POST', url: VS_PATH, payload: '{"metadata":', headers: { 'content-type': 'application/json' } });
    expect(json(malformed.body)).toMatchObject({ code: 400, reason: 'BadRequest' });
    const wrongKind = await post(VS_PATH, { ...virtualService('x'), kind: 'DestinationRule' });
    expect(json(wrongKind.body)).toMatchObject({ code: 400 });
    const wrongName = await app.inject({ method: 'PUT', url: `${VS_PATH}/reviews`, payload: virtualService('other') });
    expect(json(wrongName.body)).toMatchObject({ code: 400, message: 'the name of the object (other) does not match the name on the URL (reviews)' });
    expect((await app.inject({ method: 'PUT', url: VS_PATH, payload: {} })).statusCode).toBe(405);
    expect(json((await app.inject('/apis/networking.istio.io/v9/virtualservices')).body)).toMatchObject({ code: 404 });
  });

  it('answers 422 Invalid with field causes', async () => {
    const response = await post(VS_PATH, virtualService('bad', { spec: { hosts: 'not-a-list' } }));
    expect(response.statusCode).toBe(422);
    expect(json(response.body)).toMatchObject({
      reason: 'Invalid',
      message: 'VirtualService.networking.istio.io "bad" is invalid: spec.hosts: Invalid value: "string": must be an array',
      details: { name: 'bad', group: 'networking.istio.io', kind: 'VirtualService', causes: [{ field: 'spec.hosts' }] },
    });
  });

  it('updates with optimistic concurrency and requires a resourceVersion for custom resources', async () => {
    const created = json((await post(VS_PATH, virtualService('reviews'))).body) as unknown as KubeObject;
    const stale = { ...created, spec: { hosts: ['a'] } };
    expect((await app.inject({ method: 'PUT', url: `${VS_PATH}/reviews`, payload: stale })).statusCode).toBe(200);
    const conflict = await app.inject({ method: 'PUT', url: `${VS_PATH}/reviews`, payload: stale });
    expect(json(conflict.body)).toMatchObject({ code: 409, reason: 'Conflict' });
    const unconditional = await app.inject({ method: 'PUT', url: `${VS_PATH}/reviews`, payload: virtualService('reviews') });
    expect(json(unconditional.body)).toMatchObject({ code: 422, details: { causes: [{ field: 'metadata.resourceVersion' }] } });
  });

  it('patches with merge, JSON patch and server-side apply', async () => {
    await post(VS_PATH, virtualService('reviews'));
    const merge = await app.inject({ method: 'PATCH', url: `${VS_PATH}/reviews`, payload: { spec: { gateways: ['mesh'] } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(json(merge.body)).toMatchObject({ spec: { hosts: ['reviews'], gateways: ['mesh'] }, metadata: { generation: 2 } });
    const jsonPatch = await app.inject({ method: 'PATCH', url: `${VS_PATH}/reviews`, payload: [{ op: 'remove', path: '/spec/gateways' }], headers: { 'content-type': 'application/json-patch+json' } });
    expect(json(jsonPatch.body).spec).toEqual({ hosts: ['reviews'] });
    const yaml = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ratings\nspec:\n  hosts: [ratings]\n';
    const apply = await app.inject({ method: 'PATCH', url: `${VS_PATH}/ratings?fieldManager=test`, payload: yaml, headers: { 'content-type': 'application/apply-patch+yaml' } });
    expect(apply.statusCode).toBe(201);
    const reapply = await app.inject({ method: 'PATCH', url: `${VS_PATH}/ratings?fieldManager=test`, payload: yaml.replace('[ratings]', '[ratings, more]'), headers: { 'content-type': 'application/apply-patch+yaml' } });
    expect(json(reapply.body).spec).toEqual({ hosts: ['ratings', 'more'] });
    const noManager = await app.inject({ method: 'PATCH', url: `${VS_PATH}/ratings`, payload: yaml, headers: { 'content-type': 'application/apply-patch+yaml' } });
    expect(noManager.statusCode).toBe(422);
    const invalid = await app.inject({ method: 'PATCH', url: `${VS_PATH}/reviews`, payload: { spec: { hosts: 'x' } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(invalid.statusCode).toBe(422);
    expect((await app.inject({ method: 'PATCH', url: `${VS_PATH}/reviews`, payload: '{}', headers: { 'content-type': 'text/plain' } })).statusCode).toBe(415);
  });

  it('keeps status out of main-resource writes and changes only status through /status', async () => {
    await post(VS_PATH, virtualService('reviews', { status: { fake: true } }));
    const created = json((await app.inject(`${VS_PATH}/reviews`)).body) as unknown as KubeObject;
    expect(created.status).toBeUndefined();
    const statusUpdate = await app.inject({
      method: 'PUT',
      url: `${VS_PATH}/reviews/status`,
      payload: { ...created, spec: { hosts: ['ignored'] }, status: { observedGeneration: 1 } },
    });
    expect(json(statusUpdate.body)).toMatchObject({ spec: { hosts: ['reviews'] }, status: { observedGeneration: 1 } });
  });

  it('dry-runs create, update and delete', async () => {
    const dry = await post(`${VS_PATH}?dryRun=All`, virtualService('reviews'));
    expect(dry.statusCode).toBe(201);
    expect((await app.inject(`${VS_PATH}/reviews`)).statusCode).toBe(404);
    await post(VS_PATH, virtualService('reviews'));
    expect((await app.inject({ method: 'DELETE', url: `${VS_PATH}/reviews?dryRun=All` })).statusCode).toBe(200);
    expect((await app.inject(`${VS_PATH}/reviews`)).statusCode).toBe(200);
    expect((await post(`${VS_PATH}?dryRun=Some`, virtualService('x'))).statusCode).toBe(400);
  });

  it('deletes with the answer the real server gives per kind', async () => {
    await post(VS_PATH, virtualService('reviews'));
    expect(json((await app.inject({ method: 'DELETE', url: `${VS_PATH}/reviews` })).body)).toMatchObject({ kind: 'VirtualService' });
    await post('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const cm = json((await app.inject({ method: 'DELETE', url: '/api/v1/namespaces/default/configmaps/c' })).body);
    expect(cm).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'c', kind: 'configmaps' } });
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/namespaces/default' })).statusCode).toBe(403);
    await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } });
    const ns = json((await app.inject({ method: 'DELETE', url: '/api/v1/namespaces/bookinfo' })).body);
    expect(ns).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' } });
  });

  it('paginates with limit and continue', async () => {
    for (const name of ['a', 'b', 'c']) await post(VS_PATH, virtualService(name));
    const first = json((await app.inject(`${VS_PATH}?limit=2`)).body);
    const meta = first.metadata as { continue: string; remainingItemCount: number; resourceVersion: string };
    expect(meta.remainingItemCount).toBe(1);
    const second = json((await app.inject(`${VS_PATH}?limit=2&continue=${meta.continue}`)).body);
    expect((second.items as KubeObject[]).map((o) => o.metadata.name)).toEqual(['c']);
    expect((second.metadata as { resourceVersion: string }).resourceVersion).toBe(meta.resourceVersion);
    expect((await app.inject(`${VS_PATH}?continue=garbage`)).statusCode).toBe(400);
  });

  it('serves Tables, PartialObjectMetadata and YAML when asked', async () => {
    await post(VS_PATH, virtualService('reviews', { spec: { hosts: ['reviews'], gateways: ['mesh'] } }));
    const table = json((await app.inject({ url: VS_PATH, headers: { accept: TABLE_ACCEPT } })).body);
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', rows: [{ cells: ['reviews', '["mesh"]', '["reviews"]', expect.stringMatching(/^\d+s$/)] }] });
    const metadata = await app.inject({ url: `${VS_PATH}/reviews`, headers: { accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1' } });
    expect(json(metadata.body)).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'reviews' } });
    const yaml = await app.inject({ url: `${VS_PATH}/reviews`, headers: { accept: 'application/yaml' } });
    expect(yaml.body).toContain('kind: VirtualService');
    expect((await app.inject({ url: VS_PATH, headers: { accept: 'application/vnd.kubernetes.protobuf' } })).statusCode).toBe(406);
  });

  it('defaults services with a stable cluster IP', async () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews' }, spec: { ports: [{ port: 9080 }] } };
    const created = json((await post('/api/v1/namespaces/default/services', svc)).body) as unknown as KubeObject;
    expect(created.spec).toMatchObject({ type: 'ClusterIP', clusterIP: expect.stringMatching(/^10\.(9[6-9]|10\d|11[01])\./), ports: [{ port: 9080, protocol: 'TCP', targetPort: 9080 }] });
    const replaced = await app.inject({ method: 'PUT', url: '/api/v1/namespaces/default/services/reviews', payload: svc });
    expect((json(replaced.body) as unknown as KubeObject).spec?.clusterIP).toBe(created.spec?.clusterIP);
  });

  it('serves health checks', async () => {
    expect((await app.inject('/healthz')).body).toBe('ok');
    expect((await app.inject('/readyz')).body).toBe('ok');
  });
});

describe('authentication and authorization', () => {
  const tokens = [
    { token: 'admin-token', user: 'admin', role: 'admin' as const },
    { token: 'viewer-token', user: 'viewer', role: 'read-only' as const },
  ];
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeEach(async () => start({ tokens }));

  it('demands a valid bearer token except on health and version paths', async () => {
    expect(json((await app.inject(VS_PATH)).body)).toMatchObject({ code: 401, reason: 'Unauthorized' });
    expect((await app.inject({ url: VS_PATH, headers: as('wrong') })).statusCode).toBe(401);
    expect((await app.inject({ url: VS_PATH, headers: as('viewer-token') })).statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/version')).statusCode).toBe(200);
    expect((await app.inject('/apis')).statusCode).toBe(401);
  });

  it('lets the read-only identity read but not write', async () => {
    await post(VS_PATH, virtualService('reviews'), as('admin-token'));
    const denied = await app.inject({ method: 'PUT', url: `${VS_PATH}/reviews`, payload: virtualService('reviews'), headers: as('viewer-token') });
    expect(json(denied.body)).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'virtualservices.networking.istio.io "reviews" is forbidden: User "viewer" cannot update resource "virtualservices" in API group "networking.istio.io" in the namespace "default"',
    });
    expect((await app.inject({ url: `${VS_PATH}/reviews`, headers: as('viewer-token') })).statusCode).toBe(200);
  });

  it('answers SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview for the caller', async () => {
    const review = (token: string, verb: string) =>
      post(
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, group: 'networking.istio.io', resource: 'virtualservices', namespace: 'default' } } },
        as(token),
      );
    expect(json((await review('viewer-token', 'update')).body).status).toEqual({ allowed: false });
    expect(json((await review('viewer-token', 'list')).body).status).toMatchObject({ allowed: true });
    expect(json((await review('admin-token', 'delete')).body).status).toMatchObject({ allowed: true });
    const rules = json((await post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { spec: { namespace: 'default' } }, as('viewer-token'))).body);
    expect(rules.status).toMatchObject({ incomplete: false });
    const whoami = json((await post('/apis/authentication.k8s.io/v1/selfsubjectreviews', {}, as('viewer-token'))).body);
    expect(whoami.status).toEqual({ userInfo: { username: 'viewer', groups: ['system:authenticated'] } });
  });
});
