import { describe, expect, it } from 'vitest';
import { yamlSyntaxMarkers } from './syntax-markers';

const VALID = 'kind: VirtualService\nspec:\n  hosts:\n  - reviews\n';

describe('yamlSyntaxMarkers', () => {
  it('reports nothing for valid YAML', () => {
    expect(yamlSyntaxMarkers(VALID)).toEqual([]);
  });
  it('reports an error at its line', () => {
    const markers = yamlSyntaxMarkers('a: 1\nb: [1, 2\nc: 3\n');
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]).toMatchObject({ severity: 'error', source: 'yaml' });
    expect(markers[0]!.line).toBeGreaterThanOrEqual(2);
  });
  it('reports a bad indentation in a later document', () => {
    const markers = yamlSyntaxMarkers('a: 1\n---\nb:\n  c: 1\n d: 2\n');
    expect(markers[0]?.line).toBe(5);
  });
});
