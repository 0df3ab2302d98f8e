import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { pasteIntoEditor } from './helpers';

// These flows load the code editor (a large chunk) several times.
test.setTimeout(120_000);

const RULES = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/destinationrules';

const rule = (name: string, simple: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      simple: ${simple}
`;

/** A change made through the console: the create page applies it like `kubectl apply`. */
async function applyThroughConsole(page: Page, yaml: string): Promise<void> {
  await page.goto('/config/new?ns=bookinfo');
  await pasteIntoEditor(page, page.locator('.create-editor'), yaml);
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Plan: create 0, update 1, unchanged 0.' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
}

async function balancer(request: APIRequestContext, name: string): Promise<string> {
  return (await (await request.get(`${RULES}/${name}`)).json()).spec.trafficPolicy.loadBalancer.simple;
}

test('two console changes are recorded with who and when; rolling back restores the first version, and a concurrent change is caught', async ({ page, request }) => {
  const name = `e2e-history-${Date.now() % 100000}`;
  const created = await request.post(RULES, {
    data: { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace: 'bookinfo' }, spec: { host: 'ratings', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } } },
  });
  expect(created.status()).toBe(201);
  await applyThroughConsole(page, rule(name, 'RANDOM'));
  await applyThroughConsole(page, rule(name, 'LEAST_REQUEST'));
  expect(await balancer(request, name)).toBe('LEAST_REQUEST');

  await page.goto(`/config/destinationrules.networking.istio.io/bookinfo/${name}`);
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: /History/ }).click();
  const rows = history.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('#3');
  await expect(rows.nth(1)).toContainText('Updated');
  await expect(rows.nth(1)).toContainText('system:admin');
  await expect(rows.nth(3)).toContainText('Changed outside Meshdeck');

  await rows.nth(3).getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare versions' });
  await expect(compare).toContainText('ROUND_ROBIN');
  await expect(compare).toContainText('LEAST_REQUEST');
  await compare.getByRole('combobox', { name: 'Compare to' }).selectOption('2');
  await expect(compare).toContainText('RANDOM');
  await page.keyboard.press('Escape');

  // Someone else changes the object while the rollback is being reviewed.
  await rows.nth(3).getByRole('button', { name: 'Roll back to this version' }).click();
  const rollback = page.getByRole('dialog', { name: 'Roll back to version #1' });
  await expect(rollback).toContainText('LEAST_REQUEST');
  const live = await (await request.get(`${RULES}/${name}`)).json();
  live.spec.trafficPolicy.loadBalancer.simple = 'LEAST_CONN';
  expect((await request.put(`${RULES}/${name}`, { data: live })).status()).toBe(200);
  await rollback.getByRole('button', { name: 'Roll back' }).click();
  await expect(rollback.getByRole('alert')).toContainText(`DestinationRule bookinfo/${name} was changed by someone else`);
  await expect(rollback).toContainText('LEAST_CONN');
  expect(await balancer(request, name)).toBe('LEAST_CONN');

  await rollback.getByRole('button', { name: 'Roll back' }).click();
  await expect(rollback).toContainText('is back at version #1');
  expect(await balancer(request, name)).toBe('ROUND_ROBIN');
  await rollback.getByRole('button', { name: 'Done' }).click();
  await expect(rows.nth(1)).toContainText('Rolled back');
});
