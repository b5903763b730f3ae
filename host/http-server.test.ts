import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost } from './http-server';
import type { RunningHost } from './http-server';
import { createFixtureService, fixtureContract, SECRET_DETAIL } from './testing/fixture-contract';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let staticDir: string;
let host: RunningHost;
const onInternalError = vi.fn();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'logbook-host-'));
  staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>记录本</title>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(staticDir, '.env'), 'SECRET=1');
  await writeFile(path.join(root, 'package.json'), '{"secret":"outside"}');
  await symlink(path.join(root, 'package.json'), path.join(staticDir, 'assets', 'link.json'));
  host = await startHost({
    contract: fixtureContract,
    service: createFixtureService(),
    staticDir,
    maxBodyBytes: 4096,
    onInternalError,
  });
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

function send(
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method, path: urlPath, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send('POST', `/api/${method}`, {
    headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Sends a request line byte for byte (http.request and fetch would normalise `..`). */
function raw(requestLine: string, hostHeader = `127.0.0.1:${host.port}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('startHost: address and token', () => {
  it('listens on 127.0.0.1 with a random port and a 32-byte token in the URL fragment', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('answers 401 without the token, with a wrong one, and with a prefix of the right one', async () => {
    const missing = await send('POST', '/api/notes.add', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"x"}',
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await api('notes.add', { title: 'x' }, { 'X-Logbook-Token': 'wrong-token-wrong-token' })).status).toBe(401);
    expect((await api('notes.add', { title: 'x' }, { 'X-Logbook-Token': host.token.slice(0, -1) })).status).toBe(401);
  });

  it('checks the token before revealing whether a method exists', async () => {
    const reply = await send('POST', '/api/nope', { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
  });
});

describe('startHost: API calls', () => {
  it('runs a valid call and returns the Result', async () => {
    const reply = await api('notes.add', { title: '支部委员会' });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { title: '支部委员会', pages: 1 } });
  });

  it('returns invalid input as data (200) naming the field', async () => {
    const reply = await api('notes.add', { title: '' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'title' } });
  });

  it('returns a service error as data and hides internal errors', async () => {
    expect(JSON.parse((await api('notes.fail', { kind: 'service' })).body)).toEqual({
      ok: false,
      error: { code: 'book-readonly', message: '记录本为只读：请先恢复写入权限。', field: 'bookId' },
    });
    const crash = await api('notes.fail', { kind: 'crash' });
    expect(crash.status).toBe(200);
    expect(JSON.parse(crash.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(crash.body).not.toContain('SQLITE');
    expect(onInternalError).toHaveBeenCalledWith('notes.fail', expect.objectContaining({ message: SECRET_DETAIL }));
  });

  it('answers 404 for unknown methods, including prototype names', async () => {
    for (const name of ['notes.missing', '__proto__', 'constructor', '..%2fnotes.add', '']) {
      const reply = await api(name, {});
      expect(reply.status, name).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('answers 400 to malformed JSON', async () => {
    const reply = await api('notes.add', '{"title": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
  });

  it('answers 415 to anything but application/json', async () => {
    const reply = await api('notes.add', '{"title":"x"}', { 'Content-Type': 'text/plain' });
    expect(reply.status).toBe(415);
    const withCharset = await api('notes.add', '{"title":"x"}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(200);
  });

  it('answers 413 to a body over the limit (declared or streamed)', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(5000) });
    const declared = await api('notes.add', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/notes.add',
          headers: {
            'Content-Type': 'application/json',
            'X-Logbook-Token': host.token,
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(big.slice(0, 3000));
      req.end(big.slice(3000));
    });
    expect(streamed).toBe(413);
  });

  it('answers 405 to GET on the API', async () => {
    const reply = await send('GET', '/api/notes.add', { headers: { 'X-Logbook-Token': host.token } });
    expect(reply.status).toBe(405);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const reply = await api('notes.add', { title: 'x' }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    const own = await api('notes.add', { title: 'x' }, { Origin: host.origin });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), on the API and on pages', async () => {
    const page = await raw('GET / HTTP/1.1', `evil.example:${host.port}`);
    expect(page).toMatch(/^HTTP\/1\.1 403/);
    const other = await raw('GET / HTTP/1.1', '127.0.0.1:1');
    expect(other).toMatch(/^HTTP\/1\.1 403/);
    const local = await raw('GET / HTTP/1.1', `localhost:${host.port}`);
    expect(local).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('startHost: static files', () => {
  it('serves index.html with the CSP and the right MIME types', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.body).toContain('记录本');
    expect((await send('GET', '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('GET', '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await send('HEAD', '/assets/app.js');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('falls back to index.html for page routes but not for missing files', async () => {
    expect((await send('GET', '/meetings/new')).body).toContain('记录本');
    expect((await send('GET', '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'GET /../package.json HTTP/1.1',
    'GET /%2e%2e/package.json HTTP/1.1',
    'GET /%2E%2E%2Fpackage.json HTTP/1.1',
    'GET /assets/..%2f..%2fpackage.json HTTP/1.1',
    'GET /assets/..%5c..%5cpackage.json HTTP/1.1',
    'GET /%252e%252e/package.json HTTP/1.1',
    'GET /assets/%00/../package.json HTTP/1.1',
    'GET /assets/link.json HTTP/1.1',
    'GET /.env HTTP/1.1',
    'GET /%ff HTTP/1.1',
  ])('never leaves the static folder: %s', async (line) => {
    const reply = await raw(line);
    expect(reply).toMatch(/^HTTP\/1\.1 (400|404)/);
    expect(reply).not.toContain('outside');
    expect(reply).not.toContain('SECRET');
    expect(reply).not.toContain('root:');
  });

  it('treats a doubled slash as a page route, never as an absolute path', async () => {
    const reply = await raw('GET //etc/passwd HTTP/1.1');
    expect(reply).not.toContain('root:');
    expect(reply).toContain('记录本');
  });

  it('answers 405 to POST on pages', async () => {
    expect((await send('POST', '/', { body: 'x' })).status).toBe(405);
  });
});
