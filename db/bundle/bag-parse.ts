import { BUNDLE_NAMESPACE } from './sshsig';
import { decodeUtf8 } from './safe-json';

/**
 * Strict readers for the bag's tag files, in exactly the forms bagit.ts and sshsig.ts write:
 * anything else (CRLF, BOM, percent-encoded paths, repeated labels, extra lines) is refused
 * rather than interpreted, because a second interpretation is what a forger needs.
 * Each returns a value or a `{ zh, en }` reason.
 */

export interface Reason {
  zh: string;
  en: string;
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;
}

function lines(bytes: Buffer, what: string): string[] | Reason {
  const text = decodeUtf8(bytes);
  if (text === null) return { zh: `${what} 不是 UTF-8 文本`, en: `${what} is not UTF-8 text` };
  if (text.includes('\r')) return { zh: `${what} 含有回车符（CR）`, en: `${what} contains CR characters` };
  if (text.length > 0 && !text.endsWith('\n'))
    return { zh: `${what} 最后一行没有换行符`, en: `${what} does not end with a newline` };
  return text === '' ? [] : text.slice(0, -1).split('\n');
}

const MANIFEST_LINE = /^([0-9a-f]{64}) {2}([A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)$/u;

/** `<sha256>  <path>` lines (manifest-sha256.txt, tagmanifest-sha256.txt): path → hash. */
export function parseManifest(bytes: Buffer, what: string): Map<string, string> | Reason {
  const list = lines(bytes, what);
  if (isReason(list)) return list;
  const map = new Map<string, string>();
  for (const [i, line] of list.entries()) {
    const m = MANIFEST_LINE.exec(line);
    if (!m || m[2]!.split('/').some((s) => s === '.' || s === '..')) {
      return { zh: `${what} 第 ${i + 1} 行格式不对`, en: `${what} line ${i + 1} is not "<sha256>  <path>"` };
    }
    if (map.has(m[2]!)) return { zh: `${what} 中 ${m[2]} 列出了两次`, en: `${what} lists ${m[2]} twice` };
    map.set(m[2]!, m[1]!);
  }
  return map;
}

/** `Label: value` lines of bag-info.txt; every label at most once (continuation lines are not written by us). */
export function parseBagInfo(bytes: Buffer): Map<string, string> | Reason {
  const list = lines(bytes, 'bag-info.txt');
  if (isReason(list)) return list;
  const map = new Map<string, string>();
  for (const [i, line] of list.entries()) {
    const m = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/u.exec(line);
    if (!m)
      return { zh: `bag-info.txt 第 ${i + 1} 行格式不对`, en: `bag-info.txt line ${i + 1} is not "Label: value"` };
    if (map.has(m[1]!)) return { zh: `bag-info.txt 中 ${m[1]} 出现了两次`, en: `bag-info.txt has ${m[1]} twice` };
    map.set(m[1]!, m[2]!);
  }
  return map;
}

/** The one allowed_signers line: principal, our namespace, an ssh-ed25519 key. */
export function parseAllowedSigners(bytes: Buffer): { principal: string; publicKeyLine: string } | Reason {
  const list = lines(bytes, 'allowed_signers');
  if (isReason(list)) return list;
  if (list.length !== 1)
    return {
      zh: `allowed_signers 应只有一行，实际 ${list.length} 行`,
      en: `allowed_signers must hold one line, it holds ${list.length}`,
    };
  const m = /^([A-Za-z0-9._@-]{1,128}) namespaces="([^"]*)" (ssh-ed25519 [A-Za-z0-9+/=]+)$/u.exec(list[0]!);
  if (!m)
    return {
      zh: 'allowed_signers 的格式不对',
      en: 'allowed_signers is not "<principal> namespaces="…" ssh-ed25519 <key>"',
    };
  if (m[2] !== BUNDLE_NAMESPACE) {
    return {
      zh: `allowed_signers 的用途（namespaces）是 ${m[2]}，不是 ${BUNDLE_NAMESPACE}`,
      en: `allowed_signers namespaces is ${m[2]}, not ${BUNDLE_NAMESPACE}`,
    };
  }
  return { principal: m[1]!, publicKeyLine: m[3]! };
}
