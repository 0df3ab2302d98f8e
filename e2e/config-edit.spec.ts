import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { SECURED_CONSOLE_URL } from '../playwright.config';

const SERVICES = '/k8s/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices';

// The editor is a few megabytes of script that a busy machine needs a while to compile.
test.describe.configure({ timeout: 90_000 });
const EDITOR_LOAD = { timeout: 45_000 };
const SERVER_ANSWER = { timeout: 30_000 };

/** A VirtualService of its own per test, splitting reviews between two subsets the DestinationRule defines. */
async function createRoute(request: APIRequestContext, name: string): Promise<void> {
  const route = (subset: string) => ({ destination: { host: 'reviews', subset }, weight: 50 });
  const created = await request.post(SERVICES, {
    data: {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name, namespace: 'bookinfo' },
      spec: { hosts: ['reviews'], http: [{ route: [route('v1'), route('v2')] }] },
    },
  });
  expect(created.status()).toBe(201);
}

async function openEditor(page: Page, name: string, baseUrl = ''): Promise<Locator> {
  await page.goto(`${baseUrl}/config/virtualservices.networking.istio.io/bookinfo/${name}`);
  await page.getByRole('button', { name: /^(Edit|Edit draft|View in editor)$/ }).click();
  const editor = page.locator('.yaml-editor-host[data-editor-ready]');
  await expect(editor.locator('.view-line').first()).toBeVisible(EDITOR_LOAD);
  return editor;
}

/** Replaces every `from` with `to` through the editor's own find and replace, as a user would. */
async function replaceInEditor(page: Page, from: string, to: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+H');
  await page.keyboard.type(from);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(to);
  await page.keyboard.press('Control+Alt+Enter');
  await page.keyboard.press('Escape');
}

function problem(page: Page, text: string | RegExp): Locator {
  return page.getByRole('region', { name: 'Problems' }).getByRole('listitem').filter({ hasText: text });
}

/** The line a problem names, after checking that the editor marks that very line (gutter stripe and squiggle) and shows `expected` on it. */
async function expectMarkedLine(page: Page, item: Locator, severity: string, expected: string): Promise<number> {
  const line = Number(/Line (\d+)/.exec(await item.innerText())?.[1]);
  expect(line).toBeGreaterThan(0);
  await item.getByRole('button').click();
  // Monaco renders the gutter, the text and the squiggles as separate layers of rows placed at the same `top`.
  const rendered = () =>
    page.evaluate(
      ({ line, severity }) => {
        const margin = [...document.querySelectorAll<HTMLElement>('.margin-view-overlays > div')].find(
          (row) => row.querySelector('.line-numbers')?.textContent === String(line),
        );
        if (!margin) return undefined;
        const atTop = (layer: string) =>
          [...document.querySelectorAll<HTMLElement>(`${layer} > div`)].find((row) => row.style.top === margin.style.top);
        return {
          stripe: Boolean(margin.querySelector(`.md-line-${severity}`)),
          text: (atTop('.view-lines')?.textContent ?? '').replace(/\s/g, ' '),
          squiggle: Boolean(atTop('.view-overlays')?.querySelector(`.squiggly-${severity}`)),
        };
      },
      { line, severity },
    );
  await expect.poll(rendered).toEqual({ stripe: true, text: expect.stringContaining(expected), squiggle: true });
  return line;
}

test('a typo in a subset is marked at its line with the analysis code before anything is saved', async ({ page, request }) => {
  const name = `e2e-edit-typo-${Date.now()}`;
  await createRoute(request, name);
  await openEditor(page, name);
  await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('MD1002');

  await replaceInEditor(page, 'subset: v2', 'subset: v9');
  const item = problem(page, 'subset "v9"');
  await expect(item).toContainText('MD1002');
  await expect(item).toContainText('mesh analysis');
  await expectMarkedLine(page, item, 'error', 'subset: v9');

  const live = await (await request.get(`${SERVICES}/${name}`)).json();
  expect(live.spec.http[0].route[1].destination.subset).toBe('v2');
});

test('a dry run shows the API server refusal at the line of the field it names', async ({ page, request }) => {
  const name = `e2e-edit-dryrun-${Date.now()}`;
  await createRoute(request, name);
  await openEditor(page, name);
  await replaceInEditor(page, 'weight: 50', 'weight: 60');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Dry run' }).click();

  const refusal = problem(page, 'API server');
  await expect(refusal).toContainText('spec.http[0].route', SERVER_ANSWER);
  await expect(refusal).toContainText('120');
  await expectMarkedLine(page, refusal, 'error', 'route:');
  const live = await (await request.get(`${SERVICES}/${name}`)).json();
  expect(live.spec.http[0].route.map((r: { weight: number }) => r.weight)).toEqual([50, 50]);
});

test('a change made elsewhere while editing ends in the conflict view, and the merge is applied', async ({ page, request }) => {
  const name = `e2e-edit-conflict-${Date.now()}`;
  await createRoute(request, name);
  await openEditor(page, name);
  await replaceInEditor(page, 'weight: 50', 'weight: 25');

  // Another client labels the object and adds a timeout while the draft is open.
  const other = await request.patch(`${SERVICES}/${name}`, {
    headers: { 'content-type': 'application/merge-patch+json' },
    data: { metadata: { labels: { team: 'books' } } },
  });
  expect(other.ok()).toBe(true);
  await replaceInEditor(page, 'weight: 25', 'weight: 30');
  await page.locator('.view-line').filter({ hasText: 'subset: v2' }).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('70');

  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  const conflict = page.getByRole('region', { name: 'Conflict' });
  await expect(conflict).toContainText('was changed by someone else while you were editing', SERVER_ANSWER);
  await expect(conflict).toContainText('Merged automatically from the live version: metadata.resourceVersion, metadata.labels.');
  await expect(conflict).toContainText('No field was changed on both sides');
  await expect(conflict.getByLabel('Live now (read-only)')).toBeAttached();

  await conflict.getByRole('button', { name: 'Take the merge into the editor' }).click();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByText('Dry run passed')).toBeVisible(SERVER_ANSWER);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible(SERVER_ANSWER);

  const live = await (await request.get(`${SERVICES}/${name}`)).json();
  expect(live.metadata.labels).toEqual({ team: 'books' });
  expect(live.spec.http[0].route.map((r: { weight: number }) => r.weight)).toEqual([30, 70]);
});

test('a read-only identity gets a read-only editor that says why', async ({ page }) => {
  await page.goto(`${SECURED_CONSOLE_URL}/config/virtualservices.networking.istio.io/bookinfo/reviews`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to the Kubernetes API' });
  await dialog.getByLabel('Bearer token').fill('meshdeck-viewer-token');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'View in editor' }).click();
  await expect(page.locator('.yaml-editor-host[data-editor-ready] .view-line').first()).toBeVisible(EDITOR_LOAD);
  await expect(page.getByRole('note')).toContainText('Your identity may not update virtualservices in bookinfo');
  await expect(page.locator('.view-line').filter({ hasText: 'subset: v1' }).first()).toBeVisible();
  await page.locator('.view-line').filter({ hasText: 'subset: v1' }).first().click();
  await page.keyboard.type('x');
  await expect(page.locator('.view-line').filter({ hasText: 'subset: v1x' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Review changes' })).toHaveCount(0);
});

test('an unsaved edit survives a reload and can be restored or discarded', async ({ page, request }) => {
  const name = `e2e-edit-draft-${Date.now()}`;
  await createRoute(request, name);
  await openEditor(page, name);
  await replaceInEditor(page, 'subset: v2', 'subset: v3');
  await expect(page.locator('.view-line').filter({ hasText: 'subset: v3' })).toBeVisible();

  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'Unsaved edit' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore draft' }).click();
  await expect(page.locator('.view-line').filter({ hasText: 'subset: v3' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeEnabled();

  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.locator('.view-line').filter({ hasText: 'subset: v2' })).toBeVisible();
  await page.getByRole('button', { name: 'Close editor' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved edit' })).toHaveCount(0);
});
