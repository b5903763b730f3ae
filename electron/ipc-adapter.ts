/**
 * The one bridge from renderer to service: every method of a contract becomes
 * `ipcMain.handle('logbook:<method>')`. Nothing else in electron/ talks IPC for data.
 *
 * Each call: (1) the sender must be the main frame of our window showing our own app://
 * origin (a stray iframe, a navigated page or another window gets `forbidden-sender`);
 * (2) the rest is `invokeMethod` (host/invoke-method.ts), shared with the browser host:
 * zod-parse the input, call the service, return `Result` data; never throw across IPC
 * (Electron would serialise the error's message, and with it file paths or SQL).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ContractMap, Result, ServiceOf } from '../db/contract/contract-types';
import { invokeMethod } from '../host/invoke-method';
import { isAppUrl } from './app-protocol';

export const CHANNEL_PREFIX = 'logbook:';

export function channelFor(method: string): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/** The parts of an invoke event the sender check reads. */
export interface SenderInfo {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type SenderCheck = (event: SenderInfo) => boolean;

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: '拒绝来自未知页面的请求：只有本程序的主窗口可以读写记录本。' },
};

/**
 * Trusts only the main frame (no parent) of the web contents whose id `getTrustedId`
 * returns, and only while it shows a page of our app:// origin.
 */
export function createSenderCheck(getTrustedId: () => number | null | undefined): SenderCheck {
  return (event) => {
    const trustedId = getTrustedId();
    if (trustedId === null || trustedId === undefined || event.sender.id !== trustedId) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}

export interface RegisterOptions {
  isTrustedSender: SenderCheck;
  onInternalError?: (method: string, error: unknown) => void;
  onRejectedSender?: (method: string, url: string | undefined) => void;
}

/** Registers every method; returns a function that removes the handlers again. */
export function registerContract<C extends ContractMap>(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  contract: C,
  service: ServiceOf<C>,
  options: RegisterOptions,
): () => void {
  const channels: string[] = [];
  for (const method of Object.keys(contract)) {
    const channel = channelFor(method);
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent | SenderInfo, rawInput: unknown): Promise<Result<unknown>> => {
        if (!options.isTrustedSender(event)) {
          options.onRejectedSender?.(method, event.senderFrame?.url);
          return FORBIDDEN_SENDER;
        }
        return invokeMethod(contract, service, method, rawInput, { onInternalError: options.onInternalError });
      },
    );
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
