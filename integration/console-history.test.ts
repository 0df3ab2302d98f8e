/** The console's change history, kept in ConfigMaps, against the mock API server. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findKind } from '../mesh/kinds';
import type { KindInfo } from '../mesh/kinds';
import type { KubeObject } from '../mesh/kube-types';
import { readHistory, recordVersion } from '../web/api/config-history';
import { historyLocation } from '../web/api/config-history-format';
import { deleteObject, saveObject } from '../web/api/config-save';
import { KubeApiError } from '../web/api/errors';
import { KubeClient } from '../web/api/kube';
import { startDemoMockApi } from './mock-api';

const DR = findKind('networking.istio.io', 'DestinationRule') as KindInfo;
const CONFIG_MAP = findKind('', 'ConfigMap') as KindInfo;

const api = startDemoMockApi();

function withLb(object: KubeObject, simple: string): KubeObject {
  return { ...object, spec: { ...object.spec, trafficPolicy: { loadBalancer: { simple } } } };
}

describe('history of changes made through the console', () => {
  const target = { kind: DR, namespace: 'bookinfo', name: 'ratings' };

  it('keeps the replaced version, then every change with who, when and resourceVersion', async () => {
    const original = await api.client.get(DR, 'bookinfo', 'ratings');
    await saveObject(api.client, { kind: DR, object: withLb(original, 'RANDOM'), base: original, dryRun: true });
    expect(await readHistory(api.client, target)).toEqual([]);

    const first = await saveObject(api.client, { kind: DR, object: withLb(original, 'RANDOM'), base: original });
    expect(first.historyError).toBeUndefined();
    const second = await saveObject(api.client, { kind: DR, object: withLb(first.object, 'LEAST_REQUEST'), base: first.object });
    const entries = await readHistory(api.client, target);
    expect(entries.map((e) => [e.action, e.resourceVersion, e.user])).toEqual([
      ['observed', original.metadata.resourceVersion, ''],
      ['update', first.object.metadata.resourceVersion, 'system:admin'],
      ['update', second.object.metadata.resourceVersion, 'system:admin'],
    ]);
    expect(parse(entries[1]?.yaml ?? '')).toMatchObject({ kind: 'DestinationRule', spec: { trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } } });
    expect(Date.parse(entries[2]?.time ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const cm = await api.client.get(CONFIG_MAP, 'bookinfo', historyLocation(target).name);
    expect(cm.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'meshdeck', 'meshdeck.io/history-of-name': 'ratings' });
  });

  it('rolls back to a recorded version through the same guarded save', async () => {
    const live = await api.client.get(DR, 'bookinfo', 'ratings');
    const observed = (await readHistory(api.client, target))[0];
    const chosen = parse(observed?.yaml ?? '') as KubeObject;
    const rolledBack = await saveObject(api.client, { kind: DR, object: chosen, base: live, historyAction: 'rollback' });
    expect(rolledBack.object.spec).toEqual(chosen.spec);
    expect((await readHistory(api.client, target)).at(-1)?.action).toBe('rollback');
    await expect(saveObject(api.client, { kind: DR, object: chosen, base: live })).rejects.toMatchObject({ code: 409 });
  });

  it('loses no entry when two consoles record at the same time', async () => {
    const other = new KubeClient({ baseUrl: api.mock.url });
    const shared = { kind: DR, namespace: 'bookinfo', name: 'details' };
    const object = await api.client.get(DR, 'bookinfo', 'details');
    const version = (n: number) => ({ ...object, metadata: { ...object.metadata, resourceVersion: `race-${n}` } });
    const record = (who: KubeClient, n: number) =>
      recordVersion(who, shared, { action: 'update', object: version(n), user: `user-${n}`, time: new Date().toISOString() }, undefined, { limit: 20 });
    await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => record(n % 2 ? api.client : other, n)));
    const entries = await readHistory(api.client, shared);
    expect(entries.map((e) => e.resourceVersion).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `race-${n}`));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('records a delete so the object can be restored, and refuses to delete a version that changed', async () => {
    const live = await api.client.get(DR, 'bookinfo', 'reviews');
    await expect(deleteObject(api.client, { kind: DR, object: { ...live, metadata: { ...live.metadata, resourceVersion: '1' } } })).rejects.toBeInstanceOf(KubeApiError);
    const { historyError } = await deleteObject(api.client, { kind: DR, object: live });
    expect(historyError).toBeUndefined();
    await expect(api.client.get(DR, 'bookinfo', 'reviews')).rejects.toMatchObject({ code: 404 });

    const history = await readHistory(api.client, { kind: DR, namespace: 'bookinfo', name: 'reviews' });
    expect(history.map((e) => [e.action, e.resourceVersion])).toEqual([['delete', live.metadata.resourceVersion]]);
    const restored = await saveObject(api.client, { kind: DR, object: parse(history[0]?.yaml ?? '') as KubeObject, historyAction: 'rollback' });
    expect(restored.object.spec).toEqual(live.spec);
    expect((await readHistory(api.client, { kind: DR, namespace: 'bookinfo', name: 'reviews' })).map((e) => e.action)).toEqual(['delete', 'rollback']);
  });
});
