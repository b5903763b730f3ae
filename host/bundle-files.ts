/**
 * The browser host's file routes for signed bundles (the desktop uses native dialogs instead,
 * electron/dialogs.ts). Both need the session token and our own Origin, like /api:
 *
 * - `POST /files/bundle-upload` — the request body IS the bundle (`application/zip` or
 *   `application/octet-stream`): streamed into the data folder's `incoming/` under a name of
 *   the service's own (`Service.stageBundle`), never held in memory; answers
 *   `{ok:true, value:{upload}}` for `bundles.inspect` / `bundles.import`.
 * - `POST /files/bundle-export` `{bookId}` — the service writes the book's bundle (full verify
 *   first) to the data folder's `outgoing/`; answers a one-time download address.
 * - `GET /files/download/<ticket>` — streams that file once as an attachment (a 32-byte random
 *   ticket stands in for the token, which a plain download cannot send), then deletes it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ErrorData, Result } from '../db/contract/contract-types';

export interface BundleFileService {
  stageBundle(source: NodeJS.ReadableStream): Promise<string>;
  exportBundle(bookId: string, outPath: string): Promise<{ bytes: number; size: number }>;
}

export interface BundleFileRoutes {
  /** Handles `/files/…`; `authorized` is the /api token and Origin check's verdict. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, authorized: ErrorData | null): Promise<void>;
  /** Removes what was exported and never downloaded. */
  close(): void;
}

const BOOK_ID = /^[0-9a-f-]{8,64}$/iu;
const TICKET = /^[0-9a-f]{64}$/u;
const UPLOAD_TYPES = new Set(['application/zip', 'application/octet-stream', 'application/x-zip-compressed']);

function send(res: ServerResponse, status: number, result: Result<unknown>): void {
  const json = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(json);
}

const failure = (error: unknown): ErrorData => {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e?.code === 'string' && typeof e.message === 'string' && /[\u4e00-\u9fff]/u.test(e.message)
    ? { code: e.code, message: e.message }
    : { code: 'internal', message: '操作没有完成：发生了意外错误。请重试；如果反复出现，请重启程序。' };
};

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    parts.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function bundleFileRoutes(
  service: BundleFileService,
  dataDir: string,
  onInternalError?: (what: string, error: unknown) => void,
): BundleFileRoutes {
  const outgoing = path.join(dataDir, 'outgoing');
  const tickets = new Map<string, { file: string; fileName: string }>();

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!UPLOAD_TYPES.has(type)) {
      req.resume();
      send(res, 415, {
        ok: false,
        error: { code: 'unsupported-media-type', message: '请上传 zip 格式的记录本数据包。' },
      });
      return;
    }
    try {
      const token = await service.stageBundle(req);
      send(res, 200, { ok: true, value: { upload: token } });
    } catch (error) {
      onInternalError?.('bundle-upload', error);
      req.resume();
      send(res, 200, { ok: false, error: failure(error) });
    }
  }

  async function exportBook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = (await readJson(req, 4096)) as { bookId?: unknown } | undefined;
    const bookId = input?.bookId;
    if (typeof bookId !== 'string' || !BOOK_ID.test(bookId)) {
      send(res, 200, { ok: false, error: { code: 'invalid-input', message: '记录本编号无效', field: 'bookId' } });
      return;
    }
    fs.mkdirSync(outgoing, { recursive: true, mode: 0o700 });
    const ticket = crypto.randomBytes(32).toString('hex');
    const file = path.join(outgoing, `${ticket}.zip`);
    try {
      const result = await service.exportBundle(bookId, file);
      const fileName = `记录本数据包-${bookId.slice(0, 8)}-${result.size}条.zip`;
      tickets.set(ticket, { file, fileName });
      send(res, 200, {
        ok: true,
        value: { download: `/files/download/${ticket}`, fileName, bytes: result.bytes, size: result.size },
      });
    } catch (error) {
      fs.rmSync(file, { force: true });
      onInternalError?.('bundle-export', error);
      send(res, 200, { ok: false, error: failure(error) });
    }
  }

  async function download(res: ServerResponse, ticket: string): Promise<void> {
    const entry = TICKET.test(ticket) ? tickets.get(ticket) : undefined;
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('下载地址无效或已使用过，请重新导出。');
      return;
    }
    tickets.delete(ticket);
    const size = fs.statSync(entry.file).size;
    res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="bundle.zip"; filename*=UTF-8''${encodeURIComponent(entry.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    await new Promise<void>((resolve) => {
      const stream = fs.createReadStream(entry.file);
      stream.on('error', () => res.destroy());
      res.on('close', () => {
        fs.rmSync(entry.file, { force: true });
        resolve();
      });
      stream.pipe(res);
    });
  }

  return {
    async handle(req, res, pathname, authorized) {
      if (req.method === 'GET' && pathname.startsWith('/files/download/')) {
        await download(res, pathname.slice('/files/download/'.length));
        return;
      }
      if (authorized) {
        req.resume();
        send(res, authorized.code === 'unauthorized' ? 401 : 403, { ok: false, error: authorized });
        return;
      }
      if (req.method !== 'POST') {
        req.resume();
        send(res, 405, { ok: false, error: { code: 'method-not-allowed', message: '接口只接受 POST 请求。' } });
        return;
      }
      if (pathname === '/files/bundle-upload') await upload(req, res);
      else if (pathname === '/files/bundle-export') await exportBook(req, res);
      else {
        req.resume();
        send(res, 404, { ok: false, error: { code: 'unknown-method', message: '没有这个接口。' } });
      }
    },
    close() {
      for (const { file } of tickets.values()) fs.rmSync(file, { force: true });
      tickets.clear();
    },
  };
}
