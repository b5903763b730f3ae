import { chmod, mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOSE_FILES, LOOSE_FOLDERS, makeLooseDataFolder, modeOf } from '../db/test-support/loose-data-folder';
import { dataDirFrom, serve } from './serve-main';
import type { Serving } from './serve-main';

let root: string;
let serving: Serving;
const lines: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-serve-'));
  await mkdir(path.join(root, 'out', 'renderer'), { recursive: true });
  await writeFile(path.join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>记录本</title>');
  serving = await serve({ root, env: { LOGBOOK_DATA_DIR: 'books' }, log: (line) => lines.push(line) });
});

afterAll(async () => {
  await serving?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('serve (the real service in the browser host)', () => {
  it('prints the address with the token and the data folder', () => {
    expect(lines.join('\n')).toContain(serving.host.url);
    expect(serving.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    expect(serving.dataDir).toBe(path.join(root, 'books'));
  });

  it('serves the same data folder on the same port next time (drafts live per origin)', async () => {
    const port = serving.host.port;
    await serving.stop();
    serving = await serve({ root, env: { LOGBOOK_DATA_DIR: 'books' }, log: () => {} });
    expect(serving.host.port).toBe(port);
  });

  it('answers a real contract call', async () => {
    const response = await fetch(`${serving.host.origin}/api/books.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': serving.host.token },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: [] });
  });

  it('serves the built renderer', async () => {
    const response = await fetch(`${serving.host.origin}/`);
    expect(await response.text()).toContain('记录本');
  });
});

describe('dataDirFrom', () => {
  it('defaults to ./.data and honours LOGBOOK_DATA_DIR', () => {
    expect(dataDirFrom('/repo', {})).toBe('/repo/.data');
    expect(dataDirFrom('/repo', { LOGBOOK_DATA_DIR: '/srv/books' })).toBe('/srv/books');
  });
});

describe.runIf(process.platform !== 'win32')('serve tightens the data folder on every start', () => {
  it('makes an existing 0755/0644 folder 0700/0600, all the way down, and follows no link out', async () => {
    const top = await mkdtemp(path.join(tmpdir(), 'logbook-serve-modes-'));
    await mkdir(path.join(top, 'out', 'renderer'), { recursive: true });
    await writeFile(path.join(top, 'out', 'renderer', 'index.html'), '<!doctype html>');
    const dataDir = path.join(top, 'books');
    makeLooseDataFolder(dataDir, { withDatabase: false });
    const outside = path.join(top, 'outside.txt');
    await writeFile(outside, 'not ours');
    await chmod(outside, 0o644);
    await symlink(outside, path.join(dataDir, 'logbook.sqlite.checkpoints', 'elsewhere.json'));
    const modesServing = await serve({
      root: top,
      env: { LOGBOOK_DATA_DIR: 'books', LOGBOOK_PORT: '0' },
      log: () => {},
    });
    try {
      for (const folder of LOOSE_FOLDERS) expect(modeOf(path.join(dataDir, folder))).toBe(0o700);
      for (const file of LOOSE_FILES.filter((f) => f.includes('/')))
        expect(modeOf(path.join(dataDir, file))).toBe(0o600);
      // The database the service just created, and its WAL, are owner-only too.
      expect(modeOf(path.join(dataDir, 'logbook.sqlite'))).toBe(0o600);
      expect(modeOf(outside)).toBe(0o644);
    } finally {
      await modesServing.stop();
      await rm(top, { recursive: true, force: true });
    }
  });
});

describe('app.security over the browser host', () => {
  it('says the key is a plain file (the host uses the file key store)', async () => {
    const response = await fetch(`${serving.host.origin}/api/app.security`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': serving.host.token },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({
      ok: true,
      value: { keyProtection: 'none', explanation: expect.stringContaining('仅本账户可读') },
    });
  });
});
