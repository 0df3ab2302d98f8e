import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import { buildEditorSchema, convert, definitionNameOf, withDefinitions } from './openapi-schema';

const VS = findKind('networking.istio.io', 'VirtualService')!;
const DR = findKind('networking.istio.io', 'DestinationRule')!;

const DOCUMENT = {
  openapi: '3.0.0',
  components: {
    schemas: {
      'io.istio.networking.v1.VirtualService': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService' }],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] },
          spec: {
            type: 'object',
            properties: {
              port: { 'x-kubernetes-int-or-string': true },
              note: { type: 'string', nullable: true },
              free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
            },
          },
        },
      },
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', properties: { name: { type: 'string' } } },
    },
  },
};

describe('OpenAPI to the editor schema', () => {
  it('finds the kind by x-kubernetes-group-version-kind', () => {
    expect(definitionNameOf(DOCUMENT, VS, 'v1')).toBe('io.istio.networking.v1.VirtualService');
    expect(definitionNameOf(DOCUMENT, VS, 'v1beta1')).toBeUndefined();
    expect(definitionNameOf(DOCUMENT, DR, 'v1')).toBeUndefined();
  });

  it('converts refs, int-or-string, nullable, and closes objects the server would prune', () => {
    type Converted = { additionalProperties?: unknown; properties: Record<string, Converted> };
    const converted = convert(DOCUMENT.components.schemas['io.istio.networking.v1.VirtualService']) as Converted;
    const spec = converted.properties.spec!;
    expect(converted.additionalProperties).toBe(false);
    expect(JSON.stringify(converted)).toContain('"$ref":"#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"');
    expect(spec.properties.port).toEqual({ anyOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(spec.properties.note).toEqual({ type: ['string', 'null'] });
    expect(spec.properties.free).not.toHaveProperty('additionalProperties');
    expect(JSON.stringify(converted)).not.toContain('x-kubernetes');
  });

  it('selects the schema per document by apiVersion and kind', () => {
    const schema = buildEditorSchema(withDefinitions([{ kind: VS, version: 'v1', document: DOCUMENT }]))!;
    expect(schema.allOf).toEqual([
      {
        if: {
          properties: { apiVersion: { const: 'networking.istio.io/v1' }, kind: { const: 'VirtualService' } },
          required: ['apiVersion', 'kind'],
        },
        then: { $ref: '#/definitions/io.istio.networking.v1.VirtualService' },
      },
    ]);
    const definitions = schema.definitions as Record<string, { properties: Record<string, { enum?: unknown }> }>;
    expect(definitions['io.istio.networking.v1.VirtualService']!.properties.kind!.enum).toEqual(['VirtualService']);
    expect(definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
  });

  it('has no schema when the server describes none of the kinds', () => {
    expect(buildEditorSchema(withDefinitions([{ kind: DR, version: 'v1', document: DOCUMENT }]))).toBeUndefined();
  });
});
