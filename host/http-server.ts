/**
 * The browser host: the same service and the same built renderer as the desktop app,
 * served on 127.0.0.1 so a real browser (end-to-end tests, or a computer that cannot run
 * the Electron binary) can drive the real app.
 *
 * Threat model: other local users' pages and programs. So:
 * - bind to 127.0.0.1 only, on a random free port by default;
 * - every request's Host header must be `127.0.0.1:<port>` or `localhost:<port>`
 *   (a DNS-rebinding page has its own host name there);
 * - every /api call needs the random token in `X-Logbook-Token` (compared in constant
 *   time), is POST, `application/json`, from our own Origin if an Origin is sent, and at
 *   most `maxBodyBytes` (80 MB by default: attachments travel as base64);
 * - static files come only from `staticDir`, with the shared CSP.
 *
 * Protocol: `POST /api/<method>` with the method's input as the JSON body. Every API
 * response body is a `Result` (`{ok:true,value}` or `{ok:false,error:{code,message}}`):
 * 200 when the call reached the contract (including `invalid-input` and service errors,
 * which are data, exactly as over IPC), 4xx for transport refusals.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractMap, ErrorData, ServiceOf } from '../db/contract/contract-types';
import type { BundleFileRoutes } from './bundle-files';
import { SECURITY_HEADERS } from './csp';
import { hasMethod, invokeMethod, unknownMethodError, INTERNAL_MESSAGE } from './invoke-method';
import { mimeTypeFor, resolveStaticFile } from './static-files';
import { createToken, TOKEN_HEADER, tokenMatches } from './token';

export const DEFAULT_MAX_BODY_BYTES = 80 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

export interface HostOptions<C extends ContractMap> {
  contract: C;
  service: ServiceOf<C>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 32 fresh random bytes. */
  token?: string;
  maxBodyBytes?: number;
  /** Gets unexpected errors (logged locally; callers only see `internal`). */
  onInternalError?: (method: string, error: unknown) => void;
  /** `/files/…`: bundle upload and download (host/bundle-files.ts). */
  files?: BundleFileRoutes;
}

export interface RunningHost {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The address to open: origin plus `/#token=…`. */
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startHost<C extends ContractMap>(options: HostOptions<C>): Promise<RunningHost> {
  const token = options.token ?? createToken();
  if (token.length < 16) throw new Error('host token must be at least 16 characters');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onInternalError?.('(host)', error);
      if (!res.headersSent) sendResult(res, 500, { code: 'internal', message: INTERNAL_MESSAGE });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendText(res, 403, '拒绝访问：请使用程序启动时打印的 http://127.0.0.1 地址打开。');
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.search(/[?#]/);
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (options.files && pathname.startsWith('/files/')) {
      await options.files.handle(req, res, pathname, authorizeFiles(req));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, '不支持的请求方式。');
      return;
    }
    await serveStatic(req, res, pathname);
  }

  /** The /api checks for /files: the token, and our own Origin when one is sent. */
  function authorizeFiles(req: IncomingMessage): ErrorData | null {
    if (!tokenMatches(token, req.headers[TOKEN_HEADER]))
      return {
        code: 'unauthorized',
        message: '访问令牌缺失或无效：请用程序启动时打印的完整地址（含 #token=…）重新打开页面。',
      };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin))
      return { code: 'forbidden-origin', message: '拒绝来自其他网站的请求。' };
    return null;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!tokenMatches(token, req.headers[TOKEN_HEADER])) {
      req.resume();
      sendResult(res, 401, {
        code: 'unauthorized',
        message: '访问令牌缺失或无效：请用程序启动时打印的完整地址（含 #token=…）重新打开页面。',
      });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      sendResult(res, 405, { code: 'method-not-allowed', message: '接口只接受 POST 请求。' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      req.resume();
      sendResult(res, 403, { code: 'forbidden-origin', message: '拒绝来自其他网站的请求。' });
      return;
    }
    if (!METHOD_NAME.test(method) || !hasMethod(options.contract, method)) {
      req.resume();
      sendResult(res, 404, unknownMethodError(method));
      return;
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      req.resume();
      sendResult(res, 415, {
        code: 'unsupported-media-type',
        message: '请求内容必须是 JSON（Content-Type: application/json）。',
      });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      refuseTooLarge(req, res, maxBodyBytes);
      return;
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      refuseTooLarge(req, res, maxBodyBytes);
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      sendResult(res, 400, { code: 'bad-json', message: '请求内容不是有效的 JSON，请刷新页面后重试。' });
      return;
    }
    const result = await invokeMethod(options.contract, options.service, method, input, {
      onInternalError: options.onInternalError,
    });
    let json: string;
    try {
      json = JSON.stringify(result);
    } catch (error) {
      options.onInternalError?.(method, error);
      sendResult(res, 500, { code: 'internal', message: INTERNAL_MESSAGE });
      return;
    }
    sendJson(res, 200, json);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const found = await resolveStaticFile(options.staticDir, pathname);
    if (found.kind === 'bad-request') {
      sendText(res, 400, '请求的路径无效。');
      return;
    }
    if (found.kind === 'not-found') {
      sendText(res, 404, '找不到该文件。如果页面无法打开，请先运行 npm run build。');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeFor(found.filePath),
      'Content-Length': String(found.size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(found.filePath);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  return {
    port,
    origin,
    url: `${origin}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  // Keep reading (and dropping) what the client still sends so it sees the answer, then close.
  req.resume();
  res.setHeader('Connection', 'close');
  const size =
    limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(limit / 1024))} KB`;
  sendResult(res, 413, { code: 'too-large', message: `请求内容过大（上限 ${size}）。请缩小附件后重试。` });
}

function sendResult(res: ServerResponse, status: number, error: ErrorData): void {
  sendJson(res, status, JSON.stringify({ ok: false, error }));
}

function sendJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(json);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
