import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDiscovery } from './discovery';

const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  registerDiscovery(app);
  await app.ready();
});
afterAll(() => app.close());

async function get(url: string, accept = 'application/json') {
  const response = await app.inject({ method: 'GET', url, headers: { accept, host: '127.0.0.1:8080' } });
  return { status: response.statusCode, contentType: response.headers['content-type'], body: response.json() };
}

describe('discovery', () => {
  it('reports a 1.32 server version', async () => {
    const { body } = await get('/version');
    expect(body).toMatchObject({ major: '1', minor: '32' });
    expect(body.gitVersion).toMatch(/^v1\.32\.\d+/);
  });

  it('answers /api and /apis in the legacy form by default', async () => {
    const api = await get('/api');
    expect(api.contentType).toBe('application/json');
    expect(api.body).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:8080' }],
    });
    const apis = await get('/apis');
    const networking = apis.body.groups.find((g: { name: string }) => g.name === 'networking.istio.io');
    expect(networking.versions.map((v: { version: string }) => v.version)).toEqual(['v1', 'v1beta1', 'v1alpha3']);
    expect(networking.preferredVersion).toEqual({ groupVersion: 'networking.istio.io/v1', version: 'v1' });
  });

  it('answers in the aggregated form, with the matching content type, when asked as kubectl asks', async () => {
    const { contentType, body } = await get('/apis', AGGREGATED_ACCEPT);
    expect(contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(body.kind).toBe('APIGroupDiscoveryList');
    expect(body.apiVersion).toBe('apidiscovery.k8s.io/v2');
    const gatewayApi = body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'gateway.networking.k8s.io');
    const httpRoutes = gatewayApi.versions[0].resources.find((r: { resource: string }) => r.resource === 'httproutes');
    expect(httpRoutes).toMatchObject({
      responseKind: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'HTTPRoute' },
      scope: 'Namespaced',
      singularResource: 'httproute',
      categories: ['gateway-api'],
    });
    const core = await get('/api', AGGREGATED_ACCEPT);
    const pods = core.body.items[0].versions[0].resources.find((r: { resource: string }) => r.resource === 'pods');
    expect(pods.subresources).toEqual([{ subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] }]);
  });

  it('lists the resources of a group-version with verbs, short names and categories', async () => {
    const { body } = await get('/apis/networking.istio.io/v1');
    expect(body.groupVersion).toBe('networking.istio.io/v1');
    const vs = body.resources.find((r: { name: string }) => r.name === 'virtualservices');
    expect(vs).toMatchObject({
      singularName: 'virtualservice',
      namespaced: true,
      kind: 'VirtualService',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['vs'],
      categories: ['istio-io', 'networking-istio-io'],
    });
    expect(body.resources.map((r: { name: string }) => r.name)).not.toContain('envoyfilters');
  });

  it('serves the access reviews as create-only', async () => {
    const { body } = await get('/apis/authorization.k8s.io/v1');
    expect(body.resources).toEqual([
      expect.objectContaining({ name: 'selfsubjectaccessreviews', namespaced: false, verbs: ['create'] }),
      expect.objectContaining({ name: 'selfsubjectrulesreviews', namespaced: false, verbs: ['create'] }),
    ]);
  });

  it('lists core resources and their subresources at /api/v1', async () => {
    const { body } = await get('/api/v1');
    const names = body.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['namespaces', 'pods', 'pods/log', 'services', 'services/proxy', 'configmaps']));
    expect(body.resources.find((r: { name: string }) => r.name === 'pods').categories).toEqual(['all']);
  });

  it('answers 404 with a Status for groups and versions it does not serve', async () => {
    for (const url of ['/apis/example.com', '/apis/networking.istio.io/v2', '/api/v2']) {
      const { status, body } = await get(url);
      expect(status).toBe(404);
      expect(body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    }
    expect((await get('/apis/security.istio.io')).body).toMatchObject({ kind: 'APIGroup', preferredVersion: { version: 'v1' } });
  });
});
