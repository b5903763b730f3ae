/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The flags keep a
 * headless Chromium from reaching for the network this machine does not have.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium takes the date inputs' format (年/月/日) from the process's locale, not from
 * `--lang` or the page's locale: the locale must exist on the machine (.ci/run generates it).
 */
export const BROWSER_ENV = { LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' } as const;

export function launchBrowser(): Promise<Browser> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...env, ...BROWSER_ENV },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--lang=zh-CN',
    ],
  });
}
