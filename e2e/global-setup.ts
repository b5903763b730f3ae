/** Builds the renderer once for the whole end-to-end run (the host serves out/renderer). */
import fs from 'node:fs';
import { buildParts } from '../scripts/build-app';
import { CHROMIUM } from './support/browser';

export default async function setup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `端到端测试需要 Debian 的 Chromium（${CHROMIUM}）：请先运行 apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  await buildParts(['renderer']);
}
