import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOpenApi } from './openapi';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  registerOpenApi(app);
  await app.ready();
});
afterAll(() => app.close());

describe('openapi routes', () => {
  it('indexes every served group-version with a hashed URL that serves its document', async () => {
    const index = (await app.inject('/openapi/v3')).json();
    expect(Object.keys(index.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/networking.istio.io/v1alpha3', 'apis/gateway.networking.k8s.io/v1beta1']));
    const url: string = index.paths['apis/networking.istio.io/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/networking\.istio\.io\/v1\?hash=[0-9A-F]{128}$/);
    const response = await app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, immutable');
    expect(response.json().components.schemas['io.istio.networking.v1.VirtualService']).toBeDefined();
  });

  it('answers 404 for group-versions it does not serve', async () => {
    expect((await app.inject('/openapi/v3/apis/example.com/v1')).statusCode).toBe(404);
    expect((await app.inject('/openapi/v3/apis/networking.istio.io')).statusCode).toBe(404);
  });

  it('serves a minimal v2 document as JSON or as protobuf', async () => {
    expect((await app.inject('/openapi/v2')).json()).toMatchObject({ swagger: '2.0' });
    const proto = await app.inject({ url: '/openapi/v2', headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(proto.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    expect(proto.rawPayload.subarray(0, 5)).toEqual(Buffer.from([0x0a, 3, 0x32, 0x2e, 0x30]));
  });
});
