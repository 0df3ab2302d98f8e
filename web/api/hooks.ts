/** React hooks over the adapter: what features use to read the cluster. */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KindInfo } from '../../mesh/kinds';
import { kindId } from '../../mesh/kinds';
import type { KubeList, KubeObject } from '../../mesh/kube-types';
import type { ConnectionStatus } from './connection';
import { useKubeApi } from './context';
import type { KubeApi } from './kube-api';
import { isKubeApiError } from './errors';
import type { ServerVersion } from './kube';
import { listQueryKey } from './watch-registry';
import type { ListScope } from './watch-registry';

export interface KubeListResult {
  readonly items: readonly KubeObject[];
  /** True until the first list arrives. */
  readonly isLoading: boolean;
  readonly error: Error | null;
}

export interface ListHookOptions {
  /** Scopes with higher priority get a watch first when the connection budget is short. */
  priority?: number;
  enabled?: boolean;
}

const NO_ITEMS: readonly KubeObject[] = [];
const NO_NAMESPACES: readonly string[] = [];

/** Lists `kind` (in `namespace`, or everywhere) and keeps the result current from a shared watch. */
export function useKubeList(kind: KindInfo, namespace?: string, options: ListHookOptions = {}): KubeListResult {
  const kinds = useMemo(() => [kind], [kind]);
  const namespaces = useMemo(() => (namespace ? [namespace] : NO_NAMESPACES), [namespace]);
  return useKubeListsIn(kinds, namespaces, options)[0] ?? EMPTY_RESULT;
}

/** `kind` in the given namespaces (all of them when empty); see useKubeListsIn. */
export function useKubeListIn(kind: KindInfo, namespaces: readonly string[], options: ListHookOptions = {}): KubeListResult {
  const kinds = useMemo(() => [kind], [kind]);
  return useKubeListsIn(kinds, namespaces, options)[0] ?? EMPTY_RESULT;
}

const EMPTY_RESULT: KubeListResult = { items: NO_ITEMS, isLoading: true, error: null };

/**
 * Several kinds in the given namespaces (all of them when empty), each kept current from a shared
 * watch. One namespace is listed on its own; several are one cluster-wide list filtered here, so
 * that each kind costs a single watch. `kinds` should be a stable array.
 */
export function useKubeListsIn(
  kinds: readonly KindInfo[],
  namespaces: readonly string[],
  options: ListHookOptions = {},
): readonly KubeListResult[] {
  const single = namespaces.length === 1 ? namespaces[0] : undefined;
  const scopes = useMemo(
    () => kinds.map((kind): ListScope => ({ kind, namespace: kind.namespaced ? single : undefined })),
    [kinds, single],
  );
  const wanted = namespaces.length > 1 ? namespaces.join('\n') : '';
  const combine = useCallback(
    (results: UseQueryResult<KubeList>[]): KubeListResult[] => {
      const allowed = wanted ? new Set(wanted.split('\n')) : undefined;
      return results.map((result, index) => {
        const items = result.data?.items ?? NO_ITEMS;
        const narrow = allowed && scopes[index]?.kind.namespaced;
        return {
          items: narrow ? items.filter((item) => allowed.has(item.metadata.namespace ?? '')) : items,
          isLoading: result.isPending && !result.error,
          error: result.error,
        };
      });
    },
    [wanted, scopes],
  );
  return useWatchedLists(scopes, options, combine);
}

/**
 * Several kinds in each of the given namespaces, listed and watched namespace by namespace (none when
 * `namespaces` is empty): for screens that need a few namespaces of a big cluster, where one
 * cluster-wide list would carry every other namespace too. Results come per kind, namespaces merged.
 */
export function useKubeListsInEach(
  kinds: readonly KindInfo[],
  namespaces: readonly string[],
  options: ListHookOptions = {},
): readonly KubeListResult[] {
  const key = [...new Set(namespaces)].sort().join('\n');
  const scopes = useMemo(
    () => (key ? key.split('\n') : []).flatMap((namespace) => kinds.map((kind): ListScope => ({ kind, namespace: kind.namespaced ? namespace : undefined }))),
    [kinds, key],
  );
  const combine = useCallback(
    (results: UseQueryResult<KubeList>[]): KubeListResult[] =>
      kinds.map((kind, k) => {
        const all = results.filter((_, index) => index % kinds.length === k);
        // A cluster-scoped kind is the same list in every namespace's scope: take it once.
        const parts = kind.namespaced ? all : all.slice(0, 1);
        const items = parts.length === 1 ? (parts[0]?.data?.items ?? NO_ITEMS) : parts.flatMap((p) => p.data?.items ?? []);
        return {
          items: items.length === 0 ? NO_ITEMS : items,
          isLoading: parts.some((p) => p.isPending && !p.error),
          error: parts.find((p) => p.error)?.error ?? null,
        };
      }),
    [kinds],
  );
  return useWatchedLists(scopes, options, combine);
}

export interface KubeObjectResult {
  readonly object: KubeObject | undefined;
  readonly isLoading: boolean;
  readonly error: Error | null;
  /** The list arrived and the object is not in it: it does not exist (any more). */
  readonly notFound: boolean;
}

/** One object, kept current from a watch narrowed to its name. */
export function useKubeObject(kind: KindInfo, namespace: string | undefined, name: string): KubeObjectResult {
  const scopes = useMemo<ListScope[]>(
    () => [{ kind, namespace: kind.namespaced ? namespace : undefined, name }],
    [kind, namespace, name],
  );
  const combine = useCallback((results: UseQueryResult<KubeList>[]): KubeObjectResult => {
    const result = results[0];
    const object = result?.data?.items[0];
    const loaded = result?.data !== undefined && !result.isPlaceholderData;
    return {
      object,
      isLoading: Boolean(result?.isPending && !result.error),
      error: result?.error ?? null,
      notFound: loaded && !object,
    };
  }, []);
  return useWatchedLists(scopes, { priority: 2 }, combine);
}

/** How a scope's list is asked for and kept: the same for the hooks and for prefetchKubeLists. */
function listQueryOptions(watches: KubeApi['watches'], scope: ListScope) {
  return {
    queryKey: listQueryKey(scope),
    queryFn: ({ signal }: { signal: AbortSignal }) => watches.fetchList(scope, signal),
    // The watch keeps the data fresh; refetching would only repeat the list.
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  };
}

/**
 * Starts listing `kinds` everywhere, as useKubeListsIn(kinds, []) will, for a screen whose code is
 * still loading: its hooks then find the lists in flight or in the cache.
 */
export function prefetchKubeLists(queryClient: QueryClient, api: KubeApi, kinds: readonly KindInfo[]): void {
  for (const kind of kinds) void queryClient.prefetchQuery(listQueryOptions(api.watches, { kind }));
}

/** The one list-with-watch mechanism behind every hook above. */
function useWatchedLists<Combined>(
  scopes: readonly ListScope[],
  options: ListHookOptions,
  combine: (results: UseQueryResult<KubeList>[]) => Combined,
): Combined {
  const { watches } = useKubeApi();
  const queryClient = useQueryClient();
  const enabled = options.enabled ?? true;
  const priority = options.priority ?? 1;
  const combined = useQueries({
    queries: scopes.map((scope) => ({ ...listQueryOptions(watches, scope), enabled, placeholderData: () => fromWiderList(queryClient, scope) })),
    combine,
  });
  useEffect(() => {
    if (!enabled) return;
    const releases = scopes.map((scope) => watches.retain(scope, priority));
    return () => releases.forEach((release) => release());
  }, [watches, scopes, priority, enabled]);
  return combined;
}

/** While a narrower list loads, show what a wider cached list already knows (instant namespace switch). */
function fromWiderList(queryClient: QueryClient, scope: ListScope): KubeList | undefined {
  const wider: ListScope[] = [{ kind: scope.kind }];
  if (scope.name && scope.namespace) wider.unshift({ kind: scope.kind, namespace: scope.namespace });
  for (const candidate of wider) {
    const list = queryClient.getQueryData<KubeList>(listQueryKey(candidate));
    if (!list) continue;
    const items = list.items.filter(
      (item) =>
        (!scope.namespace || item.metadata.namespace === scope.namespace) &&
        (!scope.name || item.metadata.name === scope.name),
    );
    return { ...list, items };
  }
  return undefined;
}

export interface CanIResult {
  /** Undefined until the server answered. */
  readonly allowed: boolean | undefined;
  readonly reason?: string;
  readonly isLoading: boolean;
}

/** Whether the signed-in identity may `verb` the kind (in a namespace): the answer RBAC gives. */
export function useCanI(verb: string, kind: KindInfo, namespace?: string): CanIResult {
  const { client } = useKubeApi();
  const ns = kind.namespaced ? namespace : undefined;
  const query = useQuery({
    queryKey: ['kube', 'access', verb, kindId(kind), ns ?? ''],
    queryFn: ({ signal }) =>
      client.selfSubjectAccessReview({ verb, group: kind.group, resource: kind.plural, namespace: ns }, signal),
    staleTime: 60_000,
    retry: (failures, error) => failures < 2 && !isKubeApiError(error),
  });
  return { allowed: query.data?.allowed, reason: query.data?.reason, isLoading: query.isPending };
}

export function useConnectionStatus(): ConnectionStatus {
  const { client } = useKubeApi();
  return useSyncExternalStore(client.monitor.subscribe, client.monitor.getSnapshot);
}

export function useServerVersion(): ServerVersion | undefined {
  const { client } = useKubeApi();
  const query = useQuery({
    queryKey: ['kube', 'version'],
    queryFn: ({ signal }) => client.serverVersion(signal),
    staleTime: Infinity,
    retry: false,
  });
  return query.data;
}

export interface Session {
  readonly hasToken: boolean;
  signIn(token: string): void;
  signOut(): void;
}

export function useSession(): Session {
  const { client } = useKubeApi();
  const { tokens } = client;
  const token = useSyncExternalStore(tokens.subscribe, tokens.get);
  const signIn = useCallback((next: string) => tokens.set(next.trim()), [tokens]);
  const signOut = useCallback(() => tokens.set(undefined), [tokens]);
  return { hasToken: Boolean(token), signIn, signOut };
}
