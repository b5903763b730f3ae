/** Steps of the liaison's flows (issue 10) shared by the e2e tests: set-up, bundles, downloads. */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { AppSession } from './app-session';
import { goTo, waitForContains, WAIT } from './flows';

/** Clicks `button` and saves the download it starts into `dir`; returns the file's path. */
export async function download(page: Page, button: Locator, dir: string): Promise<string> {
  const started = page.waitForEvent('download', { timeout: 60_000 });
  await button.click();
  const file = await started;
  const out = path.join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(out);
  return out;
}

/** 设置与密钥 → 导出数据包: the society's signed bundle. */
export async function exportBundle(session: AppSession, dir: string): Promise<string> {
  const { page } = session;
  await goTo(page, '设置与密钥');
  await page.getByTestId('bundle-card').waitFor({ timeout: WAIT });
  const out = await download(page, page.getByTestId('bundle-export'), dir);
  await waitForContains(page.getByTestId('bundle-exported'), '已导出');
  return out;
}

/** On the first-run screen: 党建联络员, name and office, the printable fingerprint, into the workspace. */
export async function setUpLiaison(session: AppSession, name: string, office: string, shot?: string): Promise<string> {
  const { page } = session;
  await page.getByTestId('role-choice').waitFor({ timeout: 30_000 });
  await page.getByTestId('role-liaison').click();
  const form = page.getByTestId('liaison-setup-form');
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel('工作单位').fill(office);
  await page.getByTestId('liaison-setup-submit').click();
  await page.getByTestId('liaison-setup-done').waitFor({ timeout: 30_000 });
  const keyId = ((await page.getByTestId('liaison-key-id').textContent()) ?? '').trim();
  if (shot) await session.screenshot(shot);
  await page.getByTestId('liaison-enter').click();
  await page.getByTestId('workspace').waitFor({ timeout: WAIT });
  return keyId;
}

/**
 * In the open bundle dialog: choose `file`, confirm the fingerprint when asked (first import),
 * import; returns the outcome (imported / extended / alarm …) with the dialog still open.
 */
export async function importInDialog(page: Page, file: string): Promise<string> {
  await page.getByTestId('bundle-file-input').waitFor({ timeout: WAIT });
  await page.getByTestId('bundle-file-input').setInputFiles(file);
  await page.getByTestId('bundle-confirm').waitFor({ timeout: 60_000 });
  const tick = page.getByTestId('bundle-fingerprint-confirm');
  if (await tick.isVisible()) await tick.check();
  await page.getByTestId('bundle-import-confirm').click();
  const result = page.getByTestId('bundle-import-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.getAttribute('data-outcome')) ?? '';
}
