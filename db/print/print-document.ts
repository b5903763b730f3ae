/**
 * A whole print as one HTML document: the cover and contents (for a year or a date range),
 * then each entry on its own pages, each with its named page carrying its reference, code and
 * QR. The contents link to each entry (so the PDF has a destination per entry, see paginate.ts).
 * Pure: the same model gives the same bytes, for the preview, printToPDF and the CLI.
 */
import { chineseDate, type Organisation } from '../contract';
import { bookShort, formatCode, hasCover, type PrintScope } from './page-code';
import { printCss, QR_SIZE_MM, type Paper, type RunningHead } from './print-css';
import { esc, qrDataUrl, row } from './print-html';
import { entryAnchor } from './paginate';

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
  }
}

export function codeOf(model: PrintModel, seq: number, fingerprint: string): string {
  return formatCode({
    book: bookShort(model.bookId),
    scope: model.scope,
    checkpointSize: model.checkpoint.size,
    checkpoint: model.checkpoint.fingerprint,
    seq,
    entry: fingerprint,
  });
}

/** The cover's code: seq 0, the checkpoint's own fingerprint in the entry's place. */
export function coverCode(model: PrintModel): string {
  return codeOf(model, 0, model.checkpoint.fingerprint);
}

function head(model: PrintModel, name: string, left: string, code: string): RunningHead {
  return { name, left, code: `核对码 ${code}`, qr: qrDataUrl(code, QR_SIZE_MM(model.paper)) };
}

function entryHead(model: PrintModel, e: PrintedEntry): RunningHead {
  const short = bookShort(model.bookId);
  return head(
    model,
    `p-e${e.seq}`,
    `记录本 ${short} · 第 ${e.seq} 条 · 条目指纹 ${e.fingerprint} · 校验点 ${model.checkpoint.fingerprint}（共 ${model.checkpoint.size} 条）`,
    codeOf(model, e.seq, e.fingerprint),
  );
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
    `<section class="cover p-cover"><h1>党建工作小组<br>工作记录本</h1><table><tbody>${rows.join('')}</tbody></table>` +
    `<p class="footnote">本册由电子记录本打印。每页页脚的核对码与右上角二维码可在软件“核对纸质页”中核对，以确认该页与封存的电子记录一致。</p></section>`
  );
}

function contents(model: PrintModel, pageStarts: readonly number[] | undefined): string {
  const rows = model.entries
    .map(
      (e, i) =>
        `<tr><td class="seq">第 ${e.seq} 条</td><td class="date">${esc(chineseDate(e.date))}</td>` +
        `<td><a href="#${entryAnchor(e.seq)}">${esc(e.kindLabel)}：${esc(e.title)}</a></td><td class="page">${pageStarts?.[i] !== undefined ? `第 ${pageStarts[i]} 页` : '\u3000'}</td></tr>`,
    )
    .join('');
  return `<section class="contents p-cover"><h2>目\u3000录</h2><table class="list"><thead><tr><th>条目</th><th>日期</th><th>内容</th><th>页码</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function entrySection(model: PrintModel, e: PrintedEntry): string {
  return `<section class="entry p-e${e.seq}" id="${entryAnchor(e.seq)}">${e.body}</section>`;
}

function documentOf(model: PrintModel, heads: RunningHead[], sections: string[]): string {
  const title = `${model.organisation?.orgName ?? model.bookName} · ${scopeLabel(model.scope)}`;
  const css = printCss(model.paper, heads, `记录本 ${bookShort(model.bookId)} · ${scopeLabel(model.scope)}`);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css}</style></head>` +
    `<body>${sections.join('\n')}</body></html>`
  );
}

/** The whole print. `pageStarts`: where each entry begins (from a layout pass), for the contents. */
export function printHtml(
  model: PrintModel,
  pageStarts?: readonly number[],
  parts: { cover?: boolean; entries?: boolean } = {},
): string {
  const withCover = (parts.cover ?? true) && hasCover(model.scope);
  const shown = (parts.entries ?? true) ? model.entries : [];
  const heads = [
    ...(withCover
      ? [
          head(
            model,
            'p-cover',
            `记录本 ${bookShort(model.bookId)} · 封面与目录 · 校验点 ${model.checkpoint.fingerprint}（共 ${model.checkpoint.size} 条）`,
            coverCode(model),
          ),
        ]
      : []),
    ...shown.map((e) => entryHead(model, e)),
  ];
  const sections = [
    ...(withCover ? [cover(model), contents(model, pageStarts)] : []),
    ...shown.map((e) => entrySection(model, e)),
  ];
  return documentOf(model, heads, sections);
}
