/**
 * The console's apply path against the mock API server: every object of the demo mesh and every
 * manifest in e2e/fixtures/manifests goes load → edit nothing → apply, and nothing changes.
 *
 * "No change" means: the plan marks every document unchanged; applying anyway (a PUT with the loaded
 * resourceVersion) leaves each object byte-for-byte as it was (same resourceVersion and generation);
 * and nothing is recorded in the history, since nothing happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KINDS, KINDS } from '../mesh/kinds';
import type { KubeObject } from '../mesh/kube-types';
import { applyPlan, planApply } from '../web/api/config-apply';
import type { PlannedDocument } from '../web/api/config-apply';
import { cleanForApply, parseManifest, toYamlStream } from '../web/api/config-apply-yaml';
import { MANAGED_BY_LABEL } from '../web/api/config-history-format';
import { saveObject } from '../web/api/config-save';
import { templateFor } from '../web/features/config/create/templates';
import { startDemoMockApi } from './mock-api';

const MANIFESTS = path.resolve(import.meta.dirname, '../e2e/fixtures/manifests');
const CONFIG_MAP = KINDS.find((k) => k.kind === 'ConfigMap');

const api = startDemoMockApi();

/** Every object the documents name, as the server has it now. */
async function liveObjects(plan: readonly PlannedDocument[]): Promise<KubeObject[]> {
  return Promise.all(
    plan.map(({ kind, desired }) => {
      if (!kind || !desired) throw new Error('a document without an object');
      return api.client.get(kind, desired.metadata.namespace, desired.metadata.name ?? '');
    }),
  );
}

/** Plans `text`, expects nothing to do, then applies every document anyway and expects nothing to change. */
async function expectNoChange(text: string): Promise<void> {
  const documents = parseManifest(text);
  expect(documents.flatMap((d) => d.problems.map((p) => `line ${p.line}: ${p.message}`))).toEqual([]);
  const plan = await planApply(api.client, documents);
  const changing = plan.filter((p) => p.action !== 'unchanged').map((p) => `${p.action} ${p.desired?.kind}/${p.desired?.metadata.name}: ${p.problems.map((x) => x.message).join('; ')}`);
  expect(changing).toEqual([]);
  const before = await liveObjects(plan);
  for (const [index, planned] of plan.entries()) {
    if (!planned.kind || !planned.desired) continue;
    const saved = await saveObject(api.client, { kind: planned.kind, object: planned.desired, base: before[index] });
    expect(saved.object.metadata.resourceVersion, `${planned.desired.kind} ${planned.desired.metadata.name}`).toBe(before[index]?.metadata.resourceVersion);
  }
  const after = await liveObjects(plan);
  expect(after).toEqual(before);
}

async function historyConfigMaps(): Promise<KubeObject[]> {
  if (!CONFIG_MAP) throw new Error('ConfigMap is not a known kind');
  return (await api.client.list(CONFIG_MAP, { labelSelector: `${MANAGED_BY_LABEL}=meshdeck` })).items;
}

describe('load → edit nothing → apply changes nothing', () => {
  it('for every object of the demo mesh, of every kind', async () => {
    const objects: KubeObject[] = [];
    for (const kind of KINDS) objects.push(...(await api.client.list(kind)).items);
    expect(objects.length).toBeGreaterThan(100);
    await expectNoChange(toYamlStream(objects.map(cleanForApply)));
    expect(await historyConfigMaps()).toEqual([]);
  }, 120_000);

  const files = fs.readdirSync(MANIFESTS).filter((file) => file.endsWith('.yaml'));

  it('finds the manifests', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('for %s, once applied: as written, and as loaded back from the server', async (file) => {
    const text = fs.readFileSync(path.join(MANIFESTS, file), 'utf8');
    const plan = await planApply(api.client, parseManifest(text));
    expect(plan.flatMap((p) => p.problems.map((x) => `${p.desired?.metadata.name}: line ${x.line}: ${x.message}`))).toEqual([]);
    expect(plan.every((p) => p.action === 'create')).toBe(true);
    const applied = await applyPlan(api.client, plan);
    expect(applied.map((a) => a.status)).toEqual(plan.map(() => 'created'));

    await expectNoChange(text);
    await expectNoChange(toYamlStream((await liveObjects(plan)).map(cleanForApply)));
  }, 60_000);
});

describe('the create page templates', () => {
  it.each(CONFIG_KINDS.map((kind) => [kind.kind, kind] as const))('%s passes the server dry run as written', async (_, kind) => {
    const plan = await planApply(api.client, parseManifest(templateFor(kind, 'default')));
    expect(plan.map((p) => [p.action, p.problems.map((x) => `line ${x.line}: ${x.message}`)])).toEqual([['create', []]]);
  });
});
