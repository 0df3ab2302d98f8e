import { describe, expect, it } from 'vitest';
import { findKind, type KindInfo } from '../../../mesh/kinds';
import type { KubeObject } from '../../../mesh/kube-types';
import { metadataCauses } from './metadata';
import { described } from './rules/testing';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(name);
  return info;
}
const withMeta = (metadata: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'X', metadata });
const CONFIG_MAP = kind('', 'ConfigMap');

describe('metadataCauses', () => {
  it('requires a name unless generateName is given', () => {
    expect(described(metadataCauses(CONFIG_MAP, withMeta({ namespace: 'a' })))).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(metadataCauses(CONFIG_MAP, withMeta({ namespace: 'a', generateName: 'web-' }))).toEqual([]);
  });

  it('checks names by kind: subdomains in general, labels for namespaces, DNS-1035 labels for services', () => {
    expect(metadataCauses(CONFIG_MAP, withMeta({ name: 'a.b-c', namespace: 'a' }))).toEqual([]);
    expect(metadataCauses(kind('', 'Namespace'), withMeta({ name: 'a.b' }))[0]?.field).toBe('metadata.name');
    expect(metadataCauses(kind('', 'Service'), withMeta({ name: '1web', namespace: 'a' }))[0]?.message).toContain('DNS-1035 label');
    expect(metadataCauses(CONFIG_MAP, withMeta({ name: 'Web', namespace: 'a' }))[0]?.message).toMatch(/^Invalid value: "Web": a lowercase RFC 1123 subdomain/);
  });

  it('requires a namespace only for namespaced kinds', () => {
    expect(described(metadataCauses(CONFIG_MAP, withMeta({ name: 'a' })))).toEqual(['metadata.namespace: Required value']);
    expect(metadataCauses(kind('', 'Namespace'), withMeta({ name: 'a' }))).toEqual([]);
    expect(metadataCauses(CONFIG_MAP, withMeta({ name: 'a', namespace: 'Bad_NS' }))[0]?.field).toBe('metadata.namespace');
  });

  it('checks label keys and values', () => {
    const ok = withMeta({ name: 'a', namespace: 'a', labels: { 'app.kubernetes.io/name': 'web', version: '' } });
    expect(metadataCauses(CONFIG_MAP, ok)).toEqual([]);
    const bad = withMeta({ name: 'a', namespace: 'a', labels: { '-x': 'ok', y: 'not ok', z: 3 } });
    expect(metadataCauses(CONFIG_MAP, bad).map((c) => [c.field, c.message?.slice(0, 24)])).toEqual([
      ['metadata.labels', 'Invalid value: "-x": nam'],
      ['metadata.labels', 'Invalid value: "not ok":'],
      ['metadata.labels[z]', 'Invalid value: "integer"'],
    ]);
  });

  it('checks annotation keys and total size', () => {
    const big = withMeta({ name: 'a', namespace: 'a', annotations: { note: 'x'.repeat(300_000) } });
    expect(described(metadataCauses(CONFIG_MAP, big))).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });
});
