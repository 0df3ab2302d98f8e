import type { AjvError } from '../../mock-server/kube/admission/model-validation';
import { pointerSegments, resolveSchema, schemaAt, type DefinitionLookup } from '../../mock-server/kube/openapi/schema-walk';
import type { OpenApiSchema } from '../../mock-server/kube/openapi/schema-types';

/**
 * The declaration files say `number` for integers and floats alike and carry no string formats,
 * but the compiled validators know both. Validating a sample with every field filled in (numbers
 * 1.5, strings "x") makes each validator name the integer fields and formatted strings.
 */
export function sampleValue(schema: OpenApiSchema, lookup: DefinitionLookup, depth = 0): unknown {
  const resolved = resolveSchema(schema, lookup);
  if (depth > 30) return undefined;
  if (resolved['x-kubernetes-int-or-string']) return '1';
  if (resolved.enum) return resolved.enum[0];
  switch (resolved.type) {
    case 'object': {
      const sample: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const value = sampleValue(property, lookup, depth + 1);
        if (value !== undefined) sample[name] = value;
      }
      if (typeof resolved.additionalProperties === 'object') {
        sample.key = sampleValue(resolved.additionalProperties, lookup, depth + 1);
      }
      return sample;
    }
    case 'array': {
      const item = resolved.items && sampleValue(resolved.items, lookup, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string':
      return 'x';
    case 'number':
    case 'integer':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

/** Narrows numbers the validator wants whole to `integer`, and records the formats it checked. */
export function applyProbeErrors(root: OpenApiSchema, errors: readonly AjvError[], lookup: DefinitionLookup): void {
  for (const error of errors) {
    const node = schemaAt(root, pointerSegments(error.instancePath), lookup);
    if (!node) continue;
    if (error.keyword === 'type' && error.params.type === 'integer' && node.type === 'number') node.type = 'integer';
    const format = error.params.format;
    if (error.keyword === 'format' && typeof format === 'string' && node.type === 'string') node.format = format;
  }
}
