/**
 * Writing one config object safely: create or update with the loaded resourceVersion, optionally as
 * a dry run; every real change is recorded in the object's history in the cluster.
 */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { currentUser, recordVersion } from './config-history';
import type { HistoryAction } from './config-history-format';
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
  /** Recorded in the history instead of create/update, e.g. a rollback to an earlier version. */
  readonly historyAction?: Extract<HistoryAction, 'rollback'>;
}

export interface SaveResult {
  readonly object: KubeObject;
  readonly action: 'created' | 'updated';
  /** The change was made but could not be recorded in the history (e.g. no permission on ConfigMaps). */
  readonly historyError?: Error;
}

/**
 * Creates the object when there is no base, otherwise replaces it carrying the base's resourceVersion, so that a
 * concurrent change ends in a 409 Conflict (a KubeApiError) instead of being overwritten.
 */
export async function saveObject(client: KubeClient, request: SaveRequest): Promise<SaveResult> {
  const { kind, object, base, dryRun } = request;
  const options = { dryRun };
  if (!base) {
    const created = await client.create(kind, object, options);
    if (dryRun) return { object: created, action: 'created' };
    const historyError = await record(client, kind, created, request.historyAction ?? 'create', undefined);
    return { object: created, action: 'created', historyError };
  }
  // After a conflict the base is stale: what gets replaced is whatever is live now.
  const previous = request.overwrite && !dryRun ? await liveOrBase(client, kind, base) : base;
  const resourceVersion = request.overwrite ? undefined : base.metadata.resourceVersion;
  const body: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion } };
  const updated = await client.update(kind, body, options);
  const changed = updated.metadata.resourceVersion !== previous.metadata.resourceVersion;
  if (dryRun || !changed) return { object: updated, action: 'updated' };
  const historyError = await record(client, kind, updated, request.historyAction ?? 'update', previous);
  return { object: updated, action: 'updated', historyError };
}

export interface DeleteRequest {
  readonly kind: KindInfo;
  /** The object as the user saw it when confirming; the delete fails with 409 if it changed since. */
  readonly object: KubeObject;
}

/** Deletes the object if it is still the version the user saw, and records that version so it can be restored. */
export async function deleteObject(client: KubeClient, request: DeleteRequest): Promise<{ historyError?: Error }> {
  const { kind, object } = request;
  const { namespace, name = '', resourceVersion, uid } = object.metadata;
  await client.delete(kind, namespace, name, { preconditions: { resourceVersion, uid } });
  return { historyError: await record(client, kind, object, 'delete', undefined) };
}

async function liveOrBase(client: KubeClient, kind: KindInfo, base: KubeObject): Promise<KubeObject> {
  try {
    return await client.get(kind, base.metadata.namespace, base.metadata.name ?? '');
  } catch {
    return base;
  }
}

async function record(
  client: KubeClient,
  kind: KindInfo,
  object: KubeObject,
  action: HistoryAction,
  previous: KubeObject | undefined,
): Promise<Error | undefined> {
  try {
    const user = await currentUser(client);
    const target = { kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
    await recordVersion(client, target, { action, object, user, time: new Date().toISOString() }, previous);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
