/** The OpenAPI v3 schemas the API server publishes, as a JSON Schema for the YAML editor. */
import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { kindId, preferredVersion } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import { useKubeApi } from './context';
import type { KubeClient } from './kube';
import { buildEditorSchema, withDefinitions } from './openapi-schema';
import type { JsonSchema, SchemaSource } from './openapi-schema';

export type { JsonSchema } from './openapi-schema';

/** `/openapi/v3/apis/<group>/<version>` (or `/openapi/v3/api/v1`): what this cluster serves, not what the console was built with. */
export function fetchOpenApiDocument(client: KubeClient, group: string, version: string, signal?: AbortSignal): Promise<unknown> {
  const path = group ? `/openapi/v3/apis/${group}/${version}` : `/openapi/v3/api/${version}`;
  return client.transport.json('GET', path, { signal });
}

export interface EditorSchemaResult {
  /** Undefined until the documents arrived, or when the server publishes none for these kinds. */
  readonly schema: JsonSchema | undefined;
  readonly error: Error | null;
}

const built = new Map<string, { documents: readonly unknown[]; schema: JsonSchema | undefined }>();

/** Built once per set of documents: a new schema object restarts the editor's YAML worker. */
function schemaFor(kinds: readonly KindInfo[], documents: readonly unknown[]): JsonSchema | undefined {
  const key = kinds.map(kindId).join(',');
  const cached = built.get(key);
  if (cached && cached.documents.every((document, index) => document === documents[index])) return cached.schema;
  const sources: SchemaSource[] = kinds.map((kind, index) => ({ kind, version: preferredVersion(kind), document: documents[index] }));
  const schema = buildEditorSchema(withDefinitions(sources));
  built.set(key, { documents, schema });
  return schema;
}

/** A schema for YAML holding objects of `kinds` (a stable array), at their preferred versions. */
export function useEditorSchema(kinds: readonly KindInfo[]): EditorSchemaResult {
  const { client } = useKubeApi();
  const combine = useCallback(
    (results: UseQueryResult<unknown>[]): EditorSchemaResult => {
      const error = results.find((result) => result.error)?.error ?? null;
      if (results.some((result) => result.data === undefined)) return { schema: undefined, error };
      return { schema: schemaFor(kinds, results.map((result) => result.data)), error };
    },
    [kinds],
  );
  return useQueries({
    queries: kinds.map((kind) => {
      const version = preferredVersion(kind);
      return {
        queryKey: ['kube', 'openapi', kind.group, version],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchOpenApiDocument(client, kind.group, version, signal),
        staleTime: Infinity,
        gcTime: Infinity,
        retry: 1,
        refetchOnWindowFocus: false,
      };
    }),
    combine,
  });
}
