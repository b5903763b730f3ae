/**
 * Rendering a print to PDF with the Chromium installed on this computer (playwright-core
 * drives it; no browser is ever downloaded). Used by `logbook print` and the print tests.
 * A missing or broken Chromium is said in Chinese, with what to do.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FlowMeasure } from '../../db/contract';
import { measureFlows, overflowingPages } from '../../db/contract/print-measure';

/** CHROMIUM_PATH when set (then only it), else the usual places of Chromium, Chrome and Edge. */
export const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/microsoft-edge',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ].filter((p): p is string => typeof p === 'string' && p.length > 0);

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

export function findChromium(candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new ChromiumMissingError(
      `未找到 Chromium 浏览器，无法生成 PDF：请安装 Chromium（Debian/UOS：sudo apt install chromium），或用环境变量 CHROMIUM_PATH 指明浏览器程序的位置 / Chromium not found (looked in: ${candidates.join(', ')})`,
    );
  }
  return found;
}

export async function launchChromium(executablePath = findChromium()): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        '--lang=zh-CN',
      ],
    });
  } catch (error) {
    throw new ChromiumMissingError(
      `Chromium（${executablePath}）无法启动，未能生成 PDF：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

/** A self-contained page function as a script (a bundler's name helper, if any, made harmless). */
function script(fn: (doc: Document) => unknown): string {
  return `(() => { var __name = (f) => f; return (${fn.toString()})(document); })()`;
}

async function pageOf(browser: Browser): Promise<Page> {
  // The documents are the service's own (escaped text, no script); nothing may be fetched.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  return page;
}

/** Lays out a print's measuring document and measures it (db/contract/print-measure.ts). */
export async function pdfMeasurer(browser: Browser): Promise<(html: string) => Promise<FlowMeasure[]>> {
  const page = await pageOf(browser);
  return async (html) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return page.evaluate<FlowMeasure[]>(script(measureFlows));
  };
}

/** An HTML → PDF function on one page of `browser`; a page whose content runs past its sheet is refused. */
export async function pdfRenderer(browser: Browser): Promise<(html: string) => Promise<Buffer>> {
  const page = await pageOf(browser);
  return async (html) => {
    await page.setContent(html, { waitUntil: 'load' });
    const over = await page.evaluate<number[]>(script(overflowingPages));
    if (over.length > 0) throw new Error(`第 ${over.join('、')} 页的内容超出了纸张，未能生成 PDF`);
    return page.pdf({ preferCSSPageSize: true, printBackground: true });
  };
}

export { renderPrintPdf } from '../../db/print/paginate';
