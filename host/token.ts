/**
 * The browser host's access token: 32 random bytes, base64url. Every /api call must carry
 * it in `X-Logbook-Token`. It reaches the page only through the URL fragment printed at
 * start (fragments are never sent to a server or written to its logs).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-logbook-token';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the content nor
 * the length of the expected token leaks through timing.
 */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 512) return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}
