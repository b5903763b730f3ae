/**
 * One running copy per user. Two copies would open the same SQLite book twice; WAL makes
 * that safe for the database, but two windows writing drafts and seals at once would
 * confuse the person. A second launch focuses the first window and exits.
 */
import type { App } from 'electron';

/** Returns false when another instance owns the lock (this one is quitting). */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  focusExisting: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusExisting());
  return true;
}
