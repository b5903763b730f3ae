import type { Problem } from './types';

/**
 * Problems found while proving what a reader asked for (an entry, an attachment) or while
 * remembering an earlier failure. Same shape and tone as problems.ts: what is wrong, where,
 * and what to do; never a path, SQL text or a stack.
 */

const RESTORE = '请不要继续在这本记录本上记录，用备份或导出的数据包恢复，并保留当前文件作为证据。';

export const readProblems = {
  notInCheckpoint: (seq: number): Problem => ({
    code: 'not-in-checkpoint',
    seq,
    message: `第 ${seq} 条的内容与签名检查点不符：它的内容（连同记录的哈希）在封存后被改写。${RESTORE}`,
  }),
  beyondCheckpoint: (seq: number, size: number): Problem => ({
    code: 'not-in-checkpoint',
    seq,
    message: `第 ${seq} 条不在已验证签名的检查点范围内（检查点只覆盖前 ${size} 条），无法证明它是封存时的原文。${RESTORE}`,
  }),
  noTrustedCheckpoint: (seq: number): Problem => ({
    code: 'checkpoint-missing',
    seq,
    message: `这本记录本没有能验证签名的检查点，无法证明第 ${seq} 条是封存时的原文。${RESTORE}`,
  }),
  attachmentDamaged: (hash: string): Problem => ({
    code: 'attachment-mismatch',
    message: `附件（${hash.slice(0, 12)}…）的内容与封存时记录的哈希不符：附件在保存后被替换或损坏，不能作为原件提供。${RESTORE}`,
  }),
  remembered: (at: string, first: Problem | undefined): Problem => ({
    code: first?.code ?? 'database-corrupt',
    ...(first?.seq !== undefined ? { seq: first.seq } : {}),
    message: `此前（${at}）的完整校验发现这本记录本被改动，须从经过校验的备份（数据包）恢复后才能继续记录：${first?.message ?? ''}`,
  }),
};
