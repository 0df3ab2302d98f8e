/** Writing one config object safely: create or update with the loaded resourceVersion, optionally as a dry run. */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import type { KubeClient } from './kube';

export interface SaveRequest {
  readonly kind: KindInfo;
  /** The object as the user wants it. */
  readonly object: KubeObject;
  /** The object as it was loaded into the editor; absent when creating. */
  readonly base?: KubeObject;
  /** Ask the server to validate only (`dryRun=All`). */
  readonly dryRun?: boolean;
  /** Overwrite whatever is live now, deliberately (after a conflict). */
  readonly overwrite?: boolean;
}

export interface SaveResult {
  readonly object: KubeObject;
  readonly action: 'created' | 'updated';
}

/**
 * Creates the object when there is no base, otherwise replaces it carrying the base's resourceVersion, so that a
 * concurrent change ends in a 409 Conflict (a KubeApiError) instead of being overwritten.
 */
export async function saveObject(client: KubeClient, request: SaveRequest): Promise<SaveResult> {
  const { kind, object, base, dryRun } = request;
  const options = { dryRun };
  if (!base) return { object: await client.create(kind, object, options), action: 'created' };
  const resourceVersion = request.overwrite ? undefined : base.metadata.resourceVersion;
  const body: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion } };
  return { object: await client.update(kind, body, options), action: 'updated' };
}
