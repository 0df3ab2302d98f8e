import { describe, expect, it } from 'vitest';
import type { OpenApiSchema } from '../../mock-server/kube/openapi/schema-types';
import { applyProbeErrors, sampleValue } from './probe';

const definitions = new Map<string, OpenApiSchema>([
  ['meta', { type: 'object', properties: { created: { type: 'string' } } }],
]);
const lookup = (name: string) => definitions.get(name);

describe('probing the validators', () => {
  const schema = (): OpenApiSchema => ({
    type: 'object',
    properties: {
      metadata: { $ref: '#/components/schemas/meta' },
      routes: { type: 'array', items: { type: 'object', properties: { weight: { type: 'number' }, share: { type: 'number' } } } },
      mode: { type: 'string', enum: ['A', 'B'] },
      port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    },
  });

  it('fills in every field', () => {
    expect(sampleValue(schema(), lookup)).toEqual({
      metadata: { created: 'x' },
      routes: [{ weight: 1.5, share: 1.5 }],
      mode: 'A',
      port: '1',
      labels: { key: 'x' },
    });
  });

  it('learns integers and formats from what the validator rejects', () => {
    const root = schema();
    applyProbeErrors(
      root,
      [
        { instancePath: '/routes/0/weight', keyword: 'type', params: { type: 'integer' } },
        { instancePath: '/metadata/created', keyword: 'format', params: { format: 'date-time' } },
        { instancePath: '/nowhere', keyword: 'type', params: { type: 'integer' } },
      ],
      lookup,
    );
    expect(root.properties?.routes?.items?.properties?.weight?.type).toBe('integer');
    expect(root.properties?.routes?.items?.properties?.share?.type).toBe('number');
    expect(definitions.get('meta')?.properties?.created?.format).toBe('date-time');
  });
});
