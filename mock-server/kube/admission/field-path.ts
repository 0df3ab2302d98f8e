import { childAt, resolveSchema, type DefinitionLookup } from '../openapi/schema-walk';
import { isRecord, type OpenApiSchema } from '../openapi/schema-types';

/**
 * Turns JSON pointer segments into a Kubernetes field path: array indexes and map keys in
 * brackets, fields after dots — "spec.http[0].route[0].weight", "metadata.labels[app]".
 * Whether a segment is a map key comes from the schema; without one, only indexes get brackets.
 */
export function fieldPath(
  segments: readonly string[],
  schema: OpenApiSchema | undefined,
  lookup: DefinitionLookup,
  data?: unknown,
): string {
  let path = '';
  let node = schema;
  let value = data;
  for (const segment of segments) {
    const resolved = node && resolveSchema(node, lookup);
    const isIndex = Array.isArray(value) || (resolved?.type === 'array' && /^\d+$/.test(segment));
    const isMapKey = !isIndex && resolved !== undefined && !resolved.properties?.[segment] && typeof resolved.additionalProperties === 'object';
    path = isIndex || isMapKey ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment;
    node = node && childAt(node, segment, lookup);
    value = child(value, segment);
  }
  return path;
}

/** The value a pointer's segments lead to in a JSON document, or undefined. */
export function valueAt(data: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>((value, segment) => child(value, segment), data);
}

function child(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return value[Number(segment)];
  if (isRecord(value)) return value[segment];
  return undefined;
}
