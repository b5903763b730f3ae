/**
 * The object the Electron preload exposes on `window.logbook` (contextBridge). It is the
 * renderer's only door to the main process: one generic call per contract method, with
 * errors returned as data (`{ok:false, error}`), never thrown across the bridge.
 * The preload should check its object with `satisfies LogbookBridge`.
 */
import type { Result } from '../db/contract';

export interface LogbookBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Menu commands from the application menu (e.g. `verify-book`); returns an unsubscribe function. */
  onCommand?(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron app; absent in a plain browser (browser host). */
    logbook?: LogbookBridge;
  }
}
