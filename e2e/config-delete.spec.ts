import { expect, test } from '@playwright/test';

const ISTIO = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo';

test('delete a Gateway that VirtualServices are bound to: the dialog lists them, asks for its name, and the history restores it', async ({ page, request }) => {
  const name = `e2e-gw-${Date.now() % 100000}`;
  const gateway = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace: 'bookinfo' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [`${name}.example.com`] }] },
  };
  const boundVs = (vsName: string, gateways: string[]) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: vsName, namespace: 'bookinfo' },
    spec: { hosts: [`${vsName}.example.com`], gateways, http: [{ route: [{ destination: { host: 'productpage' } }] }] },
  });
  expect((await request.post(`${ISTIO}/gateways`, { data: gateway })).status()).toBe(201);
  expect((await request.post(`${ISTIO}/virtualservices`, { data: boundVs(`${name}-a`, [name]) })).status()).toBe(201);
  expect((await request.post(`${ISTIO}/virtualservices`, { data: boundVs(`${name}-b`, [`bookinfo/${name}`]) })).status()).toBe(201);

  await page.goto(`/config/gateways.networking.istio.io/bookinfo/${name}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete Gateway bookinfo/${name}?` });
  await expect(dialog).toContainText('2 objects reference it');
  const references = dialog.getByRole('list', { name: 'Referenced by' });
  await expect(references.getByRole('listitem')).toHaveText([
    `VirtualService bookinfo/${name}-a is bound to it`,
    `VirtualService bookinfo/${name}-b is bound to it`,
  ]);
  const confirm = dialog.getByRole('button', { name: 'Delete Gateway' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${name} to confirm` }).fill(name);
  await confirm.click();

  await expect(page.getByText(`Gateway bookinfo/${name} does not exist`)).toBeVisible();
  expect((await request.get(`${ISTIO}/gateways/${name}`)).status()).toBe(404);

  const history = page.getByRole('region', { name: 'History' });
  const deleted = history.getByRole('row').filter({ hasText: 'Deleted' });
  await expect(deleted).toBeVisible();
  await deleted.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByRole('dialog', { name: /^Restore version/ }).getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByText(`Gateway bookinfo/${name} is back at version`)).toBeVisible({ timeout: 20_000 });
  const restored = await request.get(`${ISTIO}/gateways/${name}`);
  expect(restored.status()).toBe(200);
  expect((await restored.json()).spec).toEqual(gateway.spec);
});

test('delete an object nobody references without typing its name', async ({ page, request }) => {
  const name = `e2e-lonely-${Date.now() % 100000}`;
  const rule = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace: 'bookinfo' }, spec: { host: 'no-such-service' } };
  expect((await request.post(`${ISTIO}/destinationrules`, { data: rule })).status()).toBe(201);
  await page.goto(`/config/destinationrules.networking.istio.io/bookinfo/${name}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete DestinationRule bookinfo/${name}?` });
  await expect(dialog).toContainText('No Istio or Gateway API object references it.');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete DestinationRule' }).click();
  await expect(page.getByText(`DestinationRule bookinfo/${name} does not exist`)).toBeVisible();
  expect((await request.get(`${ISTIO}/destinationrules/${name}`)).status()).toBe(404);
});
