/** `logbook status` on a data folder whose owner opened the demo book: verified too, and marked 示例. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { callService } from '../../db/service/index';
import { openRealService } from '../../host/real-service';
import { logbook } from './run-cli';

const tmp = makeTempDir('logbook-status-demo-');

beforeAll(async () => {
  const service = openRealService({ dataDir: tmp.dir });
  try {
    await callService(service, 'demo.open', {});
  } finally {
    service.close();
  }
}, 120_000);
afterAll(() => tmp.remove());

describe('logbook status with the demo book', () => {
  it('verifies it in full and names it 【示例】', () => {
    const r = logbook('status', '--data-dir', tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ 【示例】北京市某某科技学会党建工作小组 · \d+ 条 · 完整校验通过/);
  });
});
