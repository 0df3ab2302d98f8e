/** Reading and writing an object's history ConfigMap, safely against other consoles writing it too. */
import { findKind } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { appendVersion, emptyHistoryConfigMap, historyLocation, parseHistory } from './config-history-format';
import type { AppendOptions, HistoryEntry, HistoryTarget, NewVersion } from './config-history-format';
import { KubeApiError } from './errors';
import type { KubeClient } from './kube';

const CONFIG_MAP = findKind('', 'ConfigMap') as KindInfo;
const MAX_ATTEMPTS = 6;

/** The versions recorded for the object, oldest first; none when it has no history yet. */
export async function readHistory(client: KubeClient, target: HistoryTarget, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return parseHistory(await getHistoryConfigMap(client, target, signal));
}

async function getHistoryConfigMap(client: KubeClient, target: HistoryTarget, signal?: AbortSignal): Promise<KubeObject | undefined> {
  const { namespace, name } = historyLocation(target);
  try {
    return await client.get(CONFIG_MAP, namespace, name, signal);
  } catch (error) {
    if (error instanceof KubeApiError && error.isNotFound) return undefined;
    throw error;
  }
}

/**
 * Appends a version (see appendVersion) with a read-modify-write guarded by the ConfigMap's
 * resourceVersion: when another console wrote in between, the server answers 409 and we start over
 * from what it wrote, so neither console's entry is lost.
 */
export async function recordVersion(
  client: KubeClient,
  target: HistoryTarget,
  next: NewVersion,
  previous: KubeObject | undefined,
  options: AppendOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await getHistoryConfigMap(client, target);
    const updated = appendVersion(current ?? emptyHistoryConfigMap(target), next, previous, options);
    try {
      if (current) await client.update(CONFIG_MAP, updated);
      else await client.create(CONFIG_MAP, updated);
      return;
    } catch (error) {
      // 409 is both "stale resourceVersion" and "someone created it first".
      if (!(error instanceof KubeApiError && error.code === 409) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

const identities = new WeakMap<KubeClient, { token: string | undefined; user: Promise<string> }>();

/** The signed-in user's name, asked once per client and token; empty when the server will not say. */
export function currentUser(client: KubeClient): Promise<string> {
  const token = client.tokens.get();
  const cached = identities.get(client);
  if (cached && cached.token === token) return cached.user;
  const user = client.selfSubjectReview().then(
    (identity) => identity.username,
    () => {
      identities.delete(client);
      return '';
    },
  );
  identities.set(client, { token, user });
  return user;
}
