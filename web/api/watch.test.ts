import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import type { KubeList, KubeObject, WatchEvent } from '../../mesh/kube-types';
import { ConnectionMonitor } from './connection';
import { controlledStream, eventually, fakeFetch, jsonResponse, statusResponse } from './fake-fetch';
import type { ControlledStream, RecordedRequest } from './fake-fetch';
import { KubeClient } from './kube';
import { memoryTokenStore } from './token-store';

const POD = findKind('', 'Pod')!;
const pod = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', resourceVersion: rv } });

/** A fake API server: lists answer from `listRv`, each watch request gets a stream the test drives. */
function server() {
  const streams: ControlledStream[] = [];
  const watches: RecordedRequest[] = [];
  const state = { listRv: '10', failNextWatch: 0, goneNextWatch: false };
  const fake = fakeFetch((request, signal) => {
    if (request.url.searchParams.get('watch') !== '1') {
      return jsonResponse({ kind: 'PodList', metadata: { resourceVersion: state.listRv }, items: [pod('a', state.listRv)] });
    }
    watches.push(request);
    if (state.failNextWatch > 0) {
      state.failNextWatch -= 1;
      throw new TypeError('connection refused');
    }
    if (state.goneNextWatch) {
      state.goneNextWatch = false;
      return statusResponse(410, 'Expired', 'too old resource version');
    }
    const stream = controlledStream(signal);
    streams.push(stream);
    return stream.response;
  });
  const monitor = new ConnectionMonitor();
  const client = new KubeClient({ fetch: fake.fetch, tokens: memoryTokenStore(), monitor, retryDelay: () => 1 });
  return { client, streams, watches, state, requests: fake.requests };
}

function collect() {
  const syncs: KubeList[] = [];
  const events: WatchEvent<KubeObject>[] = [];
  const errors: Error[] = [];
  return {
    syncs,
    events,
    errors,
    onSync: (list: KubeList) => syncs.push(list),
    onEvent: (event: WatchEvent<KubeObject>) => events.push(event),
    onError: (error: Error) => errors.push(error),
  };
}

describe('watch', () => {
  it('lists first, then streams events from the list resourceVersion', async () => {
    const { client, streams, watches } = server();
    const abort = new AbortController();
    const sink = collect();
    const done = client.watch(POD, { namespace: 'ns', signal: abort.signal, ...sink });
    await eventually(() => streams.length === 1);
    expect(sink.syncs[0]?.items).toHaveLength(1);
    expect(watches[0]?.url.pathname).toBe('/k8s/api/v1/namespaces/ns/pods');
    expect(watches[0]?.url.searchParams.get('resourceVersion')).toBe('10');
    expect(watches[0]?.url.searchParams.get('allowWatchBookmarks')).toBe('true');
    streams[0]?.push({ type: 'ADDED', object: pod('b', '11') });
    streams[0]?.push({ type: 'DELETED', object: pod('a', '12') });
    await eventually(() => sink.events.length === 2);
    expect(sink.events.map((e) => [e.type, e.object.metadata.name])).toEqual([['ADDED', 'b'], ['DELETED', 'a']]);
    abort.abort();
    await done;
  });

  it('resumes from the last resourceVersion seen (bookmarks included) when the stream ends', async () => {
    const { client, streams, watches, requests } = server();
    const abort = new AbortController();
    const sink = collect();
    const done = client.watch(POD, { resourceVersion: '5', signal: abort.signal, ...sink });
    await eventually(() => streams.length === 1);
    streams[0]?.push({ type: 'MODIFIED', object: pod('a', '6') });
    streams[0]?.push({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '9' } } });
    streams[0]?.end();
    await eventually(() => streams.length === 2);
    expect(watches.map((w) => w.url.searchParams.get('resourceVersion'))).toEqual(['5', '9']);
    expect(sink.events).toHaveLength(1);
    expect(requests.filter((r) => r.url.searchParams.get('watch') !== '1')).toHaveLength(0);
    abort.abort();
    await done;
  });

  it('lists again when the server answers 410 Gone, in the stream or as the response', async () => {
    const { client, streams, watches, state } = server();
    const abort = new AbortController();
    const sink = collect();
    state.goneNextWatch = true;
    const done = client.watch(POD, { resourceVersion: '1', signal: abort.signal, ...sink });
    await eventually(() => streams.length === 1);
    expect(sink.syncs).toHaveLength(1);
    state.listRv = '30';
    streams[0]?.push({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' } });
    await eventually(() => streams.length === 2);
    expect(sink.syncs.map((list) => list.metadata.resourceVersion)).toEqual(['10', '30']);
    expect(watches.at(-1)?.url.searchParams.get('resourceVersion')).toBe('30');
    expect(sink.errors).toHaveLength(0);
    abort.abort();
    await done;
  });

  it('backs off and retries from the same resourceVersion while the server is unreachable', async () => {
    const { client, streams, watches, state } = server();
    const abort = new AbortController();
    const sink = collect();
    state.failNextWatch = 2;
    const done = client.watch(POD, { resourceVersion: '7', signal: abort.signal, ...sink });
    await eventually(() => streams.length === 1);
    expect(sink.errors.map((e) => e.name)).toEqual(['ConnectionError', 'ConnectionError']);
    expect(watches.map((w) => w.url.searchParams.get('resourceVersion'))).toEqual(['7', '7', '7']);
    expect(client.monitor.getSnapshot().state).toBe('connected');
    abort.abort();
    await done;
  });

  it('reconnects when the stream breaks midway', async () => {
    const { client, streams } = server();
    const abort = new AbortController();
    const sink = collect();
    const done = client.watch(POD, { resourceVersion: '7', signal: abort.signal, ...sink });
    await eventually(() => streams.length === 1);
    streams[0]?.push({ type: 'ADDED', object: pod('x', '8') });
    await eventually(() => sink.events.length === 1);
    streams[0]?.fail(new TypeError('network error'));
    await eventually(() => streams.length === 2);
    expect(sink.errors[0]?.message).toBe('network error');
    abort.abort();
    await done;
  });

  it('stops, closing the stream, when aborted', async () => {
    const { client, streams } = server();
    const abort = new AbortController();
    const done = client.watch(POD, { resourceVersion: '7', signal: abort.signal, ...collect() });
    await eventually(() => streams.length === 1);
    abort.abort();
    await expect(done).resolves.toBeUndefined();
    expect(streams).toHaveLength(1);
  });
});
