/** Printing the record book and checking a printed page: inputs (validated) and views. */
import { z } from 'zod';
import { bookId, dateString, seqNumber, yearNumber } from './common';

/** The most entries a selection print names (its code lists them all). */
export const MAX_PRINT_SELECTION = 30;
export const PAPERS = { A4: 'A4（210×297 毫米）', B5: 'B5（176×250 毫米）' } as const;
export const paper = z.enum(['A4', 'B5'], { message: '纸张应为 A4 或 B5' });

const px = z.number().min(0).max(100_000);
/** One item of a flow as the printing browser laid it out (db/contract/print-measure.ts), in CSS px. */
export const itemMeasure = z.object({
  h: px,
  head: px.optional(),
  rows: z.array(px).max(2_000).optional(),
  cols: z.array(px).max(40).optional(),
  /** Prose: each line's first character (textContent offset) and its top below the block's top. */
  lines: z
    .array(z.tuple([z.number().int().min(0).max(1_000_000), px]))
    .max(20_000)
    .optional(),
});
export const flowMeasure = z.object({
  id: z.string().max(40),
  items: z.array(itemMeasure).max(2_000),
});
export type ItemMeasure = z.infer<typeof itemMeasure>;
export type FlowMeasure = z.infer<typeof flowMeasure>;

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
    /** The year's ledger (年度台账) as record-book pages, instead of entries (with `year`). */
    ledger: z.boolean().optional(),
    /**
     * The measuring pass of this print (db/contract/print-measure.ts) by the browser that prints it:
     * without it the view is the measuring document; with it, the pages, each with its own code.
     */
    layout: z.array(flowMeasure).max(500).optional(),
    /**
     * The print as it was made from the checkpoint of this size (a checked page's code names it):
     * only entries and corrections sealed up to it. Default: the newest signed checkpoint.
     */
    atSize: seqNumber.optional(),
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
  .refine((p) => !p.ledger || p.year !== undefined, { message: '年度台账需要选择年度', path: ['year'] })
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
  /** The code of the entry's first page, and that page (stage `pages`). */
  code?: string;
  page?: number;
}

/** One printed page: its number, the entry on it (0: cover, contents or ledger) and its code. */
export interface PrintPageView {
  page: number;
  seq: number;
  code: string;
}

export interface PrintView {
  /**
   * `measure`: `html` is the measuring document (lay it out, run measureFlows, ask again with
   * the layout); `pages`: `html` is the print, one fixed page box per sheet, no script.
   */
  stage: 'measure' | 'pages';
  html: string;
  /** Every page with its code (stage `pages`). */
  pages: PrintPageView[];
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
  /** 第 N 条, or 0 for the cover and contents (or the ledger). */
  seq?: number;
  /** The page the code names and how many the print had (codes printed per page). */
  page?: number;
  pageCount?: number;
  scope?: string;
  title?: string;
  checks: PrintCheckItem[];
  /** The page as the record holds it (that entry, as of the print's checkpoint), to lay beside the photo. */
  html?: string;
  /**
   * An accepted page's print, to make again in this browser (print.pages with `bookId`, a layout and
   * a paper) and take page `page` from: its scope fields and the checkpoint size it was made from.
   */
  reprint?: PrintScopeInput & { atSize: number };
}

/** The scope fields of print.pages. */
export type PrintScopeInput = { seqs: number[] } | { year: number; ledger?: true } | { from: string; to: string };
