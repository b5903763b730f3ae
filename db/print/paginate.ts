/**
 * The layout pass that puts page numbers into the contents: Chromium cannot yet resolve
 * `target-counter()`, so the print is laid out once by the renderer that will print it, each
 * entry's first page read from the PDF's named destinations (the contents link to every
 * entry), and the print asked for again with those pages written in. The contents' own length
 * does not change with the numbers (a fixed column), so the second layout is the first one.
 */
import type { PrintView } from '../contract';

/** Each `N 0 obj … endobj` of a PDF's uncompressed object dictionaries (Skia writes them plain). */
function objects(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)endobj/g)) out.set(Number(m[1]), m[2]!);
  return out;
}

function refs(list: string): number[] {
  return [...list.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
}

/** Page object numbers in page order, from the catalog's page tree (nested trees walked). */
function pageOrder(objs: Map<number, string>): number[] {
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  const root = catalog && /\/Pages\s+(\d+) 0 R/.exec(catalog);
  if (!root) throw new Error('无法读取生成的 PDF 的页面结构');
  const pages: number[] = [];
  const walk = (n: number, depth: number) => {
    const o = objs.get(n);
    if (!o || depth > 32) throw new Error('生成的 PDF 的页面结构不完整');
    if (/\/Type\s*\/Pages\b/.test(o)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o);
      for (const k of refs(kids?.[1] ?? '')) walk(k, depth + 1);
    } else pages.push(n);
  };
  walk(Number(root[1]), 0);
  return pages;
}

export interface PdfLayout {
  pages: number;
  /** Named destination → 1-based page number. */
  destinations: Map<string, number>;
}

/** Page count and named destinations of a PDF made by Chromium. */
export function readPdfLayout(pdf: Uint8Array): PdfLayout {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objs = objects(text);
  const order = pageOrder(objs);
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const destinations = new Map<string, number>();
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o)) ?? '';
  const destsRef = /\/Dests\s+(\d+) 0 R/.exec(catalog);
  const dests = destsRef ? (objs.get(Number(destsRef[1])) ?? '') : '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = index.get(Number(m[2]));
    if (page !== undefined) destinations.set(m[1]!, page);
  }
  return { pages: order.length, destinations };
}

/** The id of entry `seq`'s section, linked from the contents. */
export const entryAnchor = (seq: number) => `e${seq}`;

/** Each entry's first page, from a first layout of the print; refuses a layout that lost one. */
export function pageStartsFromPdf(pdf: Uint8Array, seqs: readonly number[]): number[] {
  const { destinations } = readPdfLayout(pdf);
  return seqs.map((seq) => {
    const page = destinations.get(entryAnchor(seq));
    if (page === undefined) throw new Error(`排版时找不到第 ${seq} 条记录所在的页，未能生成目录页码`);
    return page;
  });
}

/**
 * The print's PDF with any renderer (page.pdf() in Node, printToPDF in Electron): a first
 * layout finds each entry's first page for the contents, then the print with its page numbers.
 * `fetchPrint` asks the service; a print without contents needs one layout only.
 */
export async function renderPrintPdf<B extends Uint8Array>(
  fetchPrint: (extra: { pageStarts?: number[] }) => Promise<PrintView>,
  render: (html: string) => Promise<B>,
): Promise<{ pdf: B; view: PrintView }> {
  const first = await fetchPrint({});
  const firstPdf = await render(first.html);
  if (first.coverCode === undefined) return { pdf: firstPdf, view: first };
  const pageStarts = pageStartsFromPdf(
    firstPdf,
    first.entries.map((e) => e.seq),
  );
  const view = await fetchPrint({ pageStarts });
  return { pdf: await render(view.html), view };
}
