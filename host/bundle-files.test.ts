import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleFileRoutes } from './bundle-files';
import { startHost, type RunningHost } from './http-server';
import { createFixtureService, fixtureContract } from './testing/fixture-contract';

/**
 * The browser host's bundle routes: the upload needs the token and a zip media type and is
 * streamed to the service (the page never names a path); the export answers a one-time
 * download that works once, without the token, and is then gone.
 */

let dir: string;
let host: RunningHost;
const staged: Buffer[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-files-'));
  const files = bundleFileRoutes(
    {
      stageBundle: async (source) => {
        const parts: Buffer[] = [];
        for await (const chunk of source as AsyncIterable<Buffer>) parts.push(chunk);
        staged.push(Buffer.concat(parts));
        return 'bundle-0123456789abcdef01234567.zip';
      },
      exportBundle: (bookId, out) => {
        if (bookId.startsWith('dead'))
          return Promise.reject(
            Object.assign(new Error('这本记录本未通过完整校验，不能导出为数据包。'), { code: 'book-damaged' }),
          );
        fs.writeFileSync(out, 'PK zip bytes');
        return Promise.resolve({ bytes: 12, size: 7 });
      },
    },
    dir,
  );
  host = await startHost({ contract: fixtureContract, service: createFixtureService(), staticDir: dir, files });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (route: string, body: string | Uint8Array, headers: Record<string, string>) =>
  fetch(`${host.origin}${route}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });

describe('bundle file routes', () => {
  it('refuses an upload without the token or of another media type, and streams a good one to the service', async () => {
    const noToken = await post('/files/bundle-upload', 'PK', { 'Content-Type': 'application/zip' });
    expect(noToken.status).toBe(401);
    const wrongType = await post('/files/bundle-upload', 'PK', {
      'Content-Type': 'text/html',
      'X-Logbook-Token': host.token,
    });
    expect(wrongType.status).toBe(415);
    const foreign = await post('/files/bundle-upload', 'PK', {
      'Content-Type': 'application/zip',
      'X-Logbook-Token': host.token,
      Origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(staged).toHaveLength(0);
    const good = await post('/files/bundle-upload', Buffer.from('PK\x03\x04 bytes'), {
      'Content-Type': 'application/zip',
      'X-Logbook-Token': host.token,
    });
    expect(await good.json()).toEqual({ ok: true, value: { upload: 'bundle-0123456789abcdef01234567.zip' } });
    expect(staged[0]!.toString('latin1')).toBe('PK\x03\x04 bytes');
  });

  it('exports to a one-time download; a refused export says why in Chinese', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Logbook-Token': host.token };
    const bad = await (await post('/files/bundle-export', JSON.stringify({ bookId: '../../etc' }), headers)).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const damaged = await (
      await post('/files/bundle-export', JSON.stringify({ bookId: 'deadbeef-0000' }), headers)
    ).json();
    expect(damaged).toMatchObject({
      ok: false,
      error: { code: 'book-damaged', message: expect.stringContaining('完整校验') },
    });
    const done = (await (
      await post('/files/bundle-export', JSON.stringify({ bookId: '0a1b2c3d-0000' }), headers)
    ).json()) as { ok: true; value: { download: string; size: number } };
    expect(done).toMatchObject({ ok: true, value: { size: 7 } });
    const first = await fetch(`${host.origin}${done.value.download}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain('attachment');
    expect(await first.text()).toBe('PK zip bytes');
    const again = await fetch(`${host.origin}${done.value.download}`);
    expect(again.status).toBe(404);
    // The file is removed once the response has closed, which may be just after the client read it.
    await vi.waitFor(() => expect(fs.readdirSync(path.join(dir, 'outgoing'))).toEqual([]));
  });
});
