/**
 * A print through any Chromium renderer (page.pdf() in Node, printToPDF in Electron): the
 * measuring document laid out and measured by that renderer, the pages asked for with those
 * measurements, then rendered, and the PDF's page count checked against the pages the
 * service cut. Also reads a PDF's page count and named destinations (Skia writes them plain).
 */
import type { FlowMeasure, PrintView } from '../contract';

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

/**
 * The print's PDF: `fetchPrint` asks the service (first for the measuring document, then with
 * its measurements for the pages), `measure` lays a document out and runs measureFlows on it,
 * `render` prints a document to PDF. A PDF whose pages are not the service's is refused.
 */
export async function renderPrintPdf<B extends Uint8Array>(
  fetchPrint: (extra: { layout?: FlowMeasure[] }) => Promise<PrintView>,
  measure: (html: string) => Promise<FlowMeasure[]>,
  render: (html: string) => Promise<B>,
): Promise<{ pdf: B; view: PrintView }> {
  const first = await fetchPrint({});
  const view = await fetchPrint({ layout: await measure(first.html) });
  const pdf = await render(view.html);
  const { pages } = readPdfLayout(pdf);
  if (pages !== view.pages.length)
    throw new Error(
      `排版得到 ${pages} 页，与分页结果的 ${view.pages.length} 页不符：页面内容可能超出了纸张，未能生成 PDF`,
    );
  return { pdf, view };
}
