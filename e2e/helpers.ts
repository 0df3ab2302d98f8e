import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The main table of a screen, by its accessible name ("Workloads", "Services", "Istio configuration"). */
export function table(page: Page, name: string): Locator {
  return page.getByRole('grid', { name });
}

/** Data rows of a table (the header row excluded). */
export function dataRows(page: Page, name: string): Locator {
  return table(page, name).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

export function row(page: Page, tableName: string, text: string | RegExp): Locator {
  return dataRows(page, tableName).filter({ hasText: text });
}

/** The row with a cell that reads exactly `cell` (a name, say). */
export function rowWithCell(page: Page, tableName: string, cell: string): Locator {
  return dataRows(page, tableName).filter({ has: page.getByRole('gridcell', { name: cell, exact: true }) });
}

/** Picks one namespace in the top bar's selector, as a user does. */
export async function pickNamespace(page: Page, namespace: string): Promise<void> {
  await page.getByRole('button', { name: /^Namespace:/ }).click();
  await page.getByRole('option', { name: new RegExp(`^${namespace}`) }).click();
  await expect(page.getByRole('button', { name: `Namespace: ${namespace}` })).toBeVisible();
}

export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
}

/** Replaces the text of a code editor (inside `container`) by pasting, as a user would; typing would auto-indent. */
export async function pasteIntoEditor(page: Page, container: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // The editor is a large chunk loaded on first use; on a busy machine that takes a while.
  await container.locator('.monaco-editor').first().click({ timeout: 60_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+V');
}
