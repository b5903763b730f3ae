import { canonicalJson } from './canonical';
import { LedgerError } from './errors';
import { isHex64 } from './hashing';
import type { EntryInput, Hex } from './types';

/** Checks what a caller asks to seal, before any transaction starts. */

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ENTRY = 200;
const KIND = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export interface PreparedInput {
  kind: string;
  bodyJson: string;
  attachments: Hex[];
}

export function isValidKind(kind: unknown): kind is string {
  return typeof kind === 'string' && kind.length <= 100 && KIND.test(kind);
}

/**
 * `ledger.*` kinds are the ledger's own (genesis, key rotation, correction) and only the
 * ledger may seal them: a caller could otherwise forge a key rotation.
 */
export function prepareInput(input: EntryInput, allowLedgerKinds = false): PreparedInput {
  if (typeof input !== 'object' || input === null) {
    throw new LedgerError('invalid-input', '要封存的条目必须是对象 {kind, body, attachments?}。');
  }
  const { kind, body, attachments = [] } = input;
  if (!isValidKind(kind)) {
    throw new LedgerError(
      'invalid-input',
      `条目类型“${String(kind)}”不合规：只能由英文字母、数字、下划线、连字符和点组成，以字母开头，例如 meeting 或 member.join。`,
    );
  }
  if (!allowLedgerKinds && kind.startsWith('ledger.')) {
    throw new LedgerError(
      'invalid-input',
      `条目类型“${kind}”保留给账本自身使用（建账、密钥轮换、更正），请使用相应的方法。`,
    );
  }
  if (!Array.isArray(attachments) || attachments.length > MAX_ATTACHMENTS_PER_ENTRY) {
    throw new LedgerError('invalid-input', `附件列表必须是数组，且每条最多 ${MAX_ATTACHMENTS_PER_ENTRY} 个附件。`);
  }
  const seen = new Set<string>();
  for (const hash of attachments) {
    if (!isHex64(hash)) {
      throw new LedgerError('invalid-input', `附件标识“${String(hash)}”不是 64 位小写十六进制的 SHA-256 值。`);
    }
    if (seen.has(hash)) throw new LedgerError('invalid-input', `附件 ${hash.slice(0, 12)}… 在同一条目中重复出现。`);
    seen.add(hash);
  }
  const bodyJson = canonicalJson(body, '条目正文');
  if (Buffer.byteLength(bodyJson) > MAX_BODY_BYTES) {
    throw new LedgerError(
      'invalid-input',
      `条目正文过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB）。大段材料请作为附件保存，正文只写要点。`,
    );
  }
  return { kind, bodyJson, attachments: [...attachments] };
}
