/**
 * Which links may leave the app for the system browser (`shell.openExternal`).
 *
 * openExternal hands a string to the OS; with `file:`, `smb:`, custom handlers or
 * credentials in the URL that can run programs or leak data. So: https only, a real DNS
 * name (no IP literal, no localhost, no single-label intranet name), default port, no
 * user:password, bounded length. Callers may narrow further with an allow-list.
 */
const MAX_URL_LENGTH = 2048;

export interface VetOptions {
  /** If given, the host must equal one of these or be a subdomain of one. */
  allowedHosts?: readonly string[];
}

export function isVettedExternalUrl(raw: unknown, options: VetOptions = {}): raw is string {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  if (host === '' || host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return false;
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return false;
  if (options.allowedHosts) {
    return options.allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  }
  return true;
}
