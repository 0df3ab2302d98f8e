import { describe, expect, it } from 'vitest';
import { findKind, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { validateObject } from './admission';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(`unknown kind ${name}`);
  return info;
}

const VS = kind('networking.istio.io', 'VirtualService');
const virtualService = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'default' },
  spec,
});
const route = (weights: number[]) => ({
  route: weights.map((weight, i) => ({ destination: { host: 'reviews', subset: `v${i + 1}` }, weight })),
});

describe('validateObject', () => {
  it('accepts a valid object', () => {
    expect(validateObject(VS, 'v1', virtualService({ hosts: ['reviews'], http: [route([50, 50])] }))).toEqual([]);
  });

  it('reports a schema type error at its field, worded as the API server words it', () => {
    expect(validateObject(VS, 'v1', virtualService({ hosts: 'x' }))).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        message: 'Invalid value: "string": spec.hosts in body must be of type array: "string"',
        field: 'spec.hosts',
      },
    ]);
  });

  it('reports webhook rules once the schema is satisfied', () => {
    expect(validateObject(VS, 'v1beta1', virtualService({ hosts: ['reviews'], http: [route([50, 40])] }))).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: 90: total destination weight 90 != 100', field: 'spec.http[0].route' },
    ]);
  });

  it('does not run webhook rules on an object the schema rejects, as the webhook is never called', () => {
    const causes = validateObject(VS, 'v1', virtualService({ hosts: ['reviews'], http: [{ ...route([50, 40]), timeout: 5 }] }));
    expect(causes.map((c) => c.field)).toEqual(['spec.http[0].timeout']);
  });

  it('collapses a oneOf violation into one cause naming the clashing fields', () => {
    const causes = validateObject(VS, 'v1', virtualService({ hosts: ['r'], http: [{ ...route([100]), match: [{ uri: { exact: '/a', prefix: '/' } }] }] }));
    expect(causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "object": only one of exact, prefix, regex may be set, but exact and prefix are',
        field: 'spec.http[0].match[0].uri',
      },
    ]);
  });

  it('checks metadata for every kind, including built-in ones', () => {
    const pod = kind('', 'Pod');
    expect(validateObject(pod, 'v1', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' } })).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'metadata.namespace' },
    ]);
    const namespace = kind('', 'Namespace');
    expect(validateObject(namespace, 'v1', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } })).toEqual([]);
  });

  it('validates Gateway API kinds against their schema', () => {
    const httpRoute = kind('gateway.networking.k8s.io', 'HTTPRoute');
    const causes = validateObject(httpRoute, 'v1', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web', namespace: 'default' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ path: { type: 'Prefix', value: '/' } }] }] },
    });
    expect(causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"',
        field: 'spec.rules[0].matches[0].path.type',
      },
    ]);
  });
});
