import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
