/**
 * The Content-Security-Policy for every page of the app, in Electron (app:// protocol)
 * and in the browser host (http://127.0.0.1). One string, so both hosts are equally strict.
 *
 * - Scripts only from our own origin: no inline script, no eval, no remote code.
 * - Styles allow 'unsafe-inline' because antd's CSS-in-JS inserts <style> elements at run
 *   time; styles cannot run code, and everything else stays locked down.
 * - `connect-src 'self'` lets the browser host's page call its own /api and nothing else;
 *   in Electron there is nothing to connect to (IPC does not go through the network).
 * - Images may be data:/blob: URLs (attachment previews, generated charts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every page and asset, by both hosts. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
