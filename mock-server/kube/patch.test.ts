import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../mesh/kube-types';
import { ApiError } from './errors';
import { applyPatch, patchTypeOf } from './patch';

const vs: KubeObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'default', labels: { a: '1' } },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' }, weight: 100 }] }] },
};

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] },
          { name: 'sidecar', image: 'proxy:1' },
        ],
      },
    },
  },
};

describe('patches', () => {
  it('maps content types and rejects unknown ones with 415', () => {
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8')).toBe('merge');
    expect(patchTypeOf('application/apply-patch+yaml')).toBe('apply');
    expect(() => patchTypeOf('text/plain')).toThrow(ApiError);
  });

  it('merge patch (RFC 7386): nulls delete, lists are replaced', () => {
    const result = applyPatch('merge', vs, { metadata: { labels: { a: null, b: '2' } }, spec: { hosts: ['x'] } }, false);
    expect(result.metadata.labels).toEqual({ b: '2' });
    expect(result.spec?.hosts).toEqual(['x']);
    expect(result.spec?.http).toEqual(vs.spec?.http);
  });

  it('JSON patch (RFC 6902), with failing tests answered 422 and malformed patches 400', () => {
    const result = applyPatch('json', vs, [{ op: 'replace', path: '/spec/http/0/route/0/weight', value: 50 }], false);
    expect(result.spec?.http).toEqual([{ route: [{ destination: { host: 'reviews' }, weight: 50 }] }]);
    const failing = (): KubeObject => applyPatch('json', vs, [{ op: 'test', path: '/spec/hosts/0', value: 'nope' }], false);
    expect(failing).toThrow(expect.objectContaining({ code: 422 }));
    expect(() => applyPatch('json', vs, { op: 'add' }, false)).toThrow(expect.objectContaining({ code: 400 }));
    expect(() => applyPatch('json', vs, [{ op: 'jump', path: '/x' }], false)).toThrow(expect.objectContaining({ code: 400 }));
  });

  it('strategic merge patch merges built-in lists by key and honours directives', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            $setElementOrder: undefined,
            '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }],
            containers: [{ name: 'app', image: 'app:2' }],
          },
        },
      },
    };
    const result = applyPatch('strategic', deployment, patch, true);
    expect(result.spec?.template).toEqual({
      spec: {
        containers: [
          { name: 'sidecar', image: 'proxy:1' },
          { name: 'app', image: 'app:2', ports: [{ containerPort: 80 }] },
        ],
      },
    });
    const removed = applyPatch('strategic', deployment, { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } }, true);
    expect((removed.spec?.template as { spec: { containers: unknown[] } }).spec.containers).toHaveLength(1);
  });

  it('treats a strategic merge patch of a custom resource as a merge patch', () => {
    const result = applyPatch('strategic', vs, { spec: { http: [{ route: [] }] } }, false);
    expect(result.spec?.http).toEqual([{ route: [] }]);
  });

  it('server-side apply merges the applied fields into the live object', () => {
    const result = applyPatch('apply', vs, { apiVersion: vs.apiVersion, kind: vs.kind, metadata: { name: 'reviews', labels: { c: '3' } }, spec: { gateways: ['mesh'] } }, false);
    expect(result.metadata.labels).toEqual({ a: '1', c: '3' });
    expect(result.spec).toMatchObject({ hosts: ['reviews'], gateways: ['mesh'] });
  });
});
