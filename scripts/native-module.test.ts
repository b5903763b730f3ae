import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addonPath, prepareElectronNative } from './native-module';

let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function fakeRepo(): Promise<string> {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-native-'));
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  await mkdir(path.join(pkg, 'build', 'Release'), { recursive: true });
  await mkdir(path.join(pkg, 'src'), { recursive: true });
  await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.6.2' }));
  await writeFile(path.join(pkg, 'binding.gyp'), '{}');
  await writeFile(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  await writeFile(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI');
  return root;
}

/** Pretends to compile: writes the addon where node-gyp would. */
const fakeRebuild = vi.fn(async ({ buildPath }: { buildPath: string; electronVersion: string }) => {
  const release = path.join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release');
  await mkdir(release, { recursive: true });
  await writeFile(path.join(release, 'better_sqlite3.node'), 'ELECTRON-ABI');
});

describe('prepareElectronNative', () => {
  it('rebuilds a copy under out/native, leaving node_modules untouched, and reuses it while versions match', async () => {
    const repo = await fakeRepo();
    fakeRebuild.mockClear();
    const addon = await prepareElectronNative({ root: repo, electronVersion: '45.4.1', rebuild: fakeRebuild });
    expect(addon).toBe(addonPath(repo));
    expect(await readFile(addon, 'utf8')).toBe('ELECTRON-ABI');
    expect(
      await readFile(
        path.join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
        'utf8',
      ),
    ).toBe('NODE-ABI');
    expect(fakeRebuild).toHaveBeenCalledWith({
      buildPath: path.join(repo, 'out', 'native'),
      electronVersion: '45.4.1',
    });
    expect(
      existsSync(path.join(repo, 'out', 'native', 'node_modules', 'better-sqlite3', 'src', 'better_sqlite3.cpp')),
    ).toBe(true);

    await prepareElectronNative({ root: repo, electronVersion: '45.4.1', rebuild: fakeRebuild });
    expect(fakeRebuild).toHaveBeenCalledOnce();
    await prepareElectronNative({ root: repo, electronVersion: '46.0.0', rebuild: fakeRebuild });
    expect(fakeRebuild).toHaveBeenCalledTimes(2);
  });

  it('does not copy the Node-ABI build output into the copy it rebuilds', async () => {
    const repo = await fakeRepo();
    const seen: string[] = [];
    await expect(
      prepareElectronNative({
        root: repo,
        electronVersion: '45.4.1',
        rebuild: ({ buildPath }) => {
          seen.push(String(existsSync(path.join(buildPath, 'node_modules', 'better-sqlite3', 'build'))));
          return Promise.resolve();
        },
      }),
    ).rejects.toThrow(/missing/);
    expect(seen).toEqual(['false']);
  });
});
