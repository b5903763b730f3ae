import { expect, it } from 'vitest';
import type { KeyProtection } from '../ledger/types';
import { securityView } from './security-view';

it('says plainly, in Chinese, how the signing key is protected at each level', () => {
  expect(securityView('os')).toMatchObject({
    keyProtection: 'os',
    explanation: expect.stringContaining('操作系统的密钥库加密保存'),
  });
  expect(securityView('weak')).toMatchObject({
    keyProtection: 'weak',
    explanation: expect.stringContaining('拷走数据文件夹的人可以解开它'),
  });
  expect(securityView('none')).toMatchObject({
    keyProtection: 'none',
    explanation: expect.stringContaining('任何能读取该文件夹的人都能用它签名'),
  });
  for (const level of ['os', 'weak', 'none'] as const) expect(securityView(level).title).toMatch(/[\u4e00-\u9fff]/);
});

it('never claims OS protection for a level it does not know', () => {
  expect(securityView('toString' as KeyProtection).keyProtection).toBe('none');
  expect(securityView('tpm' as KeyProtection).keyProtection).toBe('none');
});
