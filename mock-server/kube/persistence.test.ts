import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findKind, type KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { JOURNAL_FILE } from './journal';
import { ObjectStore } from './store';

function kind(group: string, name: string): KindInfo {
  const info = findKind(group, name);
  if (!info) throw new Error(name);
  return info;
}

const VS = kind('networking.istio.io', 'VirtualService');
const NS = kind('', 'Namespace');

function virtualService(name: string, namespace = 'default'): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace }, spec: { hosts: [name] } };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ObjectStore persistence', () => {
  it('keeps every acknowledged write across a crash (no clean close)', async () => {
    const dataDir = tempDir();
    const first = await ObjectStore.open({ dataDir });
    await first.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } });
    const a = await first.create(VS, virtualService('a', 'bookinfo'));
    await first.update(VS, { ...a, spec: { hosts: ['changed'] } });
    await first.create(VS, virtualService('b', 'bookinfo'));
    await first.delete(VS, 'bookinfo', 'b');
    const lastVersion = first.resourceVersion;
    // No close(): the second store reads the same directory as a restarted process would.
    const second = await ObjectStore.open({ dataDir });
    expect(second.get(VS, 'bookinfo', 'a')?.spec).toEqual({ hosts: ['changed'] });
    expect(second.get(VS, 'bookinfo', 'a')?.metadata.uid).toBe(a.metadata.uid);
    expect(second.get(VS, 'bookinfo', 'b')).toBeUndefined();
    expect(second.resourceVersion).toBe(lastVersion);
    expect(second.isEmpty()).toBe(false);
    const next = await second.create(VS, virtualService('c', 'bookinfo'));
    expect(Number(next.metadata.resourceVersion)).toBe(lastVersion + 1);
    await second.close();
  });

  it('answers 410 to watches from before the restart', async () => {
    const dataDir = tempDir();
    const first = await ObjectStore.open({ dataDir });
    const before = first.resourceVersion;
    await first.create(VS, virtualService('a'));
    await first.close();
    const second = await ObjectStore.open({ dataDir });
    expect(() => second.watch(VS, { send: () => undefined }, before)).toThrow(/too old resource version/);
    await second.close();
  });

  it('tolerates a torn last line and compacts the journal on start', async () => {
    const dataDir = tempDir();
    const first = await ObjectStore.open({ dataDir });
    await first.create(VS, virtualService('kept'));
    await first.close();
    const file = path.join(dataDir, JOURNAL_FILE);
    fs.appendFileSync(file, '{"op":"put","kind":"virtualservices.networking.istio.io","object":{"apiVer');
    const second = await ObjectStore.open({ dataDir });
    expect(second.get(VS, 'default', 'kept')).toBeDefined();
    await second.create(VS, virtualService('after'));
    await second.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.every((line) => JSON.parse(line) !== undefined)).toBe(true);
    const third = await ObjectStore.open({ dataDir });
    expect(third.list(VS).items.map((o) => o.metadata.name)).toEqual(['after', 'kept']);
    await third.close();
  });

  it('refuses a journal corrupted before its last line', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, JOURNAL_FILE), 'garbage\n{"op":"version","resourceVersion":3}\n');
    await expect(ObjectStore.open({ dataDir })).rejects.toThrow(/line 1 is corrupt/);
  });

  it('starts over when asked for a fresh store', async () => {
    const dataDir = tempDir();
    const first = await ObjectStore.open({ dataDir });
    await first.create(VS, virtualService('a'));
    await first.close();
    const fresh = await ObjectStore.open({ dataDir, fresh: true });
    expect(fresh.isEmpty()).toBe(true);
    await fresh.close();
  });

  it('seeds only objects that do not exist yet, namespaces first', async () => {
    const store = await ObjectStore.open();
    await store.seed([virtualService('a', 'bookinfo'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } }]);
    await store.seed([virtualService('a', 'bookinfo')]);
    expect(store.list(VS).items).toHaveLength(1);
    expect(store.get(NS, undefined, 'bookinfo')?.status).toEqual({ phase: 'Active' });
  });
});
