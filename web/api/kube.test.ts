import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import { ConnectionMonitor } from './connection';
import { ConnectionError, KubeApiError } from './errors';
import { fakeFetch, jsonResponse, statusResponse } from './fake-fetch';
import type { FakeHandler } from './fake-fetch';
import { KubeClient } from './kube';
import { memoryTokenStore } from './token-store';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(`unknown kind ${name}`);
  return info;
}

const POD = kind('', 'Pod');
const VS = kind('networking.istio.io', 'VirtualService');

function setup(handler: FakeHandler, token?: string) {
  const fake = fakeFetch(handler);
  const monitor = new ConnectionMonitor();
  const client = new KubeClient({ fetch: fake.fetch, tokens: memoryTokenStore(token), monitor, retryDelay: () => 0 });
  return { client, requests: fake.requests, monitor };
}

const pod = (name: string, rv = '1') => ({ metadata: { name, namespace: 'bookinfo', resourceVersion: rv } });

describe('KubeClient reads', () => {
  it('lists under the base URL, sends the token, and fills in kind and apiVersion of list items', async () => {
    const { client, requests } = setup(
      () => jsonResponse({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42' }, items: [pod('a')] }),
      'secret',
    );
    const list = await client.list(POD, { namespace: 'bookinfo', labelSelector: 'app=reviews' });
    const [request] = requests;
    expect(request?.url.pathname).toBe('/k8s/api/v1/namespaces/bookinfo/pods');
    expect(request?.url.searchParams.get('labelSelector')).toBe('app=reviews');
    expect(request?.headers.authorization).toBe('Bearer secret');
    expect(list.metadata.resourceVersion).toBe('42');
    expect(list.items[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' } });
  });

  it('follows continue tokens and keeps the first page resourceVersion', async () => {
    const { client, requests } = setup((request) => {
      const next = request.url.searchParams.get('continue');
      return next
        ? jsonResponse({ metadata: { resourceVersion: '11' }, items: [pod('b')] })
        : jsonResponse({ metadata: { resourceVersion: '10', continue: 'page2' }, items: [pod('a')] });
    });
    const list = await client.list(POD);
    expect(requests.map((r) => r.url.searchParams.get('continue'))).toEqual([null, 'page2']);
    expect(list.items.map((item) => item.metadata.name)).toEqual(['a', 'b']);
    expect(list.metadata).toEqual({ resourceVersion: '10' });
  });

  it('gets one object of a custom resource', async () => {
    const { client, requests } = setup(() =>
      jsonResponse({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'reviews' } }),
    );
    const vs = await client.get(VS, 'bookinfo', 'reviews');
    expect(requests[0]?.url.pathname).toBe('/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews');
    expect(vs.metadata.name).toBe('reviews');
  });
});

describe('KubeClient writes', () => {
  const echo: FakeHandler = (request) => jsonResponse(request.body ?? { metadata: { name: 'x' } });
  const object = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'bookinfo' } };

  it('creates with dryRun and updates with PUT on the object path', async () => {
    const { client, requests } = setup(echo);
    await client.create(VS, object, { dryRun: true });
    await client.update(VS, object);
    expect(requests.map((r) => [r.method, r.url.pathname, r.url.searchParams.get('dryRun')])).toEqual([
      ['POST', '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices', 'All'],
      ['PUT', '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews', null],
    ]);
    expect(requests[0]?.body).toEqual(object);
  });

  it('sends each patch type with its content type; apply names a field manager', async () => {
    const { client, requests } = setup(() => jsonResponse(object));
    await client.patch(VS, 'bookinfo', 'reviews', 'merge', { spec: { hosts: ['a'] } });
    await client.patch(VS, 'bookinfo', 'reviews', 'json', [{ op: 'replace', path: '/spec/hosts/0', value: 'b' }]);
    await client.patch(VS, 'bookinfo', 'reviews', 'apply', object, { force: true });
    expect(requests.map((r) => r.headers['content-type'])).toEqual([
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/apply-patch+yaml',
    ]);
    expect(requests[2]?.url.searchParams.get('fieldManager')).toBe('meshdeck');
    expect(requests[2]?.url.searchParams.get('force')).toBe('true');
  });

  it('deletes with a propagation policy', async () => {
    const { client, requests } = setup(() => jsonResponse({ kind: 'Status', status: 'Success' }));
    await client.delete(VS, 'bookinfo', 'reviews', { propagationPolicy: 'Foreground' });
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.body).toMatchObject({ propagationPolicy: 'Foreground' });
  });

  it('asks SelfSubjectAccessReview with resource attributes', async () => {
    const { client, requests } = setup(() => jsonResponse({ status: { allowed: false, reason: 'read-only' } }));
    const review = await client.selfSubjectAccessReview({ verb: 'update', group: VS.group, resource: VS.plural, namespace: 'bookinfo' });
    expect(requests[0]?.url.pathname).toBe('/k8s/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
    expect(requests[0]?.body).toMatchObject({
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'update', resource: 'virtualservices', namespace: 'bookinfo' } },
    });
    expect(review).toEqual({ allowed: false, denied: false, reason: 'read-only' });
  });
});

describe('KubeClient failures', () => {
  it('throws a KubeApiError with the Status and its field causes', async () => {
    const { client } = setup(() =>
      statusResponse(422, 'Invalid', 'VirtualService "r" is invalid', [
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.hosts' },
      ]),
    );
    const error = await client.create(VS, { apiVersion: 'x', kind: 'y', metadata: { namespace: 'n' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeApiError);
    const apiError = error as KubeApiError;
    expect([apiError.code, apiError.reason, apiError.message]).toEqual([422, 'Invalid', 'VirtualService "r" is invalid']);
    expect(apiError.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.hosts' }]);
  });

  it('gives a Status-like error for a body that is not a Status', async () => {
    const { client } = setup(() => new Response('nope', { status: 404, statusText: 'Not Found' }));
    const error = await client.get(VS, 'a', 'b').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 404, reason: 'NotFound', message: 'nope' });
  });

  it('reports 401 to the monitor so the console can ask for a token', async () => {
    const { client, monitor } = setup(() => statusResponse(401, 'Unauthorized', 'Unauthorized'));
    await expect(client.list(POD)).rejects.toBeInstanceOf(KubeApiError);
    expect(monitor.getSnapshot().unauthorized?.code).toBe(401);
  });

  it('turns a network failure into a ConnectionError that names the base URL', async () => {
    const { client, monitor } = setup(() => {
      throw new TypeError('fetch failed');
    });
    const error = await client.list(POD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('Cannot reach the Kubernetes API at /k8s: fetch failed');
    expect(monitor.getSnapshot().state).toBe('unreachable');
  });

  it('treats a proxy 502 without a Status as a connection failure', async () => {
    const { client } = setup(() => new Response('{"message":"connect ECONNREFUSED"}', { status: 502 }));
    const error = await client.list(POD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('connect ECONNREFUSED');
  });

  it('keeps a real 500 Status as an API error', async () => {
    const { client } = setup(() => statusResponse(500, 'InternalError', 'etcd is sad'));
    await expect(client.list(POD)).rejects.toMatchObject({ name: 'KubeApiError', code: 500 });
  });
});
