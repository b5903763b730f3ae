/**
 * The measuring pass of a print, run by the browser that will print it (the app's renderer
 * in Electron and in the browser host, the CLI's Chromium): the print's flows laid out at the
 * page's width, and for each item its height, a table's header and row heights and column
 * widths, a prose block's line starts. The service cuts the pages from these figures
 * (pack.ts). Self-contained (no imports, no closures): it is also sent to a page as a script
 * by Playwright's evaluate.
 */
import type { FlowMeasure } from './print';

export function measureFlows(doc: Document): FlowMeasure[] {
  const view = doc.defaultView;
  if (!view) throw new Error('打印页面尚未载入，无法排版');
  const round = (n: number) => Math.round(n * 100) / 100;
  const flows = Array.from(doc.querySelectorAll<HTMLElement>('.flow'));
  return flows.map((flow) => {
    const children = Array.from(flow.children) as HTMLElement[];
    const items = children.map((el, i) => {
      const rect = el.getBoundingClientRect();
      const next = children[i + 1];
      const h = next
        ? next.getBoundingClientRect().top - rect.top
        : rect.height + parseFloat(view.getComputedStyle(el).marginBottom || '0');
      const out: { h: number; head?: number; rows?: number[]; cols?: number[]; lines?: [number, number][] } = {
        h: round(h),
      };
      if (el instanceof view.HTMLTableElement) {
        out.head = round(el.tHead?.getBoundingClientRect().height ?? 0);
        const body = el.tBodies[0];
        out.rows = body ? Array.from(body.rows).map((r) => round(r.getBoundingClientRect().height)) : [];
        const all = Array.from(el.rows);
        const widest = all.reduce((n, r) => Math.max(n, r.cells.length), 0);
        const full = all.find((r) => r.cells.length === widest && Array.from(r.cells).every((c) => c.colSpan === 1));
        out.cols = full ? Array.from(full.cells).map((c) => round(c.getBoundingClientRect().width)) : [];
      } else if (el.classList.contains('prose')) {
        const lines: [number, number][] = [];
        const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
        const range = doc.createRange();
        let offset = 0;
        let prevBottom = Number.NEGATIVE_INFINITY;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.nodeValue ?? '';
          for (let j = 0; j < text.length; j++) {
            const code = text.charCodeAt(j);
            const width = code >= 0xd800 && code < 0xdc00 ? 2 : 1;
            range.setStart(node, j);
            range.setEnd(node, j + width);
            const r = range.getClientRects()[0];
            if (r && r.height > 0 && text[j] !== '\n') {
              // A character wholly below the one before it starts a line.
              if (r.top >= prevBottom - 2) {
                lines.push([offset + j, round(r.top - rect.top)]);
                prevBottom = r.bottom;
              } else prevBottom = Math.max(prevBottom, r.bottom);
            }
            if (width === 2) j++;
          }
          offset += text.length;
        }
        out.lines = lines;
      }
      return out;
    });
    return { id: flow.dataset.flow ?? '', items };
  });
}

/** Pages (1-based) of a print whose content does not fit its sheet; self-contained like measureFlows. */
export function overflowingPages(doc: Document): number[] {
  return Array.from(doc.querySelectorAll<HTMLElement>('.sheet > .body'))
    .map((b, i) => (b.scrollHeight > b.clientHeight + 1 ? i + 1 : 0))
    .filter((n) => n > 0);
}
