import { REF_PREFIX, type OpenApiSchema } from './schema-types';

export type DefinitionLookup = (name: string) => OpenApiSchema | undefined;

/** Follows `$ref` and the `allOf: [{$ref}]` wrapper the server puts around described references. */
export function resolveSchema(schema: OpenApiSchema, lookup: DefinitionLookup): OpenApiSchema {
  let current = schema;
  for (let hops = 0; hops < 8; hops++) {
    const wrapped = current.allOf?.length === 1 && !current.properties ? current.allOf[0] : undefined;
    const ref = current.$ref ?? wrapped?.$ref;
    if (!ref?.startsWith(REF_PREFIX)) return current;
    const target = lookup(ref.slice(REF_PREFIX.length));
    if (!target) return current;
    current = target;
  }
  return current;
}

/** Where a path segment leads from an object or array schema: a property, an item or a map value. */
export function childAt(schema: OpenApiSchema, segment: string, lookup: DefinitionLookup): OpenApiSchema | undefined {
  const resolved = resolveSchema(schema, lookup);
  const property = resolved.properties?.[segment];
  if (property) return property;
  if (resolved.items && /^\d+$/.test(segment)) return resolved.items;
  if (typeof resolved.additionalProperties === 'object') return resolved.additionalProperties;
  return undefined;
}

/** The schema at a path of property names, array indexes and map keys, or undefined if it leaves the schema. */
export function schemaAt(
  schema: OpenApiSchema,
  segments: readonly string[],
  lookup: DefinitionLookup,
): OpenApiSchema | undefined {
  let current: OpenApiSchema | undefined = schema;
  for (const segment of segments) {
    if (!current) return undefined;
    current = childAt(current, segment, lookup);
  }
  return current && resolveSchema(current, lookup);
}

/** Splits an RFC 6901 JSON pointer ("/spec/http/0") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
