/** Hooks over an object's history and the signed-in identity. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { findKind } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import { historyLocation, parseHistory } from './config-history-format';
import type { HistoryEntry, HistoryTarget } from './config-history-format';
import { useKubeApi } from './context';
import { useKubeObject } from './hooks';
import type { UserIdentity } from './kube';

const CONFIG_MAP = findKind('', 'ConfigMap') as KindInfo;

export interface ObjectHistory {
  /** Oldest first. */
  readonly entries: readonly HistoryEntry[];
  readonly isLoading: boolean;
  readonly error: Error | null;
}

/** The versions recorded for an object, kept current from a watch on its history ConfigMap (other consoles write it too). */
export function useObjectHistory(target: HistoryTarget): ObjectHistory {
  const { namespace, name } = historyLocation(target);
  const { object, isLoading, error, notFound } = useKubeObject(CONFIG_MAP, namespace, name);
  const entries = useMemo(() => parseHistory(object), [object]);
  return { entries, isLoading: isLoading && !notFound, error: notFound ? null : error };
}

/** Who the API server says the signed-in user is; undefined until it answered (or if it will not say). */
export function useWhoAmI(): UserIdentity | undefined {
  const { client } = useKubeApi();
  const query = useQuery({
    queryKey: ['kube', 'whoami'],
    queryFn: ({ signal }) => client.selfSubjectReview(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data;
}
