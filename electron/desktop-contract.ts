/**
 * Methods only the desktop app has (dialogs, printing, links, facts about this install).
 * They follow the same contract shape and go through the same IPC adapter as the
 * service's methods, so the renderer calls them the same way: `logbook.call('desktop.print', {})`.
 * The browser host does not serve them; the renderer checks `logbook.platform`.
 */
import { z } from 'zod';
import { ServiceError } from '../db/contract/contract-types';
import type { ContractMap, ServiceOf } from '../db/contract/contract-types';
import { createDialogService, dialogContract } from './dialogs';
import { isVettedExternalUrl } from './external-links';
import type { KeyProtection } from './key-store';
import { createPrintService, printContract } from './printing';
import type { RecordPrintDeps } from './printing';

export interface DesktopInfo {
  appVersion: string;
  electronVersion: string;
  platform: string;
  dataDir: string;
  keyProtection: KeyProtection;
}

export const desktopContract = {
  ...dialogContract,
  ...printContract,
  'desktop.openExternal': {
    summary: '用系统浏览器打开网址',
    mutates: false,
    input: z.object({ url: z.string().max(2048) }),
    output: z.custom<{ opened: boolean }>(() => true),
  },
  'desktop.info': {
    summary: '本机安装信息（版本、数据文件夹、密钥保护方式）',
    mutates: false,
    input: z.object({}),
    output: z.custom<DesktopInfo>(() => true),
  },
} satisfies ContractMap;

export type DesktopContract = typeof desktopContract;

export interface DesktopDeps extends RecordPrintDeps {
  openExternal: (url: string) => Promise<void>;
  info: () => DesktopInfo;
}

export function createDesktopService(deps: DesktopDeps): ServiceOf<DesktopContract> {
  return {
    ...createDialogService(deps),
    ...createPrintService(deps),
    'desktop.openExternal': async ({ url }) => {
      if (!isVettedExternalUrl(url)) {
        throw new ServiceError('url-refused', '出于安全考虑，只能打开以 https:// 开头的正规网址。', 'url');
      }
      await deps.openExternal(url);
      return { opened: true };
    },
    'desktop.info': () => deps.info(),
  };
}
