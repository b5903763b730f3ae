import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOOSE_FILES, LOOSE_FOLDERS, makeLooseDataFolder, modeOf } from '../db/test-support/loose-data-folder';
import { ensureDataDir, resolveDataDir } from './data-dir';
import { resolveNativeBinding } from './native-binding';

describe('resolveDataDir', () => {
  const base = { userDataDir: '/home/u/.config/党建工作小组工作记录本', cwd: '/work' };

  it('defaults to <userData>/data', () => {
    expect(resolveDataDir({ ...base, env: {} })).toBe('/home/u/.config/党建工作小组工作记录本/data');
  });

  it('uses LOGBOOK_DATA_DIR when set (absolute or relative to the working directory)', () => {
    expect(resolveDataDir({ ...base, env: { LOGBOOK_DATA_DIR: '/mnt/usb/记录本' } })).toBe('/mnt/usb/记录本');
    expect(resolveDataDir({ ...base, env: { LOGBOOK_DATA_DIR: '.data' } })).toBe('/work/.data');
  });

  it('ignores an empty override', () => {
    expect(resolveDataDir({ ...base, env: { LOGBOOK_DATA_DIR: '  ' } })).toBe(
      '/home/u/.config/党建工作小组工作记录本/data',
    );
  });

  it('creates the folder owner-only', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'logbook-dd-'));
    const dir = ensureDataDir(path.join(root, 'a', 'b'));
    const info = await stat(dir);
    expect(info.isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(info.mode & 0o077).toBe(0);
    await rm(root, { recursive: true, force: true });
  });

  it.runIf(process.platform !== 'win32')(
    'tightens an existing folder on every start (0700 folders, 0600 files)',
    async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'logbook-dd-'));
      const dir = path.join(root, 'data');
      makeLooseDataFolder(dir);
      ensureDataDir(dir);
      for (const folder of LOOSE_FOLDERS) expect(modeOf(path.join(dir, folder))).toBe(0o700);
      for (const file of LOOSE_FILES) expect(modeOf(path.join(dir, file))).toBe(0o600);
      await rm(root, { recursive: true, force: true });
    },
  );
});

describe('resolveNativeBinding', () => {
  it('uses the Electron-ABI copy named by npm start in development', () => {
    const env = { LOGBOOK_NATIVE_BINDING: '/repo/out/native/better_sqlite3.node' };
    expect(resolveNativeBinding({ env, isPackaged: false, resourcesPath: '/x', exists: () => true })).toBe(
      env.LOGBOOK_NATIVE_BINDING,
    );
    expect(resolveNativeBinding({ env, isPackaged: false, resourcesPath: '/x', exists: () => false })).toBeUndefined();
    expect(
      resolveNativeBinding({ env: {}, isPackaged: false, resourcesPath: '/x', exists: () => true }),
    ).toBeUndefined();
  });

  it('uses the asar-unpacked module when packaged, and ignores the environment there', () => {
    const seen: string[] = [];
    const found = resolveNativeBinding({
      env: { LOGBOOK_NATIVE_BINDING: '/tmp/evil.node' },
      isPackaged: true,
      resourcesPath: '/opt/logbook/resources',
      exists: (f) => (seen.push(f), true),
    });
    expect(found).toBe(
      '/opt/logbook/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(seen).not.toContain('/tmp/evil.node');
  });
});
