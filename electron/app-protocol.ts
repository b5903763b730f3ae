/**
 * The app:// protocol that serves the built renderer (out/renderer) to our window.
 *
 * Why a custom protocol rather than file://: the page gets a real, stable origin
 * (`app://logbook`) that the CSP, the sender check and the navigation guards can name;
 * file:// pages would share an origin with every local file. The `grantFileProtocolExtraPrivileges`
 * fuse is turned off in the packaged app for the same reason. The scheme is standard and
 * secure (so storage and IndexedDB work), and NOT cors-enabled (other origins cannot read it).
 * Path safety is shared with the browser host (host/static-files.ts).
 */
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS } from '../host/csp';
import { mimeTypeFor, resolveStaticFile } from '../host/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'logbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: false, corsEnabled: false },
};

/** Must run before `app` is ready. */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** True for URLs of our own origin (`app://logbook/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** The handler for `protocol.handle('app', …)`; uses only the web Request/Response API, so Node tests can call it. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, '地址无效。');
    }
    if (!isAppUrl(request.url)) return textResponse(404, '找不到该页面。');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求方式。');
    const found = await resolveStaticFile(rendererDir, url.pathname);
    if (found.kind === 'bad-request') return textResponse(400, '请求的路径无效。');
    if (found.kind === 'not-found') return textResponse(404, '找不到该文件。程序文件可能不完整，请重新安装。');
    const body = request.method === 'HEAD' ? null : await readFile(found.filePath);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(found.filePath), 'Cache-Control': 'no-cache' },
    });
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
