/**
 * Filing documents (.docx) built from the book's proven records (001 模板2–9, 会议纪要), and
 * drafts written from the records (the leader's 述职, the year's 台账 summary).
 */
import { z } from 'zod';
import { line, memberId, prose, yearNumber } from './common';

export const DOCUMENT_KINDS = {
  'member-forms': '党组织人员备案表',
  'party-roster': '党员名册',
  minutes: '会议纪要',
  'election-request': '换届（补选）请示',
  'election-candidates': '候选人预备人选备案表',
  'election-result': '选举结果的请示',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const documentKind = z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]], {
  message: '文书类别无效',
});
/** The kinds built from one meeting (they need `seq`). */
export const MEETING_DOCUMENT_KINDS: readonly DocumentKind[] = [
  'minutes',
  'election-request',
  'election-candidates',
  'election-result',
];

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A built file, as attachments.get hands bytes over: base64. */
export interface DocumentFile {
  fileName: string;
  mediaType: string;
  dataBase64: string;
  size: number;
}

export const RECORD_DRAFT_KINDS = { shuzhi: '述职报告', 'ledger-summary': '台账总结' } as const;
export type RecordDraftKind = keyof typeof RECORD_DRAFT_KINDS;
export const recordDraftKind = z.enum(['shuzhi', 'ledger-summary'], { message: '草稿类别应为述职报告或台账总结' });

/** A work-item draft (述职 or 年度书面总结): the fields of `workItemInput` for these two types. */
export const recordDraft = z.object({
  type: z.enum(['annual-report', 'annual-summary'], { message: '只能把述职或年度总结保存为文书' }),
  title: line(200),
  year: yearNumber,
  reporterId: memberId.optional(),
  work: prose(),
  problems: prose(),
  plan: prose(),
});
export type RecordDraft = z.infer<typeof recordDraft> & {
  /** Seqs of the entries its facts were read from. */
  sources: number[];
};
