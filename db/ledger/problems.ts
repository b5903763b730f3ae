import type { Problem } from './types';

/**
 * Every problem a check can report, with the Chinese sentence the user reads: what is
 * wrong, where (the first bad seq), and what to do. Codes are stable for programs.
 */

const RESTORE = '请不要继续在这本记录本上记录，用备份或导出的数据包恢复，并保留当前文件作为证据。';

/**
 * The outside checkpoint is named by its file name only (`<book id>.json`), never its path:
 * messages reach the UI, and a path shows the user's account name and folder layout.
 */
const OUTSIDE = '数据库外保存的检查点文件';
const named = (file: string): string => (/^[A-Za-z0-9-]{1,64}\.json$/.test(file) ? `（${file}）` : '');

export const problems = {
  seqGap: (expected: number, found: number | null): Problem => ({
    code: 'seq-gap',
    seq: expected,
    message:
      found === null
        ? `第 ${expected} 条缺失：条目在封存后被删除。${RESTORE}`
        : `条目不连续：应为第 ${expected} 条，却读到第 ${found} 条（条目被删除或插入）。${RESTORE}`,
  }),
  hashMismatch: (seq: number): Problem => ({
    code: 'hash-mismatch',
    seq,
    message: `第 ${seq} 条的内容与封存时记录的哈希不符：该条目在封存后被改动。${RESTORE}`,
  }),
  chainBroken: (seq: number): Problem => ({
    code: 'chain-broken',
    seq,
    message: `第 ${seq} 条记录的“前一条哈希”与第 ${seq - 1} 条的实际内容不符：链条在此断开，前面的条目被改动、替换或删除。${RESTORE}`,
  }),
  columnsMismatch: (seq: number, detail: string): Problem => ({
    code: 'columns-mismatch',
    seq,
    message: `第 ${seq} 条的登记信息（${detail}）与封存内容不一致：数据库被直接改动。${RESTORE}`,
  }),
  merkleNodeMismatch: (seq: number): Problem => ({
    code: 'merkle-node-mismatch',
    seq,
    message: `第 ${seq} 条保存的默克尔树节点与重新计算的结果不符：数据库被直接改动。${RESTORE}`,
  }),
  checkpointMissing: (): Problem => ({
    code: 'checkpoint-missing',
    message: `数据库中找不到这本记录本的签名检查点，无法确认内容完整。${RESTORE}`,
  }),
  checkpointInvalid: (): Problem => ({
    code: 'bad-signature',
    message: `数据库中的签名检查点格式已损坏或被改动。${RESTORE}`,
  }),
  badSignature: (keyId: string): Problem => ({
    code: 'bad-signature',
    message: `最新检查点的签名不能用当时生效的密钥（${keyId}）验证：检查点被伪造或改动。${RESTORE}`,
  }),
  sizeMismatch: (checkpointSize: number, dbSize: number): Problem => ({
    code: 'size-mismatch',
    ...(dbSize > checkpointSize ? { seq: checkpointSize + 1 } : {}),
    ...(dbSize < checkpointSize ? { missing: { from: dbSize + 1, to: checkpointSize } } : {}),
    message:
      dbSize < checkpointSize
        ? `签名检查点记录了 ${checkpointSize} 条，数据库只有 ${dbSize} 条：第 ${dbSize + 1}–${checkpointSize} 条丢失。${RESTORE}`
        : `签名检查点只记录了 ${checkpointSize} 条，数据库却有 ${dbSize} 条：第 ${checkpointSize + 1} 条起未经签名（被插入）。${RESTORE}`,
  }),
  rootMismatch: (size: number): Problem => ({
    code: 'root-mismatch',
    message: `前 ${size} 条的默克尔树根与签名检查点不符：有条目在封存后被改动。${RESTORE}`,
  }),
  attachmentMissing: (seq: number, hash: string): Problem => ({
    code: 'attachment-missing',
    seq,
    message: `第 ${seq} 条引用的附件（${hash.slice(0, 12)}…）不在数据库中。${RESTORE}`,
  }),
  attachmentMismatch: (seq: number, hash: string): Problem => ({
    code: 'attachment-mismatch',
    seq,
    message: `第 ${seq} 条引用的附件（${hash.slice(0, 12)}…）内容与其哈希不符：附件被改动。${RESTORE}`,
  }),
  keyInvalid: (seq: number | undefined, detail: string): Problem => ({
    code: 'key-invalid',
    ...(seq !== undefined ? { seq } : {}),
    message: `${seq !== undefined ? `第 ${seq} 条：` : ''}${detail}${RESTORE}`,
  }),
  outsideAhead: (dbSize: number, outsideSize: number, file: string): Problem => ({
    code: 'outside-checkpoint-ahead',
    missing: { from: dbSize + 1, to: outsideSize },
    message:
      `${OUTSIDE}${named(file)}记录这本记录本已有 ${outsideSize} 条，数据库里只有 ${dbSize} 条：` +
      `第 ${dbSize + 1}–${outsideSize} 条不见了。数据库文件可能被旧副本替换，或者其 -wal 文件丢失。${RESTORE}`,
  }),
  outsideFork: (size: number, file: string): Problem => ({
    code: 'outside-checkpoint-fork',
    message: `${OUTSIDE}${named(file)}在第 ${size} 条处与数据库内容对不上：两者已分叉，数据库被替换或改动。${RESTORE}`,
  }),
  outsideInvalid: (file: string, reason: string): Problem => ({
    code: 'outside-checkpoint-invalid',
    message: `${OUTSIDE}${named(file)}无效：${reason}。${RESTORE}`,
  }),
  outsideMissing: (file: string): Problem => ({
    code: 'outside-checkpoint-missing',
    message: `${OUTSIDE}${named(file)}不见了，无法确认数据库没有被旧副本替换或丢失记录。请找回该文件，或用数据包恢复。`,
  }),
  schemaMismatch: (detail: string): Problem => ({
    code: 'schema-mismatch',
    message: `数据库结构被改动（${detail}），例如保护记录的触发器被删除。${RESTORE}`,
  }),
  databaseCorrupt: (detail: string, seq?: number): Problem => ({
    code: 'database-corrupt',
    ...(seq !== undefined ? { seq } : {}),
    message: `数据库文件已损坏，无法读取${seq !== undefined ? `第 ${seq} 条附近的` : ''}数据（${detail}）。${RESTORE}`,
  }),
};
