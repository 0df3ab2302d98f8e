import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api';
import { editableYaml, identityChange, parseDraft } from './object-yaml';

const LIVE: KubeObject = {
  status: { conditions: [] },
  spec: { hosts: ['reviews'] },
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '7', managedFields: [{ manager: 'kubectl' }] },
  kind: 'VirtualService',
  apiVersion: 'networking.istio.io/v1',
} as KubeObject;

describe('editable YAML', () => {
  it('prints in kubectl order without status and managedFields', () => {
    expect(editableYaml(LIVE)).toBe(
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: bookinfo\n  resourceVersion: "7"\nspec:\n  hosts:\n    - reviews\n',
    );
  });

  it('reads a draft back, or says why it cannot', () => {
    expect(parseDraft(editableYaml(LIVE)).object?.spec).toEqual({ hosts: ['reviews'] });
    expect(parseDraft('a: [1,\n').error).toMatch(/^YAML syntax/);
    expect(parseDraft('a: 1\n---\nb: 2\n').error).toMatch(/several YAML documents/);
    expect(parseDraft('- 1\n').error).toMatch(/not a Kubernetes object/);
  });

  it('refuses a rename', () => {
    expect(identityChange(LIVE, { ...LIVE, metadata: { ...LIVE.metadata } })).toBeUndefined();
    expect(identityChange(LIVE, { ...LIVE, metadata: { ...LIVE.metadata, name: 'other' } })).toMatch(/metadata.name changed/);
  });
});
