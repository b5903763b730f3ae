import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataFolder } from './data-folder';
import { LOOSE_FILES, LOOSE_FOLDERS, makeLooseDataFolder, modeOf } from './test-support/loose-data-folder';

const posix = process.platform !== 'win32';
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-folder-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe.runIf(posix)('secureDataFolder (POSIX)', () => {
  it('creates a missing folder owner-only', () => {
    const dir = path.join(root, 'a', 'data');
    secureDataFolder(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('tightens an existing folder: folders 0700, files 0600, all the way down', () => {
    const dir = path.join(root, 'data');
    makeLooseDataFolder(dir);
    fs.chmodSync(path.join(dir, 'calendars/2027.json'), 0o200); // not even readable by the owner
    const result = secureDataFolder(dir);
    for (const folder of LOOSE_FOLDERS) expect(modeOf(path.join(dir, folder))).toBe(0o700);
    for (const file of LOOSE_FILES) expect(modeOf(path.join(dir, file))).toBe(0o600);
    expect(result.failed).toEqual([]);
    expect(result.tightened).toBe(10);
    expect(secureDataFolder(dir).tightened).toBe(0);
  });

  it('never follows a symbolic link inside, to a file or to a folder', () => {
    const dir = path.join(root, 'data');
    makeLooseDataFolder(dir);
    const outside = path.join(root, 'outside');
    fs.mkdirSync(outside, { mode: 0o755 });
    fs.chmodSync(outside, 0o755);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'x', { mode: 0o644 });
    fs.chmodSync(path.join(outside, 'secret.txt'), 0o644);
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    fs.symlinkSync(outside, path.join(dir, 'keys', 'link-dir'));
    const result = secureDataFolder(dir);
    expect(modeOf(path.join(outside, 'secret.txt'))).toBe(0o644);
    expect(modeOf(outside)).toBe(0o755);
    expect(result.skipped.sort()).toEqual(['keys/link-dir', 'link.txt']);
    expect(modeOf(path.join(dir, 'keys', 'ed25519-x.pk8'))).toBe(0o600);
  });

  it('uses a data folder that is itself a link (the user named it) and tightens its target', () => {
    const target = path.join(root, 'real');
    makeLooseDataFolder(target);
    const link = path.join(root, 'data');
    fs.symlinkSync(target, link);
    secureDataFolder(link);
    expect(modeOf(target)).toBe(0o700);
    expect(modeOf(path.join(target, 'logbook.sqlite'))).toBe(0o600);
  });
});

it('on Windows only creates the folder', () => {
  const dir = path.join(root, 'data');
  makeLooseDataFolder(dir);
  const result = secureDataFolder(dir, { platform: 'win32' });
  expect(result).toEqual({ tightened: 0, skipped: [], failed: [] });
  if (posix) expect(modeOf(path.join(dir, 'logbook.sqlite'))).toBe(0o644);
  secureDataFolder(path.join(root, 'new'), { platform: 'win32' });
  expect(fs.statSync(path.join(root, 'new')).isDirectory()).toBe(true);
});
