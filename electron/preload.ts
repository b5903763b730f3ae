/**
 * The sandboxed preload: exposes exactly one object, `window.logbook`, and nothing of
 * Node or Electron. Bundled to a single CommonJS file (out/preload/index.cjs) because a
 * sandboxed preload may only `require('electron')`.
 *
 * It forwards `call(method, input)` to `ipcRenderer.invoke('logbook:<method>')`; the
 * main process checks the sender and parses the input (the preload is not a security
 * boundary for data, only for reach). Menu commands arrive on one channel and are
 * forwarded only if they are on the closed list. See preload-api.ts for why one `call`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Result } from '../db/contract/contract-types';
import type { LogbookBridge } from './preload-api';
import { COMMAND_CHANNEL, isMenuCommand } from './menu-commands';
import type { MenuCommand } from './menu-commands';

const METHOD_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

function failure(code: string, message: string) {
  return { ok: false as const, error: { code, message } };
}

const bridge = {
  platform: 'electron',
  call: async (method: string, input: unknown) => {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return failure('unknown-method', '操作名称无效。');
    }
    try {
      // The main process answers every call with the method's Result (electron/ipc-adapter.ts);
      // the preload forwards it unread, so it cannot know the value's type here.
      return (await ipcRenderer.invoke(`logbook:${method}`, input)) as Result<never>;
    } catch (error) {
      if (error instanceof Error && /No handler registered/i.test(error.message)) {
        return failure('unknown-method', `没有名为“${method}”的操作。请升级或重启程序后重试。`);
      }
      return failure('ipc-failed', '无法与程序主进程通信，请重启程序后重试。');
    }
  },
  onCommand: (listener: (command: MenuCommand) => void) => {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
    };
  },
} satisfies LogbookBridge;

contextBridge.exposeInMainWorld('logbook', bridge);
