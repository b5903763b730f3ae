/**
 * One end-to-end session: the real service on its own temp data folder behind the browser
 * host, and a fresh Chromium page opened at the host's tokenised URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serve, type Serving } from '../../host/serve-main';
import { launchBrowser } from './browser';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');

export interface AppSession {
  /** The current page (a new one after `reopen()`). */
  readonly page: Page;
  context: BrowserContext;
  serving: Serving;
  dataDir: string;
  /** Reloads the page (F5). */
  reload(): Promise<void>;
  /**
   * Closes the page and opens a new one in the same browser context (same IndexedDB, like
   * closing the tab and opening the app again) at the app's URL; `page` is the new page.
   */
  reopen(): Promise<void>;
  /**
   * Quits the app (host and service closed, like closing the desktop app), runs `between` on
   * the closed data folder, and starts it again on the same folder; `page` is a new page at
   * the new URL (same port, so the same origin and IndexedDB).
   */
  restart(between?: (dataDir: string) => void): Promise<void>;
  /**
   * A PNG in screenshots/: the whole page, scrolled to the top first (sticky panels in place).
   * `dialog: true` instead grows the viewport to the open modal's height (once it has zoomed
   * in) and captures the viewport, so the whole dialog is in the picture over its mask.
   * (No `animations: 'disabled'`: it cancels antd's leave transitions and toasts never go.)
   */
  screenshot(name: string, options?: { dialog?: boolean }): Promise<string>;
  close(): Promise<void>;
}

let browser: Browser | null = null;

export async function openSession(): Promise<AppSession> {
  browser ??= await launchBrowser();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-e2e-'));
  const start = () => serve({ root: ROOT, env: { LOGBOOK_DATA_DIR: dataDir }, log: () => {} });
  let serving = await start();
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
  // Fail a step in seconds, not after playwright's default 30 s.
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const open = async () => {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(serving.host.url);
    return p;
  };
  let page = await open();
  const session: AppSession = {
    get page() {
      return page;
    },
    context,
    get serving() {
      return serving;
    },
    dataDir,
    async reload() {
      await page.reload();
    },
    async reopen() {
      // Like closing the tab: pagehide/beforeunload run (the drafts flush there).
      const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
      await page.close({ runBeforeUnload: true });
      await Promise.race([
        closed,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('页面没有关闭（beforeunload 阻止了关闭？）')), 10_000),
        ),
      ]);
      page = await open();
    },
    async restart(between) {
      await page.close();
      await serving.stop();
      between?.(dataDir);
      serving = await start();
      page = await open();
    },
    async screenshot(name, options = {}) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      if (options.dialog) {
        const size = page.viewportSize() ?? { width: 1440, height: 900 };
        const modal = page.locator('.ant-modal:visible').last();
        // The modal zooms in: measure once its box has stopped changing.
        let box = await modal.boundingBox();
        for (let i = 0; i < 40; i++) {
          await page.waitForTimeout(50);
          const next = await modal.boundingBox();
          if (next && box && next.height === box.height && next.width === box.width) break;
          box = next;
        }
        const height = Math.max(size.height, Math.ceil((box?.height ?? 0) + 200));
        await page.setViewportSize({ width: size.width, height });
        try {
          await page
            .locator('.ant-modal-wrap:visible')
            .last()
            .evaluate((el) => el.scrollTo(0, 0));
          await page.screenshot({ path: file });
        } finally {
          await page.setViewportSize(size);
        }
        return file;
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      await serving.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`页面出现未捕获的错误：\n${errors.join('\n')}`);
    },
  };
  return session;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}
