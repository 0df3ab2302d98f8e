import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../mesh/kube-types';
import { cleanForApply, parseManifest, toYaml, toYamlStream } from './config-apply-yaml';

const live: KubeObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: {
    name: 'reviews',
    namespace: 'bookinfo',
    uid: 'u-1',
    resourceVersion: '42',
    generation: 3,
    creationTimestamp: '2026-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    labels: { app: 'reviews' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'books' },
    selfLink: '/apis/x',
  } as KubeObject['metadata'],
  spec: { hosts: ['reviews'] },
  status: { observedGeneration: 3 },
};

describe('cleanForApply', () => {
  it('drops status and every server-owned field, keeps what the user wrote', () => {
    expect(cleanForApply(live)).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' }, annotations: { team: 'books' } },
      spec: { hosts: ['reviews'] },
    });
  });

  it('removes annotations and labels that end up empty, and does not touch its input', () => {
    const only = { ...live, metadata: { ...live.metadata, labels: {}, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } };
    const cleaned = cleanForApply(only);
    expect(cleaned.metadata).toEqual({ name: 'reviews', namespace: 'bookinfo' });
    expect(only.metadata.annotations).toHaveProperty(['kubectl.kubernetes.io/last-applied-configuration']);
    expect(only.status).toBeDefined();
  });

  it('prints apiVersion, kind, metadata, spec first', () => {
    const yaml = toYaml(cleanForApply({ spec: { a: 1 }, metadata: { name: 'x' }, kind: 'K', apiVersion: 'v1', data: { b: '2' } }));
    expect(yaml.split('\n').filter((line) => /^\w/.test(line))).toEqual(['apiVersion: v1', 'kind: K', 'metadata:', 'spec:', 'data:']);
  });
});

describe('parseManifest', () => {
  const stream = toYamlStream([cleanForApply(live), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }]);

  it('reads each document with its first and last line, defaulting the namespace', () => {
    const docs = parseManifest(`# routing\n${stream}`, { defaultNamespace: 'other' });
    expect(docs.map((d) => [d.startLine, d.kind?.kind, d.object?.metadata.name, d.problems.length])).toEqual([
      [2, 'VirtualService', 'reviews', 0],
      [15, 'Namespace', 'shop', 0],
    ]);
    expect(docs[0]?.endLine).toBe(13);
    expect(docs[1]?.object?.metadata.namespace).toBeUndefined();
    const noNamespace = parseManifest('apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n', { defaultNamespace: 'shop' });
    expect(noNamespace[0]?.object?.metadata.namespace).toBe('shop');
  });

  it('maps a field path to the line of its key, or of its deepest existing parent', () => {
    const [doc] = parseManifest(stream);
    expect(doc?.lineOf('spec.hosts[0]')).toBe(12);
    expect(doc?.lineOf('metadata.labels[app]')).toBe(7);
    expect(doc?.lineOf('spec.http[0].route')).toBe(10);
  });

  it('reports syntax and shape problems at their lines, per document, and skips empty ones', () => {
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: ok}',
      '---',
      '---',
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata:',
      '  name: [broken',
      '---',
      'apiVersion: example.com/v1',
      'kind: Widget',
      'metadata: {name: w}',
      '---',
      'apiVersion: networking.istio.io/v1',
      'kind: Gateway',
      'metadata: {}',
    ].join('\n');
    const docs = parseManifest(text);
    expect(docs).toHaveLength(4);
    expect(docs[0]?.problems).toEqual([]);
    expect(docs[1]?.problems[0]?.line).toBeGreaterThanOrEqual(9);
    expect(docs[2]?.problems).toEqual([{ line: 12, message: 'Widget in example.com is not a kind this console knows' }]);
    expect(docs[3]?.problems[0]?.message).toMatch(/metadata.name is missing/);
    expect(docs[3]?.problems[0]?.line).toBe(17);
  });

  it('refuses versions the kind is not served in, and namespaced objects without a namespace', () => {
    const [badVersion] = parseManifest('apiVersion: networking.istio.io/v9\nkind: Gateway\nmetadata: {name: g, namespace: a}\n');
    expect(badVersion?.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('not networking.istio.io/v9') });
    const [noNamespace] = parseManifest('apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n');
    expect(noNamespace?.problems[0]?.message).toMatch(/namespace is missing/);
  });
});
