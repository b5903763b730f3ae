import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fetchElectronBinary, probeElectronBinary } from './electron-binary';
import { NO_ELECTRON_MESSAGE, runStart } from './start-app';
import type { StartDeps } from './start-app';

function deps(
  overrides: {
    skipDownload?: boolean;
    probe?: StartDeps['probe'];
    launch?: StartDeps['launch'];
    prepareNative?: StartDeps['prepareNative'];
  } = {},
) {
  const d = {
    probe: vi.fn<StartDeps['probe']>(() => ({ found: false, reason: 'missing' })),
    fetchBinary: vi.fn<StartDeps['fetchBinary']>(() => Promise.resolve(false)),
    build: vi.fn<StartDeps['build']>(() => Promise.resolve(undefined)),
    prepareNative: vi.fn<StartDeps['prepareNative']>(() => Promise.resolve('/repo/out/native/better_sqlite3.node')),
    launch: vi.fn<StartDeps['launch']>(() => Promise.resolve(0)),
    log: vi.fn<StartDeps['log']>(),
    error: vi.fn<StartDeps['error']>(),
    skipDownload: overrides.skipDownload ?? false,
  };
  if (overrides.probe) d.probe.mockImplementation(overrides.probe);
  if (overrides.launch) d.launch.mockImplementation(overrides.launch);
  if (overrides.prepareNative) d.prepareNative.mockImplementation(overrides.prepareNative);
  return d satisfies StartDeps;
}

describe('runStart without the Electron binary', () => {
  it('tries the first-launch download, then prints one bilingual message naming npm run serve and exits 1', async () => {
    const d = deps();
    await expect(runStart(d)).resolves.toBe(1);
    expect(d.fetchBinary).toHaveBeenCalledOnce();
    expect(d.error).toHaveBeenCalledOnce();
    const message = d.error.mock.calls[0]?.[0] ?? '';
    expect(message).toBe(NO_ELECTRON_MESSAGE);
    expect(message).toMatch(/浏览器版.*npm run serve/);
    expect(message).toMatch(/browser instead: npm run serve/);
    expect(message).not.toMatch(/\n\s+at /);
    expect(d.build).not.toHaveBeenCalled();
    expect(d.launch).not.toHaveBeenCalled();
  });

  it('skips the download attempt when asked to', async () => {
    const d = deps({ skipDownload: true });
    await expect(runStart(d)).resolves.toBe(1);
    expect(d.fetchBinary).not.toHaveBeenCalled();
  });

  it('continues when the download succeeds', async () => {
    const d = deps();
    d.probe
      .mockReturnValueOnce({ found: false, reason: 'missing' })
      .mockReturnValueOnce({ found: true, executable: '/e/electron' });
    d.fetchBinary.mockResolvedValue(true);
    await expect(runStart(d)).resolves.toBe(0);
    expect(d.launch).toHaveBeenCalledWith(
      '/e/electron',
      expect.objectContaining({ LOGBOOK_NATIVE_BINDING: '/repo/out/native/better_sqlite3.node' }),
    );
  });
});

describe('runStart with the binary', () => {
  it('builds, prepares the Electron-ABI addon, launches with its path and returns Electron’s exit code', async () => {
    const d = deps({
      probe: vi.fn(() => ({ found: true as const, executable: '/e/electron' })),
      launch: vi.fn(() => Promise.resolve(3)),
    });
    await expect(runStart(d)).resolves.toBe(3);
    expect(d.build).toHaveBeenCalledOnce();
    expect(d.prepareNative).toHaveBeenCalledOnce();
    expect(d.fetchBinary).not.toHaveBeenCalled();
    const env = d.launch.mock.calls[0]?.[1];
    expect(env).toHaveProperty('ELECTRON_RUN_AS_NODE', undefined);
  });

  it('stops with a Chinese message when the native rebuild fails', async () => {
    const d = deps({
      probe: vi.fn(() => ({ found: true as const, executable: '/e/electron' })),
      prepareNative: vi.fn(async () => Promise.reject(new Error('gyp: no headers\n  at x'))),
    });
    await expect(runStart(d)).resolves.toBe(1);
    expect(d.error.mock.calls[0]?.[0]).toMatch(/无法为 Electron 编译 SQLite 模块.*：gyp: no headers\n.*npm run serve/);
    expect(d.launch).not.toHaveBeenCalled();
  });
});

describe('probeElectronBinary', () => {
  it('finds the binary through path.txt and dist/, never by requiring electron', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'logbook-electron-'));
    expect(probeElectronBinary(dir, {})).toMatchObject({ found: false });
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(probeElectronBinary(dir, {})).toMatchObject({ found: false });
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', 'electron'), '');
    expect(probeElectronBinary(dir, {})).toEqual({ found: true, executable: path.join(dir, 'dist', 'electron') });
    expect(probeElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' })).toMatchObject({ found: false });
    await rm(dir, { recursive: true, force: true });
  });
});

describe('fetchElectronBinary', () => {
  it('reports the install script’s success or failure without printing its output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'logbook-install-'));
    await writeFile(
      path.join(dir, 'install.js'),
      'console.error("Error: getaddrinfo ENOTFOUND\\n    at stack"); process.exit(1);',
    );
    await expect(fetchElectronBinary(dir)).resolves.toBe(false);
    await writeFile(path.join(dir, 'install.js'), 'process.exit(0);');
    await expect(fetchElectronBinary(dir)).resolves.toBe(true);
    await writeFile(path.join(dir, 'install.js'), 'setTimeout(() => {}, 60000);');
    await expect(fetchElectronBinary(dir, 200)).resolves.toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('npm start (scripts/start.mjs) on a machine without the binary', () => {
  it('exits 1 with the message and no stack trace', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(tmpdir(), 'no-electron-here'),
        LOGBOOK_SKIP_ELECTRON_DOWNLOAD: '1',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run serve');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
