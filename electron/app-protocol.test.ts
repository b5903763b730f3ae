import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
  registerAppSchemeAsPrivileged,
  START_URL,
} from './app-protocol';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-app-'));
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>记录本</title>');
  await writeFile(path.join(rendererDir, 'assets', 'main.js'), 'export {}');
  await writeFile(path.join(root, 'secret.txt'), 'outside');
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('app:// protocol', () => {
  it('is registered standard and secure, but not readable cross-origin', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppSchemeAsPrivileged(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, corsEnabled: false });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });

  it('serves the start page with the CSP and the right MIME type', async () => {
    const response = await handler(new Request(START_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('记录本');
    const js = await handler(new Request('app://logbook/assets/main.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://logbook/%2e%2e/secret.txt',
    'app://logbook/assets/..%2f..%2fsecret.txt',
    'app://logbook/assets/..%5c..%5csecret.txt',
    'app://other/index.html',
    'app://logbook/missing.js',
  ])('refuses %s', async (url) => {
    const response = await handler(new Request(url));
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside');
  });

  it('refuses writes', async () => {
    expect((await handler(new Request(START_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('recognises only our own origin', () => {
    expect(isAppUrl('app://logbook/index.html#/meetings')).toBe(true);
    expect(isAppUrl('app://logbook.evil/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@logbook/')).toBe(false);
    expect(isAppUrl('https://logbook/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
