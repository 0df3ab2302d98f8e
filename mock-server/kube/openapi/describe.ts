import type { OpenApiSchema } from './schema-types';

/** Adds a description; a described `$ref` is wrapped in allOf, as OpenAPI 3.0 ignores siblings of `$ref`. */
export function describe(schema: OpenApiSchema, description: string): OpenApiSchema {
  if (!description) return schema;
  if (schema.$ref) return { description, allOf: [schema] };
  return { description, ...schema };
}
