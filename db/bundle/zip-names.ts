import { MAX_NAME_BYTES } from './bundle-limits';
import { decodeUtf8 } from './safe-json';

/**
 * Names inside a bundle zip. They are never used as file paths (nothing is extracted by
 * name), but a bundle is also opened by unzip, Explorer and 7-Zip, so a name that would
 * escape a folder, hide behind bidi overrides or collide on a case-insensitive disk is
 * refused outright: such a zip was not written by this app. Each refusal has a stable
 * `detail` code and says, in Chinese and English, what is wrong with which name.
 */

export type NameProblem =
  | 'name-encoding'
  | 'name-control'
  | 'name-bidi'
  | 'name-backslash'
  | 'name-absolute'
  | 'name-traversal'
  | 'name-percent'
  | 'name-not-nfc'
  | 'name-too-long'
  | 'name-reserved';

export interface NameVerdict {
  ok: false;
  detail: NameProblem;
  zh: string;
  en: string;
}

/** U+061C, U+200E/F, U+202A–E, U+2066–9: they reorder how a name is displayed. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const PERCENT = /%[0-9a-f]{2}/iu;
/** Only the Info-ZIP Unicode Path field (0x7075) gives an entry a second name. */
const UNICODE_PATH_FIELD = 0x7075;

/** Shown in messages: the name with every non-printable or non-ASCII character escaped. */
export function showName(name: string): string {
  return JSON.stringify(name).replace(/[^\x20-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

function refuse(detail: NameProblem, zh: string, en: string): NameVerdict {
  return { ok: false, detail, zh, en };
}

/**
 * Decodes a raw central-directory name: UTF-8 only (flag 0x800, or plain ASCII) — CP437
 * names and the second name of the Unicode Path extra field are ambiguous, refused.
 */
export function decodeEntryName(
  raw: Buffer,
  generalPurposeBitFlag: number,
  extraFieldIds: readonly number[],
): { ok: true; name: string } | NameVerdict {
  const where = showName(raw.toString('latin1'));
  if (raw.length === 0) return refuse('name-encoding', '压缩包中有一个没有名字的文件', 'an entry has an empty name');
  if (raw.length > MAX_NAME_BYTES)
    return refuse('name-too-long', `文件名超过 ${MAX_NAME_BYTES} 字节`, `name longer than ${MAX_NAME_BYTES} bytes`);
  if (extraFieldIds.includes(UNICODE_PATH_FIELD)) {
    return refuse(
      'name-encoding',
      `文件名 ${where} 带有第二个名字（Unicode Path 扩展字段）`,
      `name ${where} carries a second name (Unicode Path extra field)`,
    );
  }
  const ascii = raw.every((b) => b < 0x80);
  const name = ascii || (generalPurposeBitFlag & 0x800) !== 0 ? decodeUtf8(raw) : null;
  if (name === null) return refuse('name-encoding', `文件名 ${where} 不是 UTF-8 编码`, `name ${where} is not UTF-8`);
  return { ok: true, name };
}

/**
 * The rules every name must follow (before it is compared with the expected file set).
 * `isDirectory` names end with one '/'.
 */
export function checkEntryName(name: string): NameVerdict | null {
  const shown = showName(name);
  if (CONTROL.test(name))
    return refuse(
      'name-control',
      `文件名 ${shown} 含有控制字符（如 NUL）`,
      `name ${shown} contains a control character (e.g. NUL)`,
    );
  if (BIDI.test(name))
    return refuse(
      'name-bidi',
      `文件名 ${shown} 含有改变显示方向的字符`,
      `name ${shown} contains a bidirectional override character`,
    );
  if (name.includes('\\'))
    return refuse('name-backslash', `文件名 ${shown} 含有反斜杠`, `name ${shown} contains a backslash`);
  if (name.startsWith('/') || /^[A-Za-z]:/u.test(name)) {
    return refuse('name-absolute', `文件名 ${shown} 是绝对路径`, `name ${shown} is an absolute path`);
  }
  if (PERCENT.test(name))
    return refuse('name-percent', `文件名 ${shown} 含有百分号编码`, `name ${shown} contains percent-encoding`);
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    return refuse(
      'name-traversal',
      `文件名 ${shown} 含有 “..”、“.” 或空的路径段`,
      `name ${shown} contains a "..", "." or empty path segment`,
    );
  }
  if (segments.some((s) => s.includes(':') || /[. ]$/u.test(s))) {
    return refuse(
      'name-reserved',
      `文件名 ${shown} 含有冒号或以点、空格结尾`,
      `name ${shown} contains ':' or a segment ending in '.' or ' '`,
    );
  }
  if (name.normalize('NFC') !== name)
    return refuse('name-not-nfc', `文件名 ${shown} 不是 NFC 规范形式`, `name ${shown} is not in Unicode NFC`);
  return null;
}

/** Two names that one disk (case-insensitive, normalising) would treat as the same file. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase();
}

/** The bag's files, relative to the top folder. */
export const TAG_FILES = [
  'bagit.txt',
  'bag-info.txt',
  'manifest-sha256.txt',
  'allowed_signers',
  'README.txt',
  'verify_ledger.py',
] as const;
export const SIGNED_TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
export const PAYLOAD_FILES = ['data/book.json', 'data/entries.jsonl', 'data/checkpoint.json'] as const;
export const REQUIRED_FILES: readonly string[] = [...TAG_FILES, SIGNED_TAG_MANIFEST, SIGNATURE_FILE, ...PAYLOAD_FILES];
export const BAG_DIRECTORIES: readonly string[] = ['', 'data', 'data/attachments'];
const ATTACHMENT = /^data\/attachments\/([0-9a-f]{64})$/u;

export type BagFileKind = 'tag' | 'payload' | 'attachment';

/** What a relative name is in the bag, or null if the bag has no such file. */
export function classifyBagFile(relative: string): { kind: BagFileKind; hash?: string } | null {
  if (
    (TAG_FILES as readonly string[]).includes(relative) ||
    relative === SIGNED_TAG_MANIFEST ||
    relative === SIGNATURE_FILE
  ) {
    return { kind: 'tag' };
  }
  if ((PAYLOAD_FILES as readonly string[]).includes(relative)) return { kind: 'payload' };
  const m = ATTACHMENT.exec(relative);
  return m ? { kind: 'attachment', hash: m[1]! } : null;
}
