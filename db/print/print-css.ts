/**
 * The style of a print: paper (A4 or B5), a binding margin on the inner edge (right pages
 * bind on the left, left pages on the right), 宋体-style body and 黑体 headings from the fonts
 * the platform has. Pages are laid out explicitly (pack.ts): each sheet is a fixed box the
 * size of the paper, with its own running head, QR, code and page number, so that Chromium's
 * print, printToPDF and page.pdf() all give one sheet per page.
 */

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

/** A sheet's geometry in mm: paper, margins (inner is the binding edge), the content box and the QR. */
export function geometry(paper: Paper) {
  const m = MARGINS[paper];
  const [width, height] = paper === 'A4' ? [210, 297] : [176, 250];
  return { ...m, width, height, contentWidth: width - m.inner - m.outer, contentHeight: height - m.top - m.bottom };
}

/** CSS px in one mm (96 px to the inch, in print as on screen). */
export const PX_PER_MM = 96 / 25.4;

/** The type of a print: the same in the measuring document and on the pages, so both lay out alike. */
function typeCss(): string {
  return `html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: 10.5pt; line-height: 1.6; color: #000; background: #fff; }
h1, h2, h3, h4, th, .sans { font-family: ${SANS}; font-weight: 700; }
.flow > *, .body > * { margin-top: 0; }
h2 { font-size: 15pt; text-align: center; margin: 0 0 3mm; letter-spacing: 0.2em; }
h3 { font-size: 11.5pt; margin: 0 0 2mm; padding: 5mm 0 0.8mm; border-bottom: 0.4pt solid #000; }
h4 { font-size: 10.5pt; margin: 0 0 1mm; padding-top: 3mm; }
.entry-ref { text-align: center; font-size: 9pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; font-size: 10pt; overflow-wrap: anywhere; }
th { font-weight: 700; white-space: nowrap; width: 22mm; background: #f2f2f2; }
thead th { width: auto; text-align: center; }
a { color: inherit; text-decoration: none; }
.pre { white-space: pre-wrap; }
.prose { white-space: pre-wrap; text-align: justify; margin: 0 0 2mm; }
.num, table.list th.num { text-align: center; white-space: nowrap; width: 11mm; }
del { color: #555; text-decoration: line-through; text-decoration-thickness: 0.8pt; }
.corr { display: block; border-left: 1.2pt solid #000; padding-left: 2mm; margin-top: 1mm; font-size: 9.5pt; }
.corr b { font-family: ${SANS}; }
.verdict { font-family: ${SANS}; font-weight: 700; }
.muted { color: #444; }
.keep { padding-top: 10mm; }
.signatures { display: flex; justify-content: space-between; gap: 10mm; }
.signatures div { flex: 1; border-bottom: 0.6pt solid #000; padding-bottom: 7mm; font-family: ${SANS}; }
.cover { text-align: center; padding-top: 40mm; }
.cover h1 { font-size: 26pt; letter-spacing: 0.3em; margin: 0 0 25mm; }
.cover table { width: 75%; margin: 0 auto; }
.cover td, .cover th { font-size: 12pt; padding: 3mm; }
td.page { text-align: right; width: 16mm; white-space: nowrap; }
td.seq { width: 16mm; white-space: nowrap; }
td.date { width: 28mm; white-space: nowrap; }
td.status { width: 18mm; white-space: nowrap; }
.footnote { font-size: 8.5pt; color: #333; margin: 4mm 0 0; }
`;
}

/** The measuring document's style: each flow at the content box's width, one below the other. */
export function measureCss(paper: Paper): string {
  const g = geometry(paper);
  return `${typeCss()}
.flow { width: ${g.contentWidth}mm; display: flow-root; margin: 0 0 20mm; }
`;
}

/** The pages' style: one fixed box per sheet (no margin boxes), its head, QR, code and page number placed in it. */
export function printCss(paper: Paper): string {
  const g = geometry(paper);
  const small = `font-family: ${SANS}; font-size: 8pt; color: #333;`;
  const band = (side: 'left' | 'right') => {
    const [l, r] = side === 'right' ? [g.inner, g.outer] : [g.outer, g.inner];
    return `.sheet.${side} .body, .sheet.${side} .ref, .sheet.${side} .code { left: ${l}mm; }
.sheet.${side} .qr, .sheet.${side} .pno { right: ${r}mm; }`;
  };
  return `@page { size: ${paper}; margin: 0; }
${typeCss()}
.sheet { position: relative; box-sizing: border-box; width: ${g.width}mm; height: ${g.height}mm; overflow: hidden; background: #fff; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.sheet .body { position: absolute; top: ${g.top}mm; width: ${g.contentWidth}mm; height: ${g.contentHeight}mm; display: flow-root; }
.sheet .ref { position: absolute; top: 0; height: ${g.top - 2}mm; width: ${g.contentWidth - g.qr - 4}mm; display: flex; align-items: flex-end; ${small} line-height: 1.4; }
.sheet .qr { position: absolute; top: ${g.top - 2 - g.qr}mm; width: ${g.qr}mm; height: ${g.qr}mm; }
.sheet .code { position: absolute; top: ${g.height - g.bottom + 3}mm; width: ${Math.round(g.contentWidth * 0.7)}mm; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 6.5pt; line-height: 1.4; color: #333; overflow-wrap: anywhere; }
.sheet .pno { position: absolute; top: ${g.height - g.bottom + 3}mm; ${small} font-size: 9pt; white-space: nowrap; }
${band('right')}
${band('left')}
@media screen {
  body { background: #8c8c8c; padding: 6mm 0; }
  /* A narrow preview (核对纸质页 beside a photo) shows the whole sheet smaller. */
  @media (max-width: ${g.width + 20}mm) { html { zoom: 0.75; } }
  @media (max-width: ${Math.round((g.width + 20) * 0.75)}mm) { html { zoom: 0.55; } }
  .sheet { margin: 0 auto 6mm; box-shadow: 0 1mm 3mm rgba(0,0,0,.35); }
}
`;
}
