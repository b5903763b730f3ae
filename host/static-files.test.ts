import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticFile } from './static-files';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-static-'));
  dir = path.join(root, 'renderer');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), 'index');
  await writeFile(path.join(dir, 'assets', 'a b.js'), 'js');
  await writeFile(path.join(root, 'outside.txt'), 'outside');
  await symlink(path.join(root, 'outside.txt'), path.join(dir, 'assets', 'escape.txt'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolveStaticFile', () => {
  it('serves index.html at / and decodes percent-escapes once', async () => {
    expect(await resolveStaticFile(dir, '/')).toMatchObject({ kind: 'file', isIndex: true });
    expect(await resolveStaticFile(dir, '/assets/a%20b.js')).toMatchObject({
      kind: 'file',
      filePath: path.join(dir, 'assets', 'a b.js'),
    });
  });

  it.each(['/..', '/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2F..%2Foutside.txt', '/./index.html'])(
    '%s is a bad request',
    async (p) => {
      expect(await resolveStaticFile(dir, p)).toEqual({ kind: 'bad-request' });
    },
  );

  it.each(['/assets/%5c..%5coutside.txt', '/a%00b', '/%E0%A4%A', 'relative'])('%s is a bad request', async (p) => {
    expect(await resolveStaticFile(dir, p)).toEqual({ kind: 'bad-request' });
  });

  it('does not follow a symlink out of the folder, nor serve dot-files', async () => {
    expect(await resolveStaticFile(dir, '/assets/escape.txt')).toEqual({ kind: 'not-found' });
    expect(await resolveStaticFile(dir, '/.env')).toEqual({ kind: 'not-found' });
  });

  it('a missing root yields not-found', async () => {
    expect(await resolveStaticFile(path.join(root, 'nope'), '/')).toEqual({ kind: 'not-found' });
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer’s file types and defaults to octet-stream', () => {
    expect(mimeTypeFor('x.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  });
});
