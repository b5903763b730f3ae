/**
 * A print section's HTML as a flow of items that pages can be cut from: blocks kept whole
 * (headings kept with what follows), tables cut between rows (the header repeated on every
 * page), and prose cut between lines. The HTML is the print's own (escaped text, no
 * script), so a small tag scanner is enough to cut it.
 */

export type FlowItem =
  | { kind: 'block'; html: string; keep: boolean }
  | { kind: 'table'; open: string; head: string; rows: string[] }
  | { kind: 'text'; open: string; inner: string; close: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;
const VOID = new Set(['br', 'img', 'col', 'hr', 'meta', 'wbr', 'input']);

/** The top-level elements of `html`, each as its own string (text between them is dropped: there is none). */
export function topLevel(html: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (const m of html.matchAll(TAG)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (!closing && depth === 0) start = m.index;
    if (closing) depth--;
    else if (!VOID.has(name) && m[3] !== '/') depth++;
    if (depth === 0 && start >= 0) {
      out.push(html.slice(start, m.index + m[0].length));
      start = -1;
    }
    if (depth < 0) throw new Error('打印页面的 HTML 结构有误');
  }
  if (depth !== 0) throw new Error('打印页面的 HTML 结构有误');
  return out;
}

const TABLE = /^(<table\b[^>]*>)(?:<thead>([\s\S]*?)<\/thead>)?<tbody>([\s\S]*)<\/tbody><\/table>$/;
const PROSE = /^(<(div|p)\b[^>]*\bclass="[^"]*\bprose\b[^"]*"[^>]*>)([\s\S]*)(<\/\2>)$/;
const HEADING = /^<h[1-6]\b/;

/** The items of a section's HTML, in order. */
export function flowItems(html: string): FlowItem[] {
  return topLevel(html).map((el): FlowItem => {
    const table = TABLE.exec(el);
    if (table) {
      return {
        kind: 'table',
        open: table[1]!,
        head: table[2] ?? '',
        rows: table[3]!.match(/<tr\b[\s\S]*?<\/tr>/g) ?? [],
      };
    }
    const prose = PROSE.exec(el);
    if (prose) return { kind: 'text', open: prose[1]!, inner: prose[3]!, close: prose[4]! };
    return { kind: 'block', html: el, keep: HEADING.test(el) };
  });
}

/** A table with only `rows`, its header repeated, its columns fixed to the widths measured on the whole table. */
export function tableHtml(
  item: Extract<FlowItem, { kind: 'table' }>,
  rows: readonly string[],
  cols?: readonly number[],
): string {
  const fixed = cols && cols.length > 0;
  const open = fixed ? item.open.replace(/^<table\b/, '<table style="table-layout:fixed"') : item.open;
  const colgroup = fixed
    ? `<colgroup>${cols.map((w) => `<col style="width:${w.toFixed(2)}px">`).join('')}</colgroup>`
    : '';
  const head = item.head ? `<thead>${item.head}</thead>` : '';
  return `${open}${colgroup}${head}<tbody>${rows.join('')}</tbody></table>`;
}

export function itemHtml(item: FlowItem, cols?: readonly number[]): string {
  if (item.kind === 'block') return item.html;
  if (item.kind === 'table') return tableHtml(item, item.rows, cols);
  return `${item.open}${item.inner}${item.close}`;
}

const ENTITY = /^&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;

/**
 * The part of `inner` whose text (as the browser's textContent counts it) lies in
 * [from, to): tags open at the cut are closed after it and opened again before it, so each
 * part is well-formed and keeps its marks (struck originals, corrections).
 */
export function sliceText(inner: string, from: number, to = Number.POSITIVE_INFINITY): string {
  let out = '';
  let pos = 0;
  let i = 0;
  let inside = false;
  // Tags open at this point; an opening tag is written only when text inside the part follows it.
  const open: { name: string; tag: string; written: boolean }[] = [];
  while (i < inner.length) {
    if (inner[i] === '<') {
      const end = inner.indexOf('>', i);
      const tag = inner.slice(i, end + 1);
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
      const name = m?.[2]?.toLowerCase() ?? '';
      if (m?.[1] === '/') {
        const closed = open.pop();
        if (closed?.written) out += tag;
      } else if (!VOID.has(name) && !tag.endsWith('/>')) open.push({ name, tag, written: false });
      else if (inside) out += tag;
      i = end + 1;
      continue;
    }
    const entity = inner[i] === '&' ? ENTITY.exec(inner.slice(i)) : null;
    // The HTML parser reads CRLF as one LF; a character outside the BMP is two UTF-16 units.
    const crlf = inner[i] === '\r' && inner[i + 1] === '\n';
    const len = entity ? entity[0].length : crlf ? 2 : inner.codePointAt(i)! > 0xffff ? 2 : 1;
    const units = entity || crlf ? 1 : len;
    if (pos >= to) break;
    if (pos >= from) {
      inside = true;
      for (const t of open) {
        if (!t.written) {
          out += t.tag;
          t.written = true;
        }
      }
      out += inner.slice(i, i + len);
    }
    pos += units;
    i += len;
  }
  return (
    out +
    open
      .filter((t) => t.written)
      .reverse()
      .map((t) => `</${t.name}>`)
      .join('')
  );
}
