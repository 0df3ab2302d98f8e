import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import type { KubeObject, WatchEvent } from '../../mesh/kube-types';
import { createKubeServer } from './server';
import { ObjectStore } from './store';

const VS = findKind('networking.istio.io', 'VirtualService');
if (!VS) throw new Error('VirtualService');
const VS_KIND = VS;
const PATH = '/apis/networking.istio.io/v1/namespaces/default/virtualservices';

function virtualService(name: string): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: 'default' },
    spec: { hosts: [name], http: [{ route: [{ destination: { host: name } }] }] },
  };
}

let store: ObjectStore;
let app: FastifyInstance;
let base: string;

beforeEach(async () => {
  store = await ObjectStore.open({ watchHistory: 3 });
  app = await createKubeServer({ store, bookmarkIntervalMs: 50 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await app.close();
  await store.close();
});

/** Reads newline-delimited events until `done` says so or the stream ends. */
async function readEvents(response: Response, done: (events: WatchEvent[]) => boolean = () => false): Promise<WatchEvent[]> {
  const events: WatchEvent[] = [];
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) return events;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      events.push(JSON.parse(buffered.slice(0, newline)) as WatchEvent);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
    if (done(events)) {
      await reader.cancel();
      return events;
    }
  }
}

describe('watch streams', () => {
  it('sends the current state, then changes, and ends at timeoutSeconds', async () => {
    await store.create(VS_KIND, virtualService('existing'));
    const response = await fetch(`${base}${PATH}?watch=true&timeoutSeconds=1`);
    expect(response.headers.get('content-type')).toBe('application/json');
    setTimeout(() => void store.create(VS_KIND, virtualService('new')), 100);
    const events = await readEvents(response);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name ?? ''}`)).toEqual(['ADDED existing', 'ADDED new']);
  });

  it('resumes after a resourceVersion and answers an expired one with an ERROR event', async () => {
    const start = store.resourceVersion;
    for (const name of ['a', 'b', 'c', 'd']) await store.create(VS_KIND, virtualService(name));
    const expired = await readEvents(await fetch(`${base}${PATH}?watch=1&resourceVersion=${start}`));
    expect(expired).toEqual([
      { type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) },
    ]);
    const resumed = await readEvents(await fetch(`${base}${PATH}?watch=1&resourceVersion=${start + 2}&timeoutSeconds=1`));
    expect(resumed.map((e) => e.object.metadata.name)).toEqual(['c', 'd']);
  });

  it('sends bookmarks when allowed, and Tables when asked', async () => {
    const bookmarks = await readEvents(await fetch(`${base}${PATH}?watch=1&allowWatchBookmarks=true&resourceVersion=${store.resourceVersion}`), (events) => events.length >= 2);
    expect(bookmarks.map((e) => e.type)).toEqual(['BOOKMARK', 'BOOKMARK']);
    expect(bookmarks[0]?.object.metadata.resourceVersion).toBe(String(store.resourceVersion));
    await store.create(VS_KIND, virtualService('tabled'));
    const table = await fetch(`${base}${PATH}?watch=1`, { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    const [event] = await readEvents(table, (events) => events.length >= 1);
    expect(event?.object).toMatchObject({ kind: 'Table', rows: [{ cells: ['tabled', null, '["tabled"]', expect.stringMatching(/^\d+s$/)] }] });
  });

  it('unsubscribes when the client goes away, and closes open watches on shutdown', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}${PATH}?watch=1`, { signal: controller.signal });
    expect(store.watcherCount(VS_KIND)).toBe(1);
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.watcherCount(VS_KIND)).toBe(0);
    const lingering = await fetch(`${base}${PATH}?watch=1`);
    const ended = readEvents(lingering);
    await app.close();
    await expect(ended).resolves.toEqual([]);
    expect(store.watcherCount(VS_KIND)).toBe(0);
  });
});
