/**
 * The building blocks every filing document is made of: plain docx paragraphs and tables (no
 * images of text), so the office can edit a document before sending it. Body text is 宋体 /
 * 仿宋-style, headings 黑体; fonts are named by their Chinese names, which Word on the offices'
 * Windows machines resolves and LibreOffice replaces with the platform's CJK font.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/** What the template prints where the record has nothing to fill in: it stays for people to fill. */
export const BLANK = '×××';
/** The template's short blank (numbers, months). */
export const BLANK_SHORT = '×';

export const FONT_BODY = '仿宋';
export const FONT_FORM = '宋体';
export const FONT_HEADING = '黑体';
export const FONT_TITLE = '方正小标宋简体';

/** Half-points: 三号 16pt, 小二 18pt, 二号 22pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
export const SIZE = { body: 32, title: 44, formTitle: 36, form: 24, small: 21, roster: 18, header: 52 } as const;

/** A4 with the binding margin on the left (twips). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1985, left: 1588, right: 1474 };
/** The width a table may use. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export function orBlank(value: string | undefined | null, blank: string = BLANK): string {
  const v = value?.trim();
  return v ? v : blank;
}

export interface RunOptions {
  bold?: boolean;
  size?: number;
  font?: string;
  color?: string;
}

export function run(text: string, o: RunOptions = {}): TextRun {
  const font = o.font ?? FONT_BODY;
  return new TextRun({
    text,
    bold: o.bold ?? false,
    size: o.size ?? SIZE.body,
    font: { ascii: font, eastAsia: font, hAnsi: font },
    ...(o.color ? { color: o.color } : {}),
  });
}

export interface ParaOptions extends RunOptions {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent of two characters, as official prose has. */
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** One paragraph; a text with line breaks becomes one paragraph per line (each editable on its own). */
export function para(text: string, o: ParaOptions = {}): Paragraph {
  const size = o.size ?? SIZE.body;
  return new Paragraph({
    children: [run(text, o)],
    alignment: ALIGN[o.align ?? 'justify'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: Math.round(size * 14.5) },
    ...(o.indent ? { indent: { firstLine: size * 20 } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

export function paras(text: string, o: ParaOptions = {}): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return (lines.length ? lines : ['']).map((l) => para(l, o));
}

export const blankLine = (): Paragraph => para('');

/** The centred title of a letter or form. */
export function title(text: string, size: number = SIZE.title): Paragraph {
  return para(text, { align: 'center', size, font: FONT_TITLE, bold: true, before: 240, after: 360 });
}

/** A numbered heading inside a letter (一、…). */
export function heading(text: string): Paragraph {
  return para(text, { font: FONT_HEADING, bold: true, indent: true, keepNext: true });
}

/** 红头: “××学会文件” and the document number line, as templates 4, 6, 7 and 9 begin. */
export function letterHead(issuer: string, docNo: string): Paragraph[] {
  return [
    para(`${issuer}文件`, {
      align: 'center',
      size: SIZE.header,
      font: FONT_TITLE,
      bold: true,
      color: 'C00000',
      before: 200,
      after: 300,
    }),
    para(docNo, { align: 'center', after: 120 }),
    new Paragraph({
      children: [],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 } },
      spacing: { after: 360 },
    }),
  ];
}

/** The sender and the date line at the foot of a letter (right-aligned, the date left as the template's blank). */
export function signature(sender: string, date = '年    月    日'): Paragraph[] {
  return [blankLine(), para(sender, { align: 'right' }), para(date, { align: 'right' })];
}

export interface FormCell {
  text: string;
  /** Columns of the six-column grid this cell spans. */
  span?: number;
  label?: boolean;
  align?: 'left' | 'center' | 'right';
}
export interface FormRow {
  cells: FormCell[];
  height?: number;
  /** Tall rows (工作简历) are written from the top, as people fill them by hand. */
  top?: boolean;
}

/**
 * A bordered form in a grid of `columns` columns (equal unless `widths` are given), as the 备案表
 * are drawn. Rows never split across pages; a list's header row repeats on every page.
 */
export interface FormTableOptions {
  columns?: number;
  widths?: number[];
  repeatHeader?: boolean;
  size?: number;
}

export function formTable(rows: FormRow[], o: FormTableOptions = {}): Table {
  const columns = o.columns ?? o.widths?.length ?? 6;
  const grid = o.widths ?? Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns));
  return new Table({
    width: { size: grid.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    rows: rows.map((r, ri) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        ...(ri === 0 && o.repeatHeader ? { tableHeader: true } : {}),
        ...(r.height ? { height: { value: r.height, rule: HeightRule.ATLEAST } } : {}),
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            columnSpan: span,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: r.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
            children: paras(c.text, {
              font: FONT_FORM,
              size: o.size ?? SIZE.form,
              align: c.align ?? (c.label ? 'center' : 'left'),
              bold: c.label ?? false,
            }),
          });
        }),
      });
    }),
  });
}

export type Block = Paragraph | Table;

/** A page break before the next block (one form per member). */
export function pageBreak(): Paragraph {
  return new Paragraph({ children: [], pageBreakBefore: true });
}

export async function packDocument(docTitle: string, blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: '党建工作小组工作记录本',
    title: docTitle,
    styles: {
      default: {
        document: { run: { font: { ascii: FONT_BODY, eastAsia: FONT_BODY, hAnsi: FONT_BODY }, size: SIZE.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: blocks,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
