import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../mesh/kinds';
import { groupVersionDocument } from './document';
import { collectRefs, REF_PREFIX, type OpenApiSchema } from './schema-types';

interface Doc {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; 'x-kubernetes-group-version-kind'?: object }>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

function doc(group: string, version: string): Doc {
  const served = groupVersionDocument(group, version);
  if (!served) throw new Error(`no document for ${group}/${version}`);
  return JSON.parse(served.json);
}

describe('group-version documents', () => {
  it('exist for every kind at every version, and every reference resolves', () => {
    for (const info of KINDS) {
      for (const version of info.versions) {
        const { components } = doc(info.group, version);
        const refs = new Set<string>();
        for (const schema of Object.values(components.schemas)) collectRefs(schema, refs);
        expect([...refs].filter((name) => !(name in components.schemas)), `${info.kind} ${version}`).toEqual([]);
      }
    }
  });

  it('tag each kind schema with its group, version and kind, as kubectl explain looks it up', () => {
    const { components } = doc('networking.istio.io', 'v1beta1');
    expect(components.schemas['io.istio.networking.v1beta1.VirtualService']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'networking.istio.io', kind: 'VirtualService', version: 'v1beta1' },
    ]);
    expect(components.schemas['io.istio.networking.v1beta1.VirtualServiceList']?.properties?.items?.items).toEqual({
      $ref: `${REF_PREFIX}io.istio.networking.v1beta1.VirtualService`,
    });
    const core = doc('', 'v1').components.schemas;
    expect(core['io.k8s.api.core.v1.Pod']?.['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
  });

  it('carry field docs, types and enums', () => {
    const vs = doc('networking.istio.io', 'v1').components.schemas['io.istio.networking.v1.VirtualService'];
    const route = vs?.properties?.spec?.properties?.http?.items?.properties?.route?.items;
    expect(route?.properties?.weight).toEqual({ description: expect.stringContaining('proportion of traffic'), type: 'integer' });
    expect(route?.required).toEqual(['destination']);
    const pa = doc('security.istio.io', 'v1').components.schemas['io.istio.security.v1.PeerAuthentication'];
    expect(pa?.properties?.spec?.properties?.mtls?.properties?.mode?.enum).toEqual(['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']);
  });

  it('describe PATCH with the fieldValidation parameter, so kubectl leaves validation to the server', () => {
    const { paths } = doc('networking.istio.io', 'v1');
    const item = paths['/apis/networking.istio.io/v1/namespaces/{namespace}/virtualservices/{name}'];
    expect(item?.patch?.parameters?.map((p) => p.name)).toContain('fieldValidation');
    expect(item?.patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService' });
    expect(Object.keys(paths)).toContain('/apis/networking.istio.io/v1/virtualservices');
  });

  it('offer only create for the access reviews', () => {
    const { paths } = doc('authorization.k8s.io', 'v1');
    expect(Object.keys(paths)).toEqual(['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews']);
    expect(Object.keys(paths['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'] ?? {})).toEqual(['post']);
  });

  it('are absent for group-versions nobody serves', () => {
    expect(groupVersionDocument('networking.istio.io', 'v2')).toBeUndefined();
  });
});
