import { describe, expect, it } from 'vitest';
import { pointerSegments } from '../openapi/schema-walk';
import { fieldPath, valueAt } from './field-path';

describe('fieldPath', () => {
  const lookup = () => undefined;

  it('writes array indexes in brackets', () => {
    const data = { spec: { http: [{ route: [{ weight: 'x' }] }] } };
    expect(fieldPath(pointerSegments('/spec/http/0/route/0/weight'), undefined, lookup, data)).toBe('spec.http[0].route[0].weight');
  });

  it('writes map keys in brackets when the schema says the object is a map', () => {
    const schema = { type: 'object' as const, properties: { labels: { type: 'object' as const, additionalProperties: { type: 'string' as const } } } };
    expect(fieldPath(['labels', 'app'], schema, lookup)).toBe('labels[app]');
  });

  it('finds the value a pointer leads to', () => {
    expect(valueAt({ a: [{ b: 7 }] }, pointerSegments('/a/0/b'))).toBe(7);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});
