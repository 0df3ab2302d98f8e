/**
 * From the OpenAPI v3 documents an API server publishes to one JSON Schema for the YAML editor:
 * every document of a YAML stream is checked against the kind its apiVersion and kind name.
 */
import { apiVersionOf } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import { isRecord } from './guards';

export type JsonSchema = { readonly [key: string]: unknown };

const OPENAPI_REF = '#/components/schemas/';
const SCHEMA_REF = '#/definitions/';

interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** The name of the definition that describes `kind` at `version`, read from x-kubernetes-group-version-kind. */
export function definitionNameOf(document: unknown, kind: KindInfo, version: string): string | undefined {
  const schemas = componentSchemas(document);
  return Object.keys(schemas).find((name) => {
    const gvks = schemas[name]?.['x-kubernetes-group-version-kind'];
    return (
      Array.isArray(gvks) &&
      gvks.some((gvk: GroupVersionKind) => isRecord(gvk) && gvk.group === kind.group && gvk.version === version && gvk.kind === kind.kind)
    );
  });
}

function componentSchemas(document: unknown): Record<string, JsonSchema> {
  const components = isRecord(document) ? document.components : undefined;
  const schemas = isRecord(components) ? components.schemas : undefined;
  return isRecord(schemas) ? (schemas as Record<string, JsonSchema>) : {};
}

export interface SchemaSource {
  readonly kind: KindInfo;
  readonly version: string;
  /** The group-version's OpenAPI v3 document as the server sent it. */
  readonly document: unknown;
}

/** The editor's schema for YAML holding objects of the given kinds; undefined when none is described. */
export function buildEditorSchema(sources: readonly SourceWithName[]): JsonSchema | undefined {
  if (sources.length === 0) return undefined;
  const definitions: Record<string, unknown> = {};
  for (const { document } of sources) {
    for (const [name, schema] of Object.entries(componentSchemas(document))) definitions[name] ??= convert(schema);
  }
  const branches = sources.map(({ kind, version, definition }) => {
    const apiVersion = apiVersionOf(kind, version);
    definitions[definition] = pinKind(definitions[definition], apiVersion, kind.kind);
    return {
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: SCHEMA_REF + definition },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(sources.map(({ kind, version }) => apiVersionOf(kind, version)))] },
      kind: { type: 'string', enum: [...new Set(sources.map(({ kind }) => kind.kind))] },
    },
    allOf: branches,
    definitions,
  };
}

export interface SourceWithName extends SchemaSource {
  readonly definition: string;
}

/** Pairs each source with its kind's definition, dropping the kinds the documents do not describe. */
export function withDefinitions(sources: readonly SchemaSource[]): SourceWithName[] {
  return sources.flatMap((source) => {
    const definition = definitionNameOf(source.document, source.kind, source.version);
    return definition ? [{ ...source, definition }] : [];
  });
}

/** apiVersion and kind complete to the one right value. */
function pinKind(schema: unknown, apiVersion: string, kind: string): unknown {
  if (!isRecord(schema) || !isRecord(schema.properties)) return schema;
  const properties = schema.properties;
  return {
    ...schema,
    properties: {
      ...properties,
      apiVersion: { ...asObject(properties.apiVersion), enum: [apiVersion] },
      kind: { ...asObject(properties.kind), enum: [kind] },
    },
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/**
 * OpenAPI 3.0 → JSON Schema draft-07: local $refs, `nullable`, Kubernetes' int-or-string, and
 * unknown fields refused where the server would prune them (so a misspelt field shows up).
 */
export function convert(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convert);
  if (!isRecord(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(OPENAPI_REF, SCHEMA_REF);
    else if (key === 'properties' && isRecord(value)) out.properties = mapValues(value, convert);
    else if (key === 'enum' || key === 'required' || key === 'example' || key === 'default') out[key] = value;
    else out[key] = convert(value);
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    delete out.format;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  const closed =
    schema.type === 'object' &&
    isRecord(schema.properties) &&
    schema.additionalProperties === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closed) out.additionalProperties = false;
  return out;
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
