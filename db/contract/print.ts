/** Printing the record book and checking a printed page: inputs (validated) and views. */
import { z } from 'zod';
import { bookId, dateString, seqNumber, yearNumber } from './common';

/** The most entries a selection print names (its code lists them all). */
export const MAX_PRINT_SELECTION = 30;
export const PAPERS = { A4: 'A4（210×297 毫米）', B5: 'B5（176×250 毫米）' } as const;
export const paper = z.enum(['A4', 'B5'], { message: '纸张应为 A4 或 B5' });

export const printInput = z
  .object({
    bookId,
    /** One entry or a selection (printed without cover) … */
    seqs: z
      .array(seqNumber)
      .min(1, { message: '请选择要打印的记录' })
      .max(MAX_PRINT_SELECTION, { message: `一次最多选择 ${MAX_PRINT_SELECTION} 条，更多请按日期范围或年度打印` })
      .optional(),
    /** … or a whole year, or a date range (with cover and contents). */
    year: yearNumber.optional(),
    from: dateString.optional(),
    to: dateString.optional(),
    paper: paper.default('A4'),
    /** Each entry's first page (from a layout pass, see db/print/paginate.ts), written into the contents. */
    pageStarts: z.array(z.number().int().min(1).max(100_000)).max(400).optional(),
  })
  .refine(
    (p) =>
      [p.seqs !== undefined, p.year !== undefined, p.from !== undefined || p.to !== undefined].filter(Boolean)
        .length === 1,
    { message: '请选择一种打印范围：记录、年度或日期范围', path: ['seqs'] },
  )
  .refine((p) => (p.from === undefined) === (p.to === undefined), {
    message: '日期范围需要开始和结束日期',
    path: ['to'],
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, {
    message: '开始日期不能晚于结束日期',
    path: ['to'],
  });

export const checkCodeInput = z.object({
  /** The code as typed or decoded from the page's QR. */
  code: z.string().max(400, { message: '核对码过长，不是本软件打印的页面' }),
});

export interface PrintEntryView {
  seq: number;
  kindLabel: string;
  title: string;
  date: string;
  code: string;
  page?: number;
}

export interface PrintView {
  /** The whole print: one HTML document with its paged-media CSS, no script. */
  html: string;
  title: string;
  /** A file name for 另存为 PDF. */
  fileName: string;
  paper: 'A4' | 'B5';
  checkpoint: { size: number; fingerprint: string };
  /** Cover and contents' code, for prints that have them. */
  coverCode?: string;
  entries: PrintEntryView[];
}

export interface PrintCheckItem {
  label: string;
  ok: boolean;
  detail: string;
}

export interface PrintCheckView {
  /** Whether the page matches the sealed record. */
  accepted: boolean;
  /** Why not, in Chinese, when refused. */
  reason?: string;
  code: string;
  bookId?: string;
  bookName?: string;
  /** 第 N 条, or 0 for the cover and contents. */
  seq?: number;
  scope?: string;
  title?: string;
  checks: PrintCheckItem[];
  /** The page as the record holds it (that entry, as of the print's checkpoint), to lay beside the photo. */
  html?: string;
}
