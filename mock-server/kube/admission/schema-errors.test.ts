import { describe, expect, it } from 'vitest';
import type { OpenApiSchema } from '../openapi/schema-types';
import type { AjvError } from './model-validation';
import { schemaCauses } from './schema-errors';

const schema: OpenApiSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        match: {
          type: 'object',
          properties: { exact: { type: 'string' }, prefix: { type: 'string' } },
          oneOf: [{ not: { anyOf: [{ required: ['exact'] }, { required: ['prefix'] }] } }, { required: ['exact'] }, { required: ['prefix'] }],
        },
        pick: { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] },
        selector: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};
const causesFor = (errors: AjvError[], data: unknown) => schemaCauses(errors, data, schema, () => undefined);

describe('schemaCauses', () => {
  it('words required, enum, range, pattern and length errors as the API server does', () => {
    const data = { spec: { mode: 'FOO', weight: -1, name: 'Bad', items: [1, 2, 3] } };
    const causes = causesFor(
      [
        { instancePath: '/spec', keyword: 'required', params: { missingProperty: 'host' } },
        { instancePath: '/spec/mode', keyword: 'enum', params: { allowedValues: ['A', 'B'] } },
        { instancePath: '/spec/weight', keyword: 'minimum', params: { comparison: '>=', limit: 0 } },
        { instancePath: '/spec/name', keyword: 'pattern', params: { pattern: '^[a-z]+$' } },
        { instancePath: '/spec/items', keyword: 'maxItems', params: { limit: 2 } },
      ],
      data,
    );
    expect(causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.host' },
      { reason: 'FieldValueNotSupported', message: 'Unsupported value: "FOO": supported values: "A", "B"', field: 'spec.mode' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: spec.weight in body should be greater than or equal to 0', field: 'spec.weight' },
      { reason: 'FieldValueInvalid', message: `Invalid value: "Bad": spec.name in body should match '^[a-z]+$'`, field: 'spec.name' },
      { reason: 'FieldValueTooMany', message: 'Too many: 3: must have at most 2 items', field: 'spec.items' },
    ]);
  });

  it('merges the per-alternative type errors of an int-or-string field into one', () => {
    const causes = causesFor(
      [
        { instancePath: '/spec/port', keyword: 'type', params: { type: 'integer' } },
        { instancePath: '/spec/port', keyword: 'type', params: { type: 'string' } },
        { instancePath: '/spec/port', keyword: 'anyOf', params: {} },
      ],
      { spec: { port: true } },
    );
    expect(causes).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        message: 'Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
        field: 'spec.port',
      },
    ]);
  });

  it('turns the not + oneOf pair of exclusive fields into one cause, and says when one is missing', () => {
    const clash = causesFor(
      [
        { instancePath: '/spec/match', keyword: 'not', params: {} },
        { instancePath: '/spec/match', keyword: 'oneOf', params: { passingSchemas: [1, 2] } },
        { instancePath: '/spec/match', keyword: 'oneOf', params: { passingSchemas: [1, 2] } },
      ],
      { spec: { match: { exact: 'a', prefix: 'b' } } },
    );
    expect(clash).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: "object": only one of exact, prefix may be set, but exact and prefix are', field: 'spec.match' },
    ]);
    const missing = causesFor([{ instancePath: '/spec/pick', keyword: 'oneOf', params: { passingSchemas: null } }], { spec: { pick: {} } });
    expect(missing).toEqual([{ reason: 'FieldValueRequired', message: 'Required value: exactly one of a, b must be set', field: 'spec.pick' }]);
  });

  it('puts map keys in brackets and leaves metadata to the metadata checks', () => {
    const causes = causesFor(
      [
        { instancePath: '/spec/selector/app.kubernetes.io~1name', keyword: 'type', params: { type: 'string' } },
        { instancePath: '/metadata/labels/a', keyword: 'type', params: { type: 'string' } },
      ],
      { spec: { selector: { 'app.kubernetes.io/name': 1 } }, metadata: { labels: { a: 1 } } },
    );
    expect(causes.map((c) => c.field)).toEqual(['spec.selector[app.kubernetes.io/name]']);
  });
});
