/**
 * Maps a request path to a file of the built renderer, safely. Shared by the browser host
 * and by Electron's app:// protocol handler, so both refuse the same paths.
 *
 * Why so careful: the host listens on a socket, and the protocol handler is reachable by
 * any page we load; a path like `/..%2f..%2fpackage.json` must never leave `rootDir`.
 * We decode once, refuse `..`, `.`-files, backslashes and NUL, then check the resolved and
 * the real (symlink-free) path are both inside the real root.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticResolution =
  { kind: 'file'; filePath: string; size: number; isIndex: boolean } | { kind: 'bad-request' } | { kind: 'not-found' };

/**
 * Resolves `urlPath` (the path part of a URL, still percent-encoded, no query) under `rootDir`.
 * `/` and extension-less paths that match no file get `index.html` (the renderer routes
 * in the page); anything that looks like a file and is missing is `not-found`.
 */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticResolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\') || decoded.length > 1024) {
    return { kind: 'bad-request' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request' };
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return { kind: 'not-found' };

  let realRoot: string;
  try {
    realRoot = await realpath(rootDir);
  } catch {
    return { kind: 'not-found' };
  }
  const index = path.join(realRoot, 'index.html');
  if (segments.length === 0) return fileAt(realRoot, index, true);

  const candidate = path.resolve(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return { kind: 'bad-request' };
  const found = await fileAt(realRoot, candidate, false);
  if (found.kind === 'file') return found;
  const last = segments[segments.length - 1] ?? '';
  return last.includes('.') ? { kind: 'not-found' } : fileAt(realRoot, index, true);
}

async function fileAt(realRoot: string, candidate: string, isIndex: boolean): Promise<StaticResolution> {
  try {
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return { kind: 'not-found' };
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', filePath: real, size: info.size, isIndex };
  } catch {
    return { kind: 'not-found' };
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
