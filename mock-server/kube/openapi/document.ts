import { createHash } from 'node:crypto';
import type { KindInfo } from '../../../mesh/kinds';
import { kindsIn, servedGroupVersions } from '../discovery/served-kinds';
import { SERVER_VERSION } from '../discovery/version';
import { kindPaths, type PathItems } from './paths';
import { lookupDefinition } from './schema-pool';
import { definitionName, LIST_META, STATUS } from './schema-names';
import { collectRefs, REF_PREFIX, type OpenApiSchema } from './schema-types';
import { describe } from './describe';

export interface ServedDocument {
  /** The document as JSON text, serialized once. */
  json: string;
  /** Upper-case hex SHA-512 of the text, as the real server puts in serverRelativeURL. */
  hash: string;
}

/** "api/v1" or "apis/networking.istio.io/v1": the key of a group-version in the /openapi/v3 index. */
export function documentKey(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

const documents = new Map<string, ServedDocument>();

/** The OpenAPI v3 document of one served group-version, or undefined if none is served. */
export function groupVersionDocument(group: string, version: string): ServedDocument | undefined {
  const key = documentKey(group, version);
  const cached = documents.get(key);
  if (cached) return cached;
  const kinds = kindsIn(group, version);
  if (kinds.length === 0) return undefined;
  const json = JSON.stringify(buildDocument(kinds, version));
  const served = { json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() };
  documents.set(key, served);
  return served;
}

/** The /openapi/v3 index: every served group-version and the URL of its document. */
export function openApiIndex(): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, versions } of servedGroupVersions()) {
    for (const version of versions) {
      const doc = groupVersionDocument(group, version);
      const key = documentKey(group, version);
      if (doc) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` };
    }
  }
  return { paths };
}

function buildDocument(kinds: readonly KindInfo[], version: string): object {
  const schemas: Record<string, OpenApiSchema> = {};
  let paths: PathItems = {};
  for (const info of kinds) {
    const name = definitionName(info.group, version, info.kind);
    const schema = lookupDefinition(name);
    if (!schema) throw new Error(`no OpenAPI schema for ${name}; regenerate with npm run gen:openapi`);
    const gvk = (kind: string) => [{ group: info.group, kind, version }];
    schemas[name] = { ...schema, 'x-kubernetes-group-version-kind': gvk(info.kind) };
    schemas[`${name}List`] = { ...listSchema(info, schema, name), 'x-kubernetes-group-version-kind': gvk(`${info.kind}List`) };
    paths = { ...paths, ...kindPaths(info, version) };
  }
  addReferencedDefinitions(schemas, [STATUS]);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))),
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
  };
}

function listSchema(info: KindInfo, kindSchema: OpenApiSchema, kindDefinition: string): OpenApiSchema {
  return {
    description: `${info.kind}List is a list of ${info.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: kindSchema.properties?.apiVersion ?? { type: 'string' },
      items: describe({ type: 'array', items: { $ref: REF_PREFIX + kindDefinition } }, `List of ${info.plural}.`),
      kind: kindSchema.properties?.kind ?? { type: 'string' },
      metadata: describe(
        { $ref: REF_PREFIX + LIST_META },
        'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      ),
    },
  };
}

/** Adds every definition the schemas refer to, transitively, so the document stands on its own. */
function addReferencedDefinitions(schemas: Record<string, OpenApiSchema>, extra: readonly string[]): void {
  const pending = [...extra];
  for (const schema of Object.values(schemas)) {
    const refs = new Set<string>();
    collectRefs(schema, refs);
    pending.push(...refs);
  }
  while (pending.length > 0) {
    const name = pending.pop();
    if (name === undefined || name in schemas) continue;
    const schema = lookupDefinition(name);
    if (!schema) throw new Error(`OpenAPI definition ${name} is referenced but missing`);
    schemas[name] = schema;
    const refs = new Set<string>();
    collectRefs(schema, refs);
    pending.push(...refs);
  }
}
