import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../mesh/kube-types';
import { jsonEqual, mergeForApply, problemsOf, sameForApply, summarizePlan } from './config-apply';
import type { PlannedDocument } from './config-apply';
import { parseManifest } from './config-apply-yaml';
import { KubeApiError, syntheticStatus } from './errors';

const live: KubeObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: {
    name: 'reviews',
    namespace: 'bookinfo',
    resourceVersion: '9',
    uid: 'u',
    generation: 2,
    labels: { app: 'reviews', 'owned-by': 'operator' },
    annotations: { note: 'keep' },
  },
  spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
  status: { conditions: [] },
};

describe('mergeForApply', () => {
  it('replaces the spec, adds labels and annotations, keeps server metadata and status', () => {
    const document: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews-2' } },
      spec: { host: 'reviews' },
    };
    const merged = mergeForApply(live, document);
    expect(merged.spec).toEqual({ host: 'reviews' });
    expect(merged.metadata).toMatchObject({ resourceVersion: '9', uid: 'u', labels: { app: 'reviews-2', 'owned-by': 'operator' }, annotations: { note: 'keep' } });
    expect(merged.status).toEqual({ conditions: [] });
    expect(mergeForApply(undefined, document)).toBe(document);
  });

  it('makes nothing of a document that says what is live', () => {
    const document: KubeObject = { ...live, metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' } }, status: undefined };
    expect(sameForApply(live, mergeForApply(live, document))).toBe(true);
    expect(sameForApply(live, mergeForApply(live, { ...document, spec: { host: 'reviews', subsets: [] } }))).toBe(false);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and undefined keys, not array order or types', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }], d: undefined }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ port: 80 }, { port: '80' })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});

describe('problemsOf', () => {
  it('places each field the server rejected at its line', () => {
    const [document] = parseManifest('apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r, namespace: b}\nspec:\n  host: ""\n');
    if (!document) throw new Error('no document');
    const status = { ...syntheticStatus(422, 'DestinationRule "r" is invalid'), details: { causes: [{ field: 'spec.host', message: 'Required value' }, { message: 'whole object' }] } };
    expect(problemsOf(new KubeApiError(status, { method: 'POST', url: '/x' }), document)).toEqual([
      { line: 5, message: 'spec.host: Required value' },
      { line: 1, message: 'whole object' },
    ]);
    expect(problemsOf(new Error('offline'), document)).toEqual([{ line: 1, message: 'offline' }]);
  });
});

describe('summarizePlan', () => {
  it('counts documents by action, documents with problems as invalid', () => {
    const planned = (action: PlannedDocument['action'], problems = 0) =>
      ({ action, problems: Array.from({ length: problems }, () => ({ line: 1, message: 'x' })) }) as unknown as PlannedDocument;
    expect(summarizePlan([planned('create'), planned('update'), planned('update', 1), planned('unchanged'), planned('invalid', 1)])).toEqual({
      create: 1,
      update: 1,
      unchanged: 1,
      invalid: 2,
    });
  });
});
