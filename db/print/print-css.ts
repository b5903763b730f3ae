/**
 * The paged-media style sheet of a print: paper (A4 or B5), a binding margin on the inner
 * edge (right pages bind on the left, left pages on the right), 宋体-style body and 黑体
 * headings from the fonts the platform has, and each entry's running head and foot as a
 * named page. Chromium (Electron's printToPDF, the browser's print, page.pdf()) lays it out.
 */
import { cssString } from './print-html';

export type Paper = 'A4' | 'B5';

/** Inner (binding), outer, top and bottom margins in mm; the top holds the QR. */
const MARGINS: Record<Paper, { inner: number; outer: number; top: number; bottom: number; qr: number }> = {
  A4: { inner: 25, outer: 15, top: 26, bottom: 20, qr: 18 },
  B5: { inner: 22, outer: 13, top: 24, bottom: 18, qr: 16 },
};

export const QR_SIZE_MM = (paper: Paper) => MARGINS[paper].qr;

/** 宋体-style first the free fonts Linux systems ship, then Windows', macOS', then the generic. */
export const SERIF =
  '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", SimSun, "宋体", NSimSun, "Songti SC", STSong, serif';
export const SANS =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", SimHei, "黑体", "Microsoft YaHei", "Heiti SC", STHeiti, sans-serif';

/** One entry's named page: its reference at the head, its code and QR at the corner. */
export interface RunningHead {
  name: string;
  left: string;
  code: string;
  qr: string;
}

export function printCss(paper: Paper, heads: readonly RunningHead[], book: string): string {
  const m = MARGINS[paper];
  const [width, height] = paper === 'A4' ? [210, 297] : [176, 250];
  const small = `font-family: ${SANS}; font-size: 8pt; color: #333;`;
  const named = heads
    .map(
      (h) => `@page ${h.name} {
  @top-left { content: ${cssString(h.left)}; ${small} vertical-align: bottom; padding-bottom: 2mm; }
  @top-right { content: url("${h.qr}"); vertical-align: bottom; padding-bottom: 2mm; }
  @bottom-left { content: ${cssString(h.code)}; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 6.5pt; color: #333; vertical-align: top; padding-top: 3mm; width: 70%; }
}
.${h.name} { page: ${h.name}; }`,
    )
    .join('\n');
  return `@page {
  size: ${paper};
  margin: ${m.top}mm ${m.outer}mm ${m.bottom}mm ${m.inner}mm;
  @top-left { content: ${cssString(book)}; ${small} vertical-align: bottom; padding-bottom: 2mm; }
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; ${small} font-size: 9pt; white-space: nowrap; text-align: right; vertical-align: top; padding-top: 3mm; width: 30%; }
}
@page :left { margin-left: ${m.outer}mm; margin-right: ${m.inner}mm; }
@page :right { margin-left: ${m.inner}mm; margin-right: ${m.outer}mm; }
${named}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: 10.5pt; line-height: 1.6; color: #000; background: #fff; }
h1, h2, h3, h4, th, .sans { font-family: ${SANS}; font-weight: 700; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
h2 { font-size: 15pt; text-align: center; margin: 0 0 3mm; letter-spacing: 0.2em; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 0.4pt solid #000; padding-bottom: 0.8mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
.entry { break-before: page; }
.entry-ref { text-align: center; font-size: 9pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; font-size: 10pt; overflow-wrap: anywhere; }
th { font-weight: 700; white-space: nowrap; width: 22mm; background: #f2f2f2; }
thead { display: table-header-group; }
thead th { width: auto; text-align: center; }
tr, .keep { break-inside: avoid; page-break-inside: avoid; }
a { color: inherit; text-decoration: none; }
.pre { white-space: pre-wrap; }
.prose { white-space: pre-wrap; text-align: justify; orphans: 3; widows: 3; margin: 0 0 2mm; }
.num, table.list th.num { text-align: center; white-space: nowrap; width: 11mm; }
del { color: #555; text-decoration: line-through; text-decoration-thickness: 0.8pt; }
.corr { display: block; border-left: 1.2pt solid #000; padding-left: 2mm; margin-top: 1mm; font-size: 9.5pt; }
.corr b { font-family: ${SANS}; }
.verdict { font-family: ${SANS}; font-weight: 700; }
.muted { color: #444; }
.signatures { break-inside: avoid; page-break-inside: avoid; margin-top: 10mm; display: flex; justify-content: space-between; gap: 10mm; }
.signatures div { flex: 1; border-bottom: 0.6pt solid #000; padding-bottom: 7mm; font-family: ${SANS}; }
.cover { break-after: page; text-align: center; padding-top: 40mm; }
.cover h1 { font-size: 26pt; letter-spacing: 0.3em; margin: 0 0 25mm; }
.cover table { width: 75%; margin: 0 auto; }
.cover td, .cover th { font-size: 12pt; padding: 3mm; }
.contents td.page { text-align: right; width: 16mm; white-space: nowrap; }
.contents td.seq { width: 16mm; white-space: nowrap; }
.contents td.date { width: 28mm; white-space: nowrap; }
.footnote { font-size: 8.5pt; color: #333; margin-top: 4mm; }
@media screen {
  body { background: #8c8c8c; padding: 6mm 0; }
  /* A narrow preview (核对纸质页 beside a photo) shows the whole sheet smaller, laid out as on paper. */
  @media (max-width: ${width + 20}mm) { html { zoom: 0.75; } }
  @media (max-width: ${Math.round((width + 20) * 0.75)}mm) { html { zoom: 0.55; } }
  section { box-sizing: border-box; background: #fff; width: ${width}mm; min-height: ${height}mm; margin: 0 auto 6mm; padding: ${m.top}mm ${m.outer}mm ${m.bottom}mm ${m.inner}mm; box-shadow: 0 1mm 3mm rgba(0,0,0,.35); }
}
`;
}
