/** Metadata the server owns: generated names, server-managed fields, what bumps generation. */
import type { KubeObject, ObjectMeta } from '../../mesh/kube-types';

const GENERATED_SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export function generatedSuffix(): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += GENERATED_SUFFIX_CHARS[Math.floor(Math.random() * GENERATED_SUFFIX_CHARS.length)];
  return suffix;
}

/** Everything but metadata and status: a change to it bumps `generation`. */
export function desiredState(obj: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, status: _status, apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}

/** Server-managed metadata first, in the order the API server writes it; client input cannot set those. */
export function serverMetadata(input: ObjectMeta, managed: ObjectMeta): ObjectMeta {
  const {
    uid: _uid,
    resourceVersion: _rv,
    generation: _generation,
    creationTimestamp: _created,
    deletionTimestamp: _deleted,
    managedFields: _managed,
    name: _name,
    namespace: _namespace,
    ...rest
  } = input;
  return { ...managed, ...rest };
}
