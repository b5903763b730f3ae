import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SecurityView } from '../../db/contract';
import { SettingsPage } from '../pages/settings-page';
import { fakeApi, ORG, renderInBook, renderWithApi, status } from '../test/kit';
import { KeyProtectionAlert } from './key-protection-alert';

/** The service's wording (db/service/security-view.ts), as `app.security` answers it. */
const VIEWS: Record<SecurityView['keyProtection'], SecurityView> = {
  os: {
    keyProtection: 'os',
    title: '签名私钥由操作系统的密钥库保护',
    explanation:
      '签名私钥由操作系统的密钥库加密保存（Windows 凭据保护 / 钥匙串 / 密钥环）。其他用户账户或拷走数据文件夹的人无法使用它。',
  },
  weak: {
    keyProtection: 'weak',
    title: '签名私钥只有弱保护',
    explanation:
      '本机没有可用的系统密钥环，私钥只用固定口令加密：拷走数据文件夹的人可以解开它。建议安装并启用系统密钥环（如 GNOME 密钥环 / KWallet）。',
  },
  none: {
    keyProtection: 'none',
    title: '签名私钥未加密，仅靠文件权限保护',
    explanation:
      '私钥以文件形式保存在数据文件夹中（仅本账户可读）。任何能读取该文件夹的人都能用它签名，请妥善保管这台电脑和备份。',
  },
};

describe('how the signing key is protected', () => {
  for (const [level, style] of [
    ['os', 'success'],
    ['weak', 'warning'],
    ['none', 'warning'],
  ] as const) {
    it(`says so plainly for '${level}' (${style})`, async () => {
      const api = fakeApi({ 'app.security': () => VIEWS[level] });
      renderWithApi(<KeyProtectionAlert />, api);
      const alert = await screen.findByTestId('key-protection');
      expect(alert).toHaveTextContent(VIEWS[level].title);
      expect(alert).toHaveTextContent(VIEWS[level].explanation);
      expect(alert).toHaveClass(`ant-alert-${style}`);
    });
  }

  it('claims nothing when the service cannot say', async () => {
    const api = fakeApi();
    renderWithApi(<KeyProtectionAlert />, api);
    await expect.poll(() => api['app.security'].mock.calls.length).toBe(1);
    expect(screen.queryByTestId('key-protection')).not.toBeInTheDocument();
  });

  it('is shown in 设置 beside the key fingerprint', async () => {
    const api = fakeApi({
      'app.security': () => VIEWS.weak,
      'org.get': () => ORG,
      'calendar.status': () => ({ builtInYears: [2025, 2026], importedYears: [] }),
      'books.status': () => status(),
    });
    renderInBook(<SettingsPage />, api);
    await screen.findByTestId('key-fingerprint');
    expect(await screen.findByTestId('key-protection')).toHaveTextContent('拷走数据文件夹的人可以解开它');
  });
});
