import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import type { KubeList } from '../../mesh/kube-types';
import { controlledStream, eventually, fakeFetch, jsonResponse } from './fake-fetch';
import type { ControlledStream, RecordedRequest } from './fake-fetch';
import { KubeClient } from './kube';
import { ListWatchRegistry, listQueryKey } from './watch-registry';
import type { ListScope, WatchRegistryOptions } from './watch-registry';

const POD = findKind('', 'Pod')!;
const SVC = findKind('', 'Service')!;
const pod = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', resourceVersion: rv } });

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setup(options: WatchRegistryOptions = {}) {
  const streams: { request: RecordedRequest; stream: ControlledStream }[] = [];
  const fake = fakeFetch((request, signal) => {
    if (request.url.searchParams.get('watch') === '1') {
      const stream = controlledStream(signal);
      streams.push({ request, stream });
      return stream.response;
    }
    return jsonResponse({ metadata: { resourceVersion: '10' }, items: [pod('a', '10'), pod('b', '10')] });
  });
  const queryClient = new QueryClient();
  const client = new KubeClient({ fetch: fake.fetch, retryDelay: () => 1 });
  const registry = new ListWatchRegistry(client, queryClient, { releaseDelayMs: 10, flushDelayMs: 1, pollIntervalMs: 20, ...options });
  cleanups.push(() => registry.dispose(), () => queryClient.clear());
  const lists = () => fake.requests.filter((r) => r.url.searchParams.get('watch') !== '1');
  const names = (scope: ListScope) =>
    queryClient.getQueryData<KubeList>(listQueryKey(scope))?.items.map((item) => item.metadata.name) ?? [];
  return { registry, streams, lists, names, queryClient };
}

describe('ListWatchRegistry', () => {
  it('lists once and applies watch events to the cached list', async () => {
    const { registry, streams, lists, names } = setup();
    const scope = { kind: POD, namespace: 'ns' };
    registry.retain(scope);
    await eventually(() => streams.length === 1);
    expect(lists()).toHaveLength(1);
    expect(streams[0]?.request.url.searchParams.get('resourceVersion')).toBe('10');
    streams[0]?.stream.push({ type: 'ADDED', object: pod('c', '11') });
    streams[0]?.stream.push({ type: 'DELETED', object: pod('a', '12') });
    await eventually(() => names(scope).join() === 'b,c');
  });

  it('shares one watch between all holders and closes it after the last lets go', async () => {
    const { registry, streams } = setup();
    const scope = { kind: POD, namespace: 'ns' };
    const releaseOne = registry.retain(scope);
    const releaseTwo = registry.retain({ kind: POD, namespace: 'ns' });
    await eventually(() => streams.length === 1);
    releaseOne();
    expect(registry.stats()).toEqual({ watching: 1, polling: 0 });
    releaseTwo();
    await eventually(() => registry.stats().watching === 0);
    expect(streams).toHaveLength(1);
  });

  it('polls the scopes beyond the watch budget, lowest priority first', async () => {
    const { registry, streams, lists } = setup({ maxWatches: 1 });
    registry.retain({ kind: SVC }, 0);
    registry.retain({ kind: POD }, 1);
    await eventually(() => streams.length === 1);
    expect(streams[0]?.request.url.pathname).toBe('/k8s/api/v1/pods');
    await eventually(() => lists().filter((r) => r.url.pathname === '/k8s/api/v1/services').length >= 3);
    expect(registry.stats()).toEqual({ watching: 1, polling: 1 });
  });

  it('does not list a polled scope again at once when its list is already in the cache', async () => {
    const { registry, streams, lists, queryClient } = setup({ maxWatches: 1, pollIntervalMs: 150 });
    const services = () => lists().filter((r) => r.url.pathname === '/k8s/api/v1/services');
    queryClient.setQueryData(listQueryKey({ kind: SVC }), { metadata: { resourceVersion: '9' }, items: [] });
    registry.retain({ kind: POD }, 1);
    registry.retain({ kind: SVC }, 0);
    await eventually(() => streams.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(services()).toHaveLength(0);
    await eventually(() => services().length === 1);
  });

  it('keeps the cached list when a poll brings the same objects at the same versions', async () => {
    const { registry, streams, lists, queryClient } = setup({ maxWatches: 1 });
    const services = () => lists().filter((r) => r.url.pathname === '/k8s/api/v1/services');
    registry.retain({ kind: POD }, 1);
    registry.retain({ kind: SVC }, 0);
    await eventually(() => streams.length === 1 && services().length >= 1);
    const key = listQueryKey({ kind: SVC });
    const first = queryClient.getQueryState(key);
    expect(first?.data).toBeDefined();
    await eventually(() => services().length >= 3);
    // Not even an update of the same data: the screens showing it have nothing to do.
    expect(queryClient.getQueryState(key)?.dataUpdatedAt).toBe(first?.dataUpdatedAt);
    expect(queryClient.getQueryData(key)).toBe(first?.data);
  });

  it('follows a single object, ignoring events about others', async () => {
    const { registry, streams, names } = setup();
    const scope = { kind: POD, namespace: 'ns', name: 'a' };
    registry.retain(scope);
    await eventually(() => streams.length === 1);
    expect(streams[0]?.request.url.searchParams.get('fieldSelector')).toBe('metadata.name=a');
    expect(names(scope)).toEqual(['a']);
    streams[0]?.stream.push({ type: 'ADDED', object: pod('zzz', '11') });
    streams[0]?.stream.push({ type: 'DELETED', object: pod('a', '12') });
    await eventually(() => names(scope).length === 0);
  });

  it('relists and rewatches everything on restart (a new identity signed in)', async () => {
    const { registry, streams, lists } = setup();
    registry.retain({ kind: POD, namespace: 'ns' });
    await eventually(() => streams.length === 1);
    registry.restartAll();
    await eventually(() => streams.length === 2);
    expect(lists()).toHaveLength(2);
  });
});
