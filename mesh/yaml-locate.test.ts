import { describe, expect, it } from 'vitest';
import { locateInYaml, locateServerField, parseFieldPath } from './yaml-locate';

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 80
    - destination:
        host: reviews
        subset: v2
      weight: 30
`;

describe('parseFieldPath', () => {
  it('splits dots and indexes', () => {
    expect(parseFieldPath('spec.http[0].route[1].weight')).toEqual(['spec', 'http', 0, 'route', 1, 'weight']);
  });
  it('keeps bracketed map keys as strings', () => {
    expect(parseFieldPath('metadata.annotations[example.com/x]')).toEqual(['metadata', 'annotations', 'example.com/x']);
  });
});

describe('locateInYaml', () => {
  it('finds a scalar field with its value', () => {
    expect(locateInYaml(VS, ['spec', 'http', 0, 'route', 1, 'destination', 'subset'])).toEqual({
      line: 16,
      column: 9,
      endLine: 16,
      endColumn: 19,
      exact: true,
    });
  });
  it('marks a collection by its key line', () => {
    const range = locateInYaml(VS, ['spec', 'http', 0, 'route']);
    expect(range).toMatchObject({ line: 9, column: 5, endLine: 9, exact: true });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(locateInYaml(VS, ['spec', 'http', 0, 'route', 1, 'headers', 'request'])).toMatchObject({ line: 14, exact: false });
    expect(locateInYaml(VS, ['spec', 'tcp', 0])).toMatchObject({ line: 5, exact: false });
  });
  it('maps an API server field path', () => {
    expect(locateServerField(VS, 'spec.http[0].route[1].weight')).toMatchObject({ line: 17, column: 7, exact: true });
  });
  it('reads the requested document of a multi-document stream', () => {
    const text = `${VS}---\napiVersion: v1\nkind: DestinationRule\nspec:\n  host: ratings\n`;
    expect(locateInYaml(text, ['spec', 'host'], 1)).toMatchObject({ line: 22, exact: true });
    expect(locateInYaml(text, ['spec'], 2)).toBeUndefined();
  });
  it('marks the whole document for an empty path', () => {
    expect(locateInYaml(VS, [])).toMatchObject({ line: 1, exact: true });
  });
});
