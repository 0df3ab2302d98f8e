/**
 * Keeps react-query's cached lists current from watches: one watch per (kind, namespace[, name]),
 * shared by every component that shows it, closed a little after the last one unmounts.
 *
 * Browsers allow only six HTTP/1.1 connections per origin and a watch holds one open for good, so
 * at most `maxWatches` scopes are watched at once (highest priority first) and the others are
 * re-listed on an interval until a watch slot frees up.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { KindInfo } from '../../mesh/kinds';
import { kindId } from '../../mesh/kinds';
import type { KubeList, KubeObject, WatchEvent } from '../../mesh/kube-types';
import { ConnectionError, KubeApiError } from './errors';
import type { KubeClient } from './kube';
import { applyWatchEvents, sameObjects } from './list-cache';
import { sleep } from './sleep';
import { defaultRetryDelay } from './watch';

export interface ListScope {
  readonly kind: KindInfo;
  readonly namespace?: string;
  /** Narrows the list to one object: how a detail page follows a single resource. */
  readonly name?: string;
}

export function listQueryKey(scope: ListScope): QueryKey {
  return ['kube', 'list', kindId(scope.kind), scope.namespace ?? '', scope.name ?? ''];
}

export interface WatchRegistryOptions {
  maxWatches?: number;
  pollIntervalMs?: number;
  /** How long a scope nobody shows keeps its watch, so that quick navigation does not churn. */
  releaseDelayMs?: number;
  /** Watch events are applied in batches at most this often. */
  flushDelayMs?: number;
  retryDelay?: (attempt: number) => number;
}

type Mode = 'idle' | 'watch' | 'poll';

interface Entry {
  readonly id: string;
  readonly scope: ListScope;
  readonly queryKey: QueryKey;
  readonly order: number;
  priorities: number[];
  mode: Mode;
  abort?: AbortController;
  releaseTimer?: ReturnType<typeof setTimeout>;
  pending: WatchEvent<KubeObject>[];
  flushTimer?: ReturnType<typeof setTimeout>;
}

export class ListWatchRegistry {
  private readonly entries = new Map<string, Entry>();
  private nextOrder = 0;
  private readonly maxWatches: number;
  private readonly pollIntervalMs: number;
  private readonly releaseDelayMs: number;
  private readonly flushDelayMs: number;
  private readonly retryDelay: (attempt: number) => number;

  constructor(
    private readonly client: KubeClient,
    private readonly queryClient: QueryClient,
    options: WatchRegistryOptions = {},
  ) {
    this.maxWatches = options.maxWatches ?? 4;
    this.pollIntervalMs = options.pollIntervalMs ?? 10_000;
    this.releaseDelayMs = options.releaseDelayMs ?? 3_000;
    this.flushDelayMs = options.flushDelayMs ?? 50;
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
  }

  /** The list request behind a scope: react-query's queryFn for it. */
  async fetchList(scope: ListScope, signal?: AbortSignal): Promise<KubeList> {
    const { kind, namespace, name } = scope;
    const fieldSelector = name ? `metadata.name=${name}` : undefined;
    const list = await this.client.list(kind, { namespace, fieldSelector, signal });
    return name ? { ...list, items: list.items.filter((item) => item.metadata.name === name) } : list;
  }

  /** Keeps `scope` current until the returned function is called. Higher priority gets a watch first. */
  retain(scope: ListScope, priority = 0): () => void {
    const id = JSON.stringify(listQueryKey(scope));
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, scope, queryKey: listQueryKey(scope), order: this.nextOrder++, priorities: [], mode: 'idle', pending: [] };
      this.entries.set(id, entry);
    }
    const held = entry;
    clearTimeout(held.releaseTimer);
    held.releaseTimer = undefined;
    held.priorities.push(priority);
    this.rebalance();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.priorities.splice(held.priorities.indexOf(priority), 1);
      if (held.priorities.length > 0) return this.rebalance();
      held.releaseTimer = setTimeout(() => this.drop(held), this.releaseDelayMs);
    };
  }

  /** Starts every watch again from a fresh list: after sign-in, when the identity (and its RBAC) changed. */
  restartAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.mode === 'idle') continue;
      const mode = entry.mode;
      this.stop(entry);
      this.start(entry, mode, true);
    }
  }

  /** How many scopes are watched and polled right now. */
  stats(): { watching: number; polling: number } {
    let watching = 0;
    let polling = 0;
    for (const entry of this.entries.values()) {
      if (entry.mode === 'watch') watching += 1;
      if (entry.mode === 'poll') polling += 1;
    }
    return { watching, polling };
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.releaseTimer);
      this.stop(entry);
    }
    this.entries.clear();
  }

  private drop(entry: Entry): void {
    this.stop(entry);
    this.entries.delete(entry.id);
    this.rebalance();
  }

  private rebalance(): void {
    const live = [...this.entries.values()].filter((entry) => entry.priorities.length > 0 || entry.releaseTimer);
    live.sort((a, b) => Math.max(...b.priorities, -1) - Math.max(...a.priorities, -1) || a.order - b.order);
    live.forEach((entry, rank) => {
      let wanted: Mode = rank < this.maxWatches ? 'watch' : 'poll';
      // A scope nobody shows any more keeps a watch it already has, but is not worth a new request.
      if (entry.priorities.length === 0) wanted = wanted === 'watch' && entry.mode === 'watch' ? 'watch' : 'idle';
      if (entry.mode === wanted) return;
      this.stop(entry);
      if (wanted !== 'idle') this.start(entry, wanted, false);
    });
  }

  private start(entry: Entry, mode: Mode, forceRelist: boolean): void {
    const abort = new AbortController();
    entry.abort = abort;
    entry.mode = mode;
    const run = mode === 'watch' ? this.watch(entry, abort.signal, forceRelist) : this.poll(entry, abort.signal);
    void run.catch(() => undefined);
  }

  private stop(entry: Entry): void {
    entry.abort?.abort();
    entry.abort = undefined;
    entry.mode = 'idle';
    clearTimeout(entry.flushTimer);
    entry.flushTimer = undefined;
    entry.pending = [];
  }

  private async watch(entry: Entry, signal: AbortSignal, forceRelist: boolean): Promise<void> {
    const initial = await this.initialList(entry, signal, forceRelist);
    if (!initial || signal.aborted) return;
    const monitor = this.client.monitor;
    await this.client.watch(entry.scope.kind, {
      namespace: entry.scope.namespace,
      fieldSelector: entry.scope.name ? `metadata.name=${entry.scope.name}` : undefined,
      resourceVersion: initial.metadata.resourceVersion,
      signal,
      onSync: (list) => {
        entry.pending = [];
        this.queryClient.setQueryData(entry.queryKey, this.narrow(entry, list));
      },
      onEvent: (event) => {
        if (entry.scope.name && event.object.metadata.name !== entry.scope.name) return;
        entry.pending.push(event);
        entry.flushTimer ??= setTimeout(() => this.flush(entry), this.flushDelayMs);
      },
      onOpen: () => monitor.reportSuccess(),
      onError: (error) => {
        // The transport already reported failed requests; a stream that broke midway it could not see.
        if (!(error instanceof ConnectionError) && !(error instanceof KubeApiError)) monitor.reportConnectionFailure(error);
      },
    });
  }

  /** The cached list to resume from, or a fresh one; retried with backoff until it arrives or we stop. */
  private async initialList(entry: Entry, signal: AbortSignal, forceRelist: boolean): Promise<KubeList | undefined> {
    for (let attempt = 1; !signal.aborted; attempt += 1) {
      const cached = this.queryClient.getQueryData<KubeList>(entry.queryKey);
      if (cached && !forceRelist) return cached;
      try {
        return await this.queryClient.fetchQuery({
          queryKey: entry.queryKey,
          queryFn: ({ signal: querySignal }) => this.fetchList(entry.scope, querySignal),
          staleTime: forceRelist ? 0 : Infinity,
          retry: false,
        });
      } catch {
        await sleep(this.retryDelay(attempt), signal);
      }
    }
    return undefined;
  }

  private async poll(entry: Entry, signal: AbortSignal): Promise<void> {
    // The list the screen just fetched (or is fetching) is the first round: the next one is due an interval later.
    const state = this.queryClient.getQueryState(entry.queryKey);
    if (state?.data !== undefined || state?.fetchStatus === 'fetching') await sleep(this.pollIntervalMs, signal);
    while (!signal.aborted) {
      try {
        const list = await this.fetchList(entry.scope, signal);
        const cached = this.queryClient.getQueryData<KubeList>(entry.queryKey);
        if (!signal.aborted && !(cached && sameObjects(cached, list))) this.queryClient.setQueryData(entry.queryKey, list);
      } catch {
        // The connection monitor shows the failure; the next round tries again.
      }
      await sleep(this.pollIntervalMs, signal);
    }
  }

  private flush(entry: Entry): void {
    entry.flushTimer = undefined;
    const events = entry.pending;
    entry.pending = [];
    this.queryClient.setQueryData<KubeList>(entry.queryKey, (list) => (list ? applyWatchEvents(list, events) : list));
  }

  private narrow(entry: Entry, list: KubeList): KubeList {
    const { name } = entry.scope;
    return name ? { ...list, items: list.items.filter((item) => item.metadata.name === name) } : list;
  }
}
