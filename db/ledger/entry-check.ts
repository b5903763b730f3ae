import { ByteMatcher, ENTRY_VERSION, entryPrefix, entrySuffix } from './entry-bytes';
import { sha256Hex } from './hashing';
import { problems } from './problems';
import type { Problem } from './types';

/** The columns of a stored entry, as read (types unchecked: the file may be damaged). */
export interface StoredColumns {
  kind: unknown;
  recordedAt: unknown;
  author: unknown;
  flags: unknown;
  attachments: unknown;
  tree: unknown;
  leaf: unknown;
}

export function columnTypesOk(c: StoredColumns): boolean {
  return (
    typeof c.kind === 'string' &&
    typeof c.recordedAt === 'string' &&
    typeof c.author === 'string' &&
    typeof c.flags === 'string' &&
    typeof c.attachments === 'string' &&
    typeof c.tree === 'string' &&
    Buffer.isBuffer(c.leaf)
  );
}

/**
 * Slow path, run once when the prefix/suffix comparison failed: parse the sealed bytes and
 * say which part disagrees, so the user reads "the previous hash" or "the kind column"
 * instead of a bare mismatch.
 */
export function diagnoseEnvelope(bookId: string, seq: number, prevHex: string, c: StoredColumns): Problem {
  let sealed: Record<string, unknown>;
  try {
    sealed = JSON.parse((c.leaf as Buffer).toString('utf8', 1)) as Record<string, unknown>;
  } catch {
    return problems.columnsMismatch(seq, '封存内容不是有效的 JSON');
  }
  if (sealed.prev !== prevHex) return problems.chainBroken(seq);
  if (sealed.seq !== seq) return problems.columnsMismatch(seq, `条目位置（封存内容写的是第 ${String(sealed.seq)} 条）`);
  const differing: string[] = [];
  const compare = (label: string, column: unknown, value: unknown) => {
    if (column !== value) differing.push(label);
  };
  compare('所属记录本', bookId, sealed.book);
  compare('类型 kind', c.kind, sealed.kind);
  compare('记录时间 recordedAt', c.recordedAt, sealed.recordedAt);
  compare('作者密钥 author', c.author, sealed.author);
  compare('标记 flags', c.flags, JSON.stringify(sealed.flags));
  compare('附件 attachments', c.attachments, JSON.stringify(sealed.attachments));
  compare('格式版本 v', ENTRY_VERSION, sealed.v);
  if (differing.length > 0) return problems.columnsMismatch(seq, differing.join('、'));
  return problems.columnsMismatch(seq, '封存内容不是规范格式');
}

/**
 * Checks one stored entry against the recomputed previous hash and the expected seq:
 * hash of the bytes equals the stored hash, and the bytes are exactly
 * prefix(columns) + body + suffix(columns, prev, seq). Null when it is sound.
 */
export function entryProblem(
  bookId: string,
  seq: number,
  prevHex: string,
  c: StoredColumns,
  matcher: ByteMatcher = new ByteMatcher(),
  /** `hashed`: the caller took `tree`'s hash from these very bytes a moment ago (the import). */
  options: { hashed?: boolean } = {},
): Problem | null {
  if (!columnTypesOk(c)) return problems.columnsMismatch(seq, '列的数据类型');
  const leaf = c.leaf as Buffer;
  const tree = c.tree as string;
  if (!options.hashed && tree.slice(0, 64) !== sha256Hex(leaf)) return problems.hashMismatch(seq);
  const prefix = entryPrefix(c.attachments as string, c.author as string);
  const suffix = entrySuffix(bookId, c.flags as string, c.kind as string, prevHex, c.recordedAt as string, seq);
  if (!matcher.matchesEnvelope(leaf, prefix, suffix)) return diagnoseEnvelope(bookId, seq, prevHex, c);
  return null;
}
