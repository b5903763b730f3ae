/**
 * Commands from the Electron application menu (see electron/menu-commands.ts). The
 * browser host has no menu, so nothing subscribes there. 导出数据包 / 导入数据包 open
 * Settings, whose bundle card takes the command (renderer/bundle/bundle-commands.ts).
 */
import { useEffect } from 'react';
import { navigate } from './routes';
import { requestBundleCommand } from '../bundle/bundle-commands';

/** The integrity badge listens for this to run a full verify. */
export const VERIFY_REQUEST_EVENT = 'logbook:verify-request';

export function useMenuCommands(showHelp: () => void): void {
  useEffect(() => {
    const bridge = typeof window !== 'undefined' ? window.logbook : undefined;
    if (!bridge?.onCommand) return;
    return bridge.onCommand((command) => {
      if (command === 'verify-book') window.dispatchEvent(new Event(VERIFY_REQUEST_EVENT));
      else if (command === 'show-key-fingerprint') navigate({ page: 'settings' });
      else if (command === 'show-help') showHelp();
      else if (command === 'export-bundle' || command === 'import-bundle') {
        requestBundleCommand(command);
        navigate({ page: 'settings' });
      }
    });
  }, [showHelp]);
}
