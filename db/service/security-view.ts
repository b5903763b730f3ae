/**
 * What the screen says about how the signing key is protected (issue "Trust what the screen
 * shows"). The wording lives here, next to the service, so the desktop app and the browser
 * host say the same thing; the level comes from the KeyStore in use.
 */
import type { SecurityView } from '../contract';
import type { KeyProtection } from '../ledger/types';

const WORDING: Record<KeyProtection, { title: string; explanation: string }> = {
  os: {
    title: '签名私钥由操作系统的密钥库保护',
    explanation:
      '签名私钥由操作系统的密钥库加密保存（Windows 凭据保护 / 钥匙串 / 密钥环）。其他用户账户或拷走数据文件夹的人无法使用它。',
  },
  weak: {
    title: '签名私钥只有弱保护',
    explanation:
      '本机没有可用的系统密钥环，私钥只用固定口令加密：拷走数据文件夹的人可以解开它。建议安装并启用系统密钥环（如 GNOME 密钥环 / KWallet）。',
  },
  none: {
    title: '签名私钥未加密，仅靠文件权限保护',
    explanation:
      '私钥以文件形式保存在数据文件夹中（仅本账户可读）。任何能读取该文件夹的人都能用它签名，请妥善保管这台电脑和备份。',
  },
};

export function securityView(protection: KeyProtection): SecurityView {
  // An unknown value (a newer store, a bug) is reported as the weakest level, never as `os`.
  const level: KeyProtection = Object.hasOwn(WORDING, protection) ? protection : 'none';
  return { keyProtection: level, ...WORDING[level] };
}
