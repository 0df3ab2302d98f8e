import { describe, expect, it } from 'vitest';
import { findKind, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { ApiError } from './errors';
import { buildObjectFilter } from './object-filter';
import { ObjectStore } from './store';
import type { ChangeType } from './watch-hub';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(name);
  return info;
}

const VS = kind('networking.istio.io', 'VirtualService');
const POD = kind('', 'Pod');
const NS = kind('', 'Namespace');
const CM = kind('', 'ConfigMap');

function virtualService(name: string, hosts: string[] = [name], namespace = 'default'): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace }, spec: { hosts } };
}

async function codeOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

describe('ObjectStore', () => {
  it('starts with the namespaces every cluster has and counts as empty', async () => {
    const store = await ObjectStore.open();
    expect(store.list(NS).items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(store.isEmpty()).toBe(true);
    await store.create(VS, virtualService('reviews'));
    expect(store.isEmpty()).toBe(false);
  });

  it('creates objects with uid, generation, timestamps and increasing resourceVersions', async () => {
    const store = await ObjectStore.open({ now: () => new Date('2025-01-02T03:04:05.678Z') });
    const a = await store.create(VS, virtualService('a'));
    const b = await store.create(VS, virtualService('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.generation).toBe(1);
    expect(a.metadata.creationTimestamp).toBe('2025-01-02T03:04:05Z');
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(store.resourceVersion).toBe(Number(b.metadata.resourceVersion));
  });

  it('returns frozen objects that callers cannot change', async () => {
    const store = await ObjectStore.open();
    const input = virtualService('reviews');
    const created = await store.create(VS, input);
    expect(() => {
      (created.spec as { hosts: string[] }).hosts.push('x');
    }).toThrow(TypeError);
    (input.spec as { hosts: string[] }).hosts.push('changed-after-create');
    expect(store.get(VS, 'default', 'reviews')?.spec).toEqual({ hosts: ['reviews'] });
  });

  it('rejects duplicates, missing namespaces and missing names', async () => {
    const store = await ObjectStore.open();
    await store.create(VS, virtualService('reviews'));
    expect(await codeOf(store.create(VS, virtualService('reviews')))).toBe(409);
    expect(await codeOf(store.create(VS, virtualService('x', ['x'], 'nowhere')))).toBe(404);
    expect(await codeOf(store.create(VS, { ...virtualService('x'), metadata: { namespace: 'default' } }))).toBe(422);
  });

  it('generates names from generateName', async () => {
    const store = await ObjectStore.open();
    const created = await store.create(VS, { ...virtualService('x'), metadata: { namespace: 'default', generateName: 'canary-' } });
    expect(created.metadata.name).toMatch(/^canary-[a-z0-9]{5}$/);
  });

  it('bumps generation only when the spec changes, and skips no-op updates', async () => {
    const store = await ObjectStore.open();
    const created = await store.create(VS, virtualService('reviews'));
    const labelled = await store.update(VS, { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const withStatus = await store.update(VS, { ...labelled, status: { ok: true } });
    expect(withStatus.metadata.generation).toBe(1);
    const changed = await store.update(VS, { ...withStatus, spec: { hosts: ['reviews', 'more'] } });
    expect(changed.metadata.generation).toBe(2);
    const same = await store.update(VS, changed);
    expect(same.metadata.resourceVersion).toBe(changed.metadata.resourceVersion);
  });

  it('compares everything but metadata and status for kinds without a spec', async () => {
    const store = await ObjectStore.open();
    const cm = await store.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } });
    const updated = await store.update(CM, { ...cm, data: { a: '2' } });
    expect(updated.metadata.generation).toBe(2);
  });

  it('refuses an update with a stale resourceVersion', async () => {
    const store = await ObjectStore.open();
    const created = await store.create(VS, virtualService('reviews'));
    await store.update(VS, { ...created, spec: { hosts: ['one'] } });
    const error = await store.update(VS, { ...created, spec: { hosts: ['two'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status.message).toBe(
      'Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('dry runs without storing', async () => {
    const store = await ObjectStore.open();
    const before = store.resourceVersion;
    const created = await store.create(VS, virtualService('reviews'), { dryRun: true });
    expect(created.metadata.uid).toBeDefined();
    expect(store.get(VS, 'default', 'reviews')).toBeUndefined();
    expect(store.resourceVersion).toBe(before);
  });

  it('deletes a namespace with everything in it', async () => {
    const store = await ObjectStore.open();
    await store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } });
    await store.create(VS, virtualService('reviews', ['reviews'], 'bookinfo'));
    await store.create(POD, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'bookinfo' }, spec: {} });
    await store.create(VS, virtualService('kept'));
    await store.delete(NS, undefined, 'bookinfo');
    expect(store.list(VS).items.map((o) => o.metadata.name)).toEqual(['kept']);
    expect(store.count(POD)).toBe(0);
  });

  it('lists in namespace/name order with selectors and pagination', async () => {
    const store = await ObjectStore.open();
    await store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a-b' } });
    for (const [ns, name] of [['default', 'z'], ['a-b', 'y'], ['default', 'a']] as const) {
      await store.create(VS, { ...virtualService(name, [name], ns), metadata: { name, namespace: ns, labels: { app: name } } });
    }
    expect(store.list(VS).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a-b/y', 'default/a', 'default/z']);
    expect(store.list(VS, { namespace: 'default' }).items.map((o) => o.metadata.name)).toEqual(['a', 'z']);
    const filter = buildObjectFilter(VS, { labelSelector: 'app in (a,y)' });
    expect(store.list(VS, { filter }).items.map((o) => o.metadata.name)).toEqual(['y', 'a']);
    const first = store.list(VS, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.remainingItemCount).toBe(1);
    const second = store.list(VS, { limit: 2, continueAfter: first.continueAfter });
    expect(second.items.map((o) => o.metadata.name)).toEqual(['z']);
    expect(second.continueAfter).toBeUndefined();
  });

  it('filters pods by field selectors', async () => {
    const store = await ObjectStore.open();
    for (const [name, phase] of [['p1', 'Running'], ['p2', 'Pending']]) {
      await store.create(POD, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'n1' }, status: { phase } });
    }
    const filter = buildObjectFilter(POD, { fieldSelector: 'status.phase=Running,spec.nodeName=n1' });
    expect(store.list(POD, { filter }).items.map((o) => o.metadata.name)).toEqual(['p1']);
    expect(() => buildObjectFilter(VS, { fieldSelector: 'spec.hosts=x' })).toThrow(ApiError);
  });
});

describe('ObjectStore watches', () => {
  function recorder(): { events: string[]; send: (type: ChangeType, obj: KubeObject) => void } {
    const events: string[] = [];
    return { events, send: (type, obj) => events.push(`${type} ${obj.metadata.name ?? ''} ${obj.metadata.resourceVersion ?? ''}`) };
  }

  it('delivers ADDED, MODIFIED and DELETED in order, resuming from a resourceVersion', async () => {
    const store = await ObjectStore.open();
    const start = store.resourceVersion;
    const a = await store.create(VS, virtualService('a'));
    await store.update(VS, { ...a, spec: { hosts: ['x'] } });
    const early = recorder();
    store.watch(VS, { send: early.send }, start);
    await store.delete(VS, 'default', 'a');
    expect(early.events.map((e) => e.split(' ')[0])).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    const rvs = early.events.map((e) => Number(e.split(' ')[2]));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
  });

  it('answers 410 Expired for a resourceVersion older than the history', async () => {
    const store = await ObjectStore.open({ watchHistory: 2 });
    const start = store.resourceVersion;
    for (const name of ['a', 'b', 'c']) await store.create(VS, virtualService(name));
    let error: unknown;
    try {
      store.watch(VS, { send: () => undefined }, start);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toMatchObject({ code: 410, reason: 'Expired' });
    const recent = recorder();
    store.watch(VS, { send: recent.send }, store.resourceVersion - 1);
    expect(recent.events).toHaveLength(1);
  });

  it('shows objects entering and leaving a label selector as ADDED and DELETED', async () => {
    const store = await ObjectStore.open();
    const seen = recorder();
    store.watch(VS, { send: seen.send, filter: buildObjectFilter(VS, { labelSelector: 'canary=true' }) }, store.resourceVersion);
    const a = await store.create(VS, virtualService('a'));
    const labelled = await store.update(VS, { ...a, metadata: { ...a.metadata, labels: { canary: 'true' } } });
    const relabelled = await store.update(VS, { ...labelled, metadata: { ...labelled.metadata, labels: { canary: 'true', x: 'y' } } });
    await store.update(VS, { ...relabelled, metadata: { ...relabelled.metadata, labels: {} } });
    expect(seen.events.map((e) => e.split(' ')[0])).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('filters by namespace and stops after unsubscribe', async () => {
    const store = await ObjectStore.open();
    await store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const seen = recorder();
    const stop = store.watch(VS, { send: seen.send, namespace: 'default' }, store.resourceVersion);
    await store.create(VS, virtualService('mine'));
    await store.create(VS, virtualService('theirs', ['t'], 'other'));
    stop();
    await store.create(VS, virtualService('later'));
    expect(seen.events.map((e) => e.split(' ')[1])).toEqual(['mine']);
  });

  it('tells change listeners about every kind', async () => {
    const store = await ObjectStore.open();
    const kinds: string[] = [];
    store.onChange(({ info, event }) => kinds.push(`${info.kind}:${event.type}`));
    await store.create(VS, virtualService('a'));
    await store.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    expect(kinds).toEqual(['VirtualService:ADDED', 'ConfigMap:ADDED']);
  });
});
