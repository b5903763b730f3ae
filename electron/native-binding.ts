/**
 * Which compiled better-sqlite3 addon the main process loads.
 *
 * node_modules/better-sqlite3 is compiled for Node's ABI (the tests and the CLI use it);
 * Electron needs one compiled for Electron's ABI. `npm start` builds a copy under
 * out/native and passes its path in `LOGBOOK_NATIVE_BINDING`; the packaged app ships the
 * module unpacked from the asar (electron-builder rebuilds it for Electron), and we point
 * at it explicitly rather than rely on the asar redirect. `undefined` lets better-sqlite3
 * look for its addon the usual way.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const NATIVE_BINDING_ENV = 'LOGBOOK_NATIVE_BINDING';
const ADDON_PATH = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];

export interface NativeBindingInput {
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  resourcesPath: string;
  exists?: (file: string) => boolean;
}

export function resolveNativeBinding(input: NativeBindingInput): string | undefined {
  const exists = input.exists ?? existsSync;
  if (input.isPackaged) {
    const unpacked = path.join(input.resourcesPath, 'app.asar.unpacked', ...ADDON_PATH);
    return exists(unpacked) ? unpacked : undefined;
  }
  const fromEnv = input.env[NATIVE_BINDING_ENV];
  return fromEnv && exists(fromEnv) ? fromEnv : undefined;
}
