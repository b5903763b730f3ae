/**
 * Types only: what `window.logbook` is. The renderer imports these types (never values)
 * to type its one API module (renderer/api.ts).
 *
 * Design choice: ONE generic `call(method, input)` rather than one function per method.
 * - The preload stays a few lines with no zod and no contract values in it (sandboxed
 *   preloads can only `require('electron')`, so everything they use is bundled in);
 *   adding a method to the contract needs no preload change.
 * - It is still fully typed: `call` is generic over the contract's method names, with
 *   the method's zod input type in and `Result` of its output type out.
 * - The browser host speaks the same shape over HTTP (`POST /api/<method>`), so the
 *   renderer's api.ts builds one `ClientOf<Contract>` on top of either transport.
 * Calls never reject for a refused or failed call; they resolve to `{ok:false, error}`.
 */
import type { z } from 'zod';
import type { Contract } from '../db/contract/index';
import type { ContractMap, Result } from '../db/contract/contract-types';
import type { DesktopContract } from './desktop-contract';
import type { MenuCommand } from './menu-commands';

export type { MenuCommand } from './menu-commands';
export type { DesktopContract, DesktopInfo } from './desktop-contract';
export type { OpenedFile, SavedFile } from './dialogs';

/** Everything callable over IPC: the service's contract plus the desktop-only methods. */
export type LogbookContract = Contract & DesktopContract;

export interface LogbookBridgeOf<C extends ContractMap> {
  readonly platform: 'electron';
  call<M extends keyof C & string>(method: M, input: z.input<C[M]['input']>): Promise<Result<z.output<C[M]['output']>>>;
  /** Menu commands for the renderer (导出数据包… etc.); returns an unsubscribe function. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

export type LogbookBridge = LogbookBridgeOf<LogbookContract>;

/** `window` as the preload leaves it: `(window as LogbookWindow).logbook`. Absent in the browser host. */
export type LogbookWindow = Window & { logbook?: LogbookBridge };
