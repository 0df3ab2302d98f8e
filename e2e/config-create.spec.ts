import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { pasteIntoEditor } from './helpers';

// These flows load the code editor (a large chunk) several times.
test.setTimeout(120_000);

const API = '/k8s/apis/networking.istio.io/v1/namespaces';

async function review(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Review/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Plan:/ })).toBeVisible();
}

test('create an Istio Gateway from its template in the selected namespace', async ({ page, request }) => {
  await page.goto('/config?ns=bookinfo');
  await page.getByRole('link', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/config\/new\?ns=bookinfo/);
  await expect(page.getByRole('textbox', { name: 'Namespace for objects without one' })).toHaveValue('bookinfo');

  await page.getByLabel('Start from a template').selectOption({ label: 'Gateway (Istio)' });
  await expect(page.locator('.create-editor')).toContainText('name: public-gateway', { timeout: 60_000 });
  await review(page);
  await expect(page.getByRole('status').filter({ hasText: 'Plan: create 1, update 0, unchanged 0.' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();

  const created = await request.get(`${API}/bookinfo/gateways/public-gateway`);
  expect(created.status()).toBe(200);
  expect((await created.json()).spec.servers[0].hosts).toEqual(['app.example.com']);

  await page.getByRole('link', { name: 'Gateway bookinfo/public-gateway' }).click();
  await expect(page.getByRole('heading', { name: 'public-gateway', level: 1 })).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: /History/ }).click();
  await expect(history.getByRole('row').filter({ hasText: 'Created' })).toBeVisible();
});

const MANIFEST = (name: string, lb: string) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${name}
spec:
  selector:
    istio: ingressgateway
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["${name}.example.com"]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
spec:
  host: ratings
  trafficPolicy:
    loadBalancer:
      simple: ${lb}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
spec:
  hosts:
    - ${name}.example.com
  gateways:
    - ${name}
  http:
    - route:
        - destination:
            host: ratings
`;

test('paste multi-document YAML: errors per document at their lines, then create, then nothing to do, then one update', async ({ page, request }) => {
  const name = `e2e-paste-${Date.now() % 100000}`;
  await page.goto('/config/new?ns=bookinfo');
  const editor = page.locator('.create-editor');

  await pasteIntoEditor(page, editor, MANIFEST(name, 'FASTEST'));
  await review(page);
  const plan = page.getByRole('list', { name: 'Plan' });
  await expect(plan.locator(':scope > li')).toHaveCount(3);
  const broken = plan.locator(':scope > li').filter({ hasText: `DestinationRule bookinfo/${name}` });
  await expect(broken).toContainText('line 20');
  await expect(broken).toContainText('spec.trafficPolicy.loadBalancer.simple: Unsupported value: "FASTEST"');
  await expect(plan.locator(':scope > li').filter({ hasText: `Gateway bookinfo/${name}` })).toContainText('create');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  await pasteIntoEditor(page, editor, MANIFEST(name, 'ROUND_ROBIN'));
  await expect(page.getByText('The YAML changed since: review again.')).toBeVisible();
  await review(page);
  await expect(page.getByRole('status').filter({ hasText: 'Plan: create 3, update 0, unchanged 0.' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  const results = page.getByRole('list', { name: 'Apply results' });
  await expect(results.locator(':scope > li').filter({ hasText: 'created' })).toHaveCount(3);
  expect((await request.get(`${API}/bookinfo/virtualservices/${name}`)).status()).toBe(200);

  await review(page);
  await expect(page.getByRole('status').filter({ hasText: 'Plan: create 0, update 0, unchanged 3.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  await pasteIntoEditor(page, editor, MANIFEST(name, 'LEAST_REQUEST'));
  await review(page);
  await expect(page.getByRole('status').filter({ hasText: 'Plan: create 0, update 1, unchanged 2.' })).toBeVisible();
  await plan.locator(':scope > li').filter({ hasText: 'update' }).getByRole('button', { name: 'Diff' }).click();
  const diff = page.getByRole('dialog', { name: `Update DestinationRule bookinfo/${name}` });
  await expect(diff).toContainText('ROUND_ROBIN');
  await expect(diff).toContainText('LEAST_REQUEST');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  const live = await (await request.get(`${API}/bookinfo/destinationrules/${name}`)).json();
  expect(live.spec.trafficPolicy.loadBalancer.simple).toBe('LEAST_REQUEST');
});
