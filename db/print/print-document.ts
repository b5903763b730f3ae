/**
 * A whole print as HTML, in two stages. First the measuring document: the print's flows (the
 * cover, the contents, each entry, or the ledger) at the page's width, for the printing
 * browser to measure (db/contract/print-measure.ts). Then, from those measurements, the pages: one fixed box
 * per sheet (pack.ts), each with its own running head, QR and code naming the book, the entry
 * (第 N 条), the page's number and the fingerprints, so a page can be checked on its own.
 * Pure: the same model and measurements give the same bytes, for the preview, printToPDF and
 * the CLI.
 */
import { chineseDate, type FlowMeasure, type Organisation, type PrintPageView } from '../contract';
import { flowItems, itemHtml, sliceText, tableHtml, type FlowItem } from './flow';
import { pack, type Part } from './pack';
import { bookShort, formatCode, hasCover, type PrintScope } from './page-code';
import { geometry, measureCss, printCss, PX_PER_MM, type Paper } from './print-css';
import { esc, qrDataUrl, row } from './print-html';

export interface PrintedEntry {
  seq: number;
  kindLabel: string;
  title: string;
  date: string;
  /** Short fingerprint of the entry's hash. */
  fingerprint: string;
  /** The entry's page section, already HTML. */
  body: string;
}

export interface PrintModel {
  bookId: string;
  bookName: string;
  organisation: Organisation | null;
  scope: PrintScope;
  paper: Paper;
  checkpoint: { size: number; fingerprint: string; time: string };
  entries: PrintedEntry[];
  /** A ledger print: its pages' HTML (scope `ledger`). */
  ledger?: string;
}

export function scopeLabel(scope: PrintScope): string {
  switch (scope.kind) {
    case 'year':
      return `${scope.year} 年度`;
    case 'range':
      return `${chineseDate(scope.from)} 至 ${chineseDate(scope.to)}`;
    case 'entry':
      return `第 ${scope.seq} 条记录`;
    case 'selection':
      return `选定的 ${scope.seqs.length} 条记录`;
    case 'ledger':
      return `${scope.year} 年度台账`;
  }
}

export function codeOf(
  model: PrintModel,
  seq: number,
  fingerprint: string,
  page?: { n: number; total: number },
): string {
  return formatCode({
    book: bookShort(model.bookId),
    scope: model.scope,
    checkpointSize: model.checkpoint.size,
    checkpoint: model.checkpoint.fingerprint,
    seq,
    entry: fingerprint,
    ...(page ? { page } : {}),
  });
}

/** One flow of a print: it starts a page; its pages carry its reference and code. */
export interface PrintFlow {
  id: string;
  /** The entry on its pages (0: cover, contents, ledger). */
  seq: number;
  /** The fingerprint its codes carry: the entry's, or the checkpoint's. */
  fingerprint: string;
  /** The running head of its pages. */
  head: string;
  html: string;
}

function cover(model: PrintModel): string {
  const o = model.organisation;
  const rows = [
    row('学会名称', esc(o?.societyName ?? '（未登记）')),
    row('党组织名称', esc(o?.orgName ?? '（未登记）')),
    row('记录期间', esc(scopeLabel(model.scope))),
    row('记录本编号', `${esc(bookShort(model.bookId))}<br><span class="muted">${esc(model.bookId)}</span>`),
    row('记录人', esc(o?.recorder ?? '（未登记）')),
    row(
      '本册内容',
      `${model.entries.length} 条记录，截至校验点第 ${model.checkpoint.size} 条（${esc(model.checkpoint.fingerprint)}）`,
    ),
  ];
  return (
    `<div class="cover"><h1>党建工作小组<br>工作记录本</h1><table><tbody>${rows.join('')}</tbody></table>` +
    `<p class="footnote">本册由电子记录本打印。每页页脚的核对码与右上角二维码可在软件“核对纸质页”中核对，以确认该页与封存的电子记录一致。</p></div>`
  );
}

function contents(model: PrintModel, pageStarts: readonly number[] | undefined): string {
  const rows = model.entries
    .map(
      (e, i) =>
        `<tr><td class="seq">第 ${e.seq} 条</td><td class="date">${esc(chineseDate(e.date))}</td>` +
        `<td>${esc(e.kindLabel)}：${esc(e.title)}</td><td class="page">${pageStarts?.[i] !== undefined ? `第 ${pageStarts[i]} 页` : '\u3000'}</td></tr>`,
    )
    .join('');
  return `<h2>目\u3000录</h2><table class="list"><thead><tr><th>条目</th><th>日期</th><th>内容</th><th>页码</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The flows of a print, in page order; `pageStarts`: where each entry begins, for the contents. */
export function flowsOf(model: PrintModel, pageStarts?: readonly number[]): PrintFlow[] {
  const short = bookShort(model.bookId);
  const cp = `校验点 ${model.checkpoint.fingerprint}（共 ${model.checkpoint.size} 条）`;
  const own = (id: string, part: string, html: string): PrintFlow => ({
    id,
    seq: 0,
    fingerprint: model.checkpoint.fingerprint,
    head: `记录本 ${short} · ${part} · ${cp}`,
    html,
  });
  if (model.ledger !== undefined) return [own('ledger', scopeLabel(model.scope), model.ledger)];
  return [
    ...(hasCover(model.scope)
      ? [own('cover', '封面', cover(model)), own('contents', '目录', contents(model, pageStarts))]
      : []),
    ...model.entries.map((e) => ({
      id: `e${e.seq}`,
      seq: e.seq,
      fingerprint: e.fingerprint,
      head: `记录本 ${short} · 第 ${e.seq} 条 · 条目指纹 ${e.fingerprint} · ${cp}`,
      html: e.body,
    })),
  ];
}

function documentOf(model: PrintModel, css: string, body: string): string {
  const title = `${model.organisation?.orgName ?? model.bookName} · ${scopeLabel(model.scope)}`;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css}</style></head>` +
    `<body>${body}</body></html>`
  );
}

/** The measuring document: every flow at the content box's width, each item a child of its flow. */
export function measureHtml(model: PrintModel): string {
  const flows = flowsOf(model).map(
    (f) =>
      `<div class="flow" data-flow="${esc(f.id)}">${flowItems(f.html)
        .map((i) => itemHtml(i))
        .join('')}</div>`,
  );
  return documentOf(model, measureCss(model.paper), flows.join('\n'));
}

/** A flow's pages as the record holds them, unpaginated (核对纸质页 shows it beside the photo). */
export function recordHtml(model: PrintModel, ids?: readonly string[]): string {
  const g = geometry(model.paper);
  const flows = flowsOf(model).filter((f) => !ids || ids.includes(f.id));
  const body = flows
    .map(
      (f) =>
        `<div class="sheet right" style="height:auto;min-height:${g.height}mm;padding:${g.top}mm ${g.outer}mm ${g.bottom}mm ${g.inner}mm">` +
        `<div class="ref" style="height:${g.top - 2}mm">${esc(f.head)}</div><div class="flow">${f.html}</div></div>`,
    )
    .join('');
  return documentOf(model, printCss(model.paper), body);
}

function partHtml(item: FlowItem, part: Part, cols: readonly number[] | undefined): string {
  if (part.kind === 'whole' || item.kind === 'block') return itemHtml(item, cols);
  if (item.kind === 'table')
    return tableHtml(item, item.rows.slice(part.from, part.kind === 'rows' ? part.to : undefined), cols);
  const to = part.kind === 'text' ? part.to : undefined;
  return `${item.open}${sliceText(item.inner, part.from, to)}${item.close}`;
}

export interface PrintedPages {
  html: string;
  pages: PrintPageView[];
  /** Each entry's first page, in the model's order. */
  entryPages: number[];
}

/** The print's pages from the printing browser's measurements of measureHtml(model). */
export function pagesHtml(model: PrintModel, layout: readonly FlowMeasure[]): PrintedPages {
  const g = geometry(model.paper);
  const height = g.contentHeight * PX_PER_MM - 4;
  const first = flowsOf(model);
  const sheets = pack(
    first.map((f) => flowItems(f.html)),
    layout,
    height,
  );
  const startOf = (id: string) => sheets.findIndex((s) => first[s.flow]!.id === id) + 1;
  const entryPages = model.entries.map((e) => startOf(`e${e.seq}`));
  // The contents with their page numbers: the numbers sit in a fixed column, so nothing moves.
  const flows = hasCover(model.scope) ? flowsOf(model, entryPages) : first;
  const items = flows.map((f) => flowItems(f.html));
  const total = sheets.length;
  const pages: PrintPageView[] = [];
  const body = sheets.map((sheet, i) => {
    const n = i + 1;
    const flow = flows[sheet.flow]!;
    const code = codeOf(model, flow.seq, flow.fingerprint, { n, total });
    pages.push({ page: n, seq: flow.seq, code });
    const cols = layout[sheet.flow]!.items;
    const content = sheet.parts.map((p) => partHtml(items[sheet.flow]![p.item]!, p, cols[p.item]?.cols)).join('');
    return (
      `<div class="sheet ${n % 2 === 1 ? 'right' : 'left'}" data-page="${n}">` +
      `<div class="ref">${esc(flow.head)}</div><img class="qr" alt="" src="${qrDataUrl(code, g.qr)}">` +
      `<div class="body">${content}</div>` +
      `<div class="code">核对码 ${esc(code)}</div><div class="pno">第 ${n} 页 / 共 ${total} 页</div></div>`
    );
  });
  return { html: documentOf(model, printCss(model.paper), body.join('\n')), pages, entryPages };
}
