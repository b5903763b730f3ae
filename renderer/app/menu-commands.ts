/**
 * Commands from the Electron application menu (see electron/menu-commands.ts). The
 * browser host has no menu, so nothing subscribes there. Bundle export/import belong to
 * the bundle issue and are not handled here.
 */
import { useEffect } from 'react';
import { navigate } from './routes';

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
    });
  }, [showHelp]);
}
