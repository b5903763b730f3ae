/**
 * The two print methods of the service: `print.pages` (a print's measuring document, or,
 * given the printing browser's measurements of it, its pages each with its own code) and
 * `print.checkCode` (a page's code against the sealed record: which book, entry, print and
 * page it names, whether its fingerprints match, and the page as the record holds it).
 * Entries come only through the proven reads (getEntryDetail).
 */
import {
  ServiceError,
  type FlowMeasure,
  type PrintCheckItem,
  type PrintCheckView,
  type PrintScopeInput,
  type PrintView,
} from '../contract';
import type { ServiceContext } from '../service/service-context';
import { bookShort, fingerprint, hasCover, parseCode, type PageCode, type PrintScope } from './page-code';
import type { Paper } from './print-css';
import { measureHtml, pagesHtml, recordHtml, scopeLabel } from './print-document';
import { buildModel, scopeSeqs } from './print-model';

export interface PrintRequest {
  bookId: string;
  seqs?: number[] | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  paper: Paper;
  ledger?: boolean | undefined;
  layout?: FlowMeasure[] | undefined;
  atSize?: number | undefined;
}

export function scopeOf(r: Pick<PrintRequest, 'seqs' | 'year' | 'from' | 'to' | 'ledger'>): PrintScope {
  if (r.ledger && r.year !== undefined) return { kind: 'ledger', year: r.year };
  if (r.seqs) {
    const seqs = [...new Set(r.seqs)].sort((a, b) => a - b);
    return seqs.length === 1 ? { kind: 'entry', seq: seqs[0]! } : { kind: 'selection', seqs };
  }
  if (r.year !== undefined) return { kind: 'year', year: r.year };
  if (r.from !== undefined && r.to !== undefined) return { kind: 'range', from: r.from, to: r.to };
  throw new ServiceError('invalid-input', '请选择一种打印范围：记录、年度或日期范围', 'seqs');
}

/** The print.pages scope fields that make the print `scope` names again (scopeOf's inverse). */
export function scopeRequest(scope: PrintScope): PrintScopeInput {
  switch (scope.kind) {
    case 'entry':
      return { seqs: [scope.seq] };
    case 'selection':
      return { seqs: scope.seqs };
    case 'year':
      return { year: scope.year };
    case 'ledger':
      return { year: scope.year, ledger: true };
    case 'range':
      return { from: scope.from, to: scope.to };
  }
}

export function printPages(ctx: ServiceContext, r: PrintRequest): PrintView {
  const scope = scopeOf(r);
  const model = buildModel(ctx, {
    bookId: r.bookId,
    scope,
    paper: r.paper,
    ...(r.atSize !== undefined ? { atSize: r.atSize } : {}),
  });
  const title = `${model.organisation?.orgName ?? model.bookName} · ${scopeLabel(scope)}`;
  const common = {
    title,
    fileName: `党建工作记录-${scopeLabel(scope).replace(/\s+/g, '')}.pdf`,
    paper: r.paper,
    checkpoint: { size: model.checkpoint.size, fingerprint: model.checkpoint.fingerprint },
  };
  const entryViews = (first?: number[], codes?: string[]) =>
    model.entries.map((e, i) => ({
      seq: e.seq,
      kindLabel: e.kindLabel,
      title: e.title,
      date: e.date,
      ...(first && codes ? { page: first[i]!, code: codes[i]! } : {}),
    }));
  if (!r.layout) return { ...common, stage: 'measure', html: measureHtml(model), pages: [], entries: entryViews() };
  const printed = pagesHtml(model, r.layout);
  const codeAt = (page: number) => printed.pages[page - 1]!.code;
  return {
    ...common,
    stage: 'pages',
    html: printed.html,
    pages: printed.pages,
    ...(hasCover(scope) ? { coverCode: codeAt(1) } : {}),
    entries: entryViews(
      printed.entryPages,
      printed.entryPages.map((p) => codeAt(p)),
    ),
  };
}

/**
 * Whether page `n` of `total` can be in that print at all: every entry has at least one page of its
 * own, a print with a cover has its cover and at least one page of contents before the entries.
 */
function pageProblem(c: PageCode, seqs: readonly number[]): string | undefined {
  if (!c.page) return undefined;
  const { n, total } = c.page;
  if (c.scope.kind === 'ledger') return undefined;
  const before = hasCover(c.scope) ? 2 : 0;
  if (total < before + seqs.length)
    return `该次打印有 ${seqs.length} 条记录，不可能只有 ${total} 页：页码被改动，或这不是该次打印的页面`;
  if (c.seq === 0) {
    return n > total - seqs.length ? `该次打印的第 ${n} 页不是封面或目录：这一页不属于该次打印` : undefined;
  }
  const i = seqs.indexOf(c.seq);
  if (n < before + i + 1 || n > total - (seqs.length - 1 - i))
    return `第 ${c.seq} 条在共 ${total} 页的该次打印中不可能在第 ${n} 页：这一页不属于该次打印`;
  return undefined;
}

const pageLabel = (c: PageCode) => (c.page ? `第 ${c.page.n} 页，共 ${c.page.total} 页` : '（旧版核对码，未印页码）');

function refused(
  code: string,
  reason: string,
  checks: PrintCheckItem[] = [],
  extra: Partial<PrintCheckView> = {},
): PrintCheckView {
  return { accepted: false, reason, code, checks, ...extra };
}

/** The book on this computer whose short id the code names (two books sharing 8 hex digits: refused, not guessed). */
function findBook(ctx: ServiceContext, short: string): { bookId: string; name: string } | 'none' | 'ambiguous' {
  const books = ctx.ledger.listBooks().filter((b) => bookShort(b.bookId) === short);
  if (books.length === 0) return 'none';
  if (books.length > 1) return 'ambiguous';
  return { bookId: books[0]!.bookId, name: books[0]!.name };
}

export function checkPrintCode(ctx: ServiceContext, text: string): PrintCheckView {
  const parsed = parseCode(text);
  const code = text.trim().toUpperCase().replace(/\s+/g, '');
  if (!parsed.ok) return refused(code, parsed.reason);
  const c = parsed.code;
  const found = findBook(ctx, c.book);
  if (found === 'none') return refused(code, `本机没有编号为 ${c.book} 的记录本（联络员请先导入该记录本的数据包）`);
  if (found === 'ambiguous') return refused(code, `本机有多本编号以 ${c.book} 开头的记录本，无法确定是哪一本`);
  const { bookId, name } = found;
  const base = {
    bookId,
    bookName: name,
    seq: c.seq,
    scope: scopeLabel(c.scope),
    ...(c.page ? { page: c.page.n, pageCount: c.page.total } : {}),
  };
  const book = ctx.ledger.getBook(bookId);
  const checks: PrintCheckItem[] = [];
  // An accepted page's print, to be made again and its page N laid beside the photo.
  const again = c.page ? { reprint: { ...scopeRequest(c.scope), atSize: c.checkpointSize } } : {};
  if (c.checkpointSize > book.size) {
    return refused(
      code,
      `该页自称打印于第 ${c.checkpointSize} 条的校验点，但记录本只有 ${book.size} 条：这不是从这本记录打印的页面`,
      checks,
      base,
    );
  }
  const root = ctx.ledger.rootAt(bookId, c.checkpointSize);
  const cpOk = fingerprint(root) === c.checkpoint;
  checks.push({
    label: '校验点指纹',
    ok: cpOk,
    detail: cpOk
      ? `${c.checkpoint}，与记录本前 ${c.checkpointSize} 条一致`
      : `纸上为 ${c.checkpoint}，记录本前 ${c.checkpointSize} 条的校验点为 ${fingerprint(root)}`,
  });
  if (!cpOk) return refused(code, '校验点指纹不符：该页不是从这本记录的封存内容打印的，或核对码被改动', checks, base);
  const seqs = scopeSeqs(ctx, bookId, c.scope, c.checkpointSize);
  if (c.scope.kind !== 'ledger' && c.seq !== 0 && !seqs.includes(c.seq)) {
    return refused(code, `“${scopeLabel(c.scope)}”的打印中没有第 ${c.seq} 条记录：这一页不属于该次打印`, checks, base);
  }
  const wrongPage = pageProblem(c, seqs);
  checks.push({ label: '页码', ok: wrongPage === undefined, detail: wrongPage ?? pageLabel(c) });
  if (wrongPage) return refused(code, wrongPage, checks, base);
  if (c.scope.kind === 'ledger') {
    if (c.seq !== 0 || c.entry !== c.checkpoint)
      return refused(code, '年度台账页的核对码应以校验点指纹代替条目指纹，且不指向某一条记录', checks, base);
    const model = buildModel(ctx, { bookId, scope: c.scope, paper: 'A4', atSize: c.checkpointSize });
    return { accepted: true, code, ...base, title: scopeLabel(c.scope), checks, html: recordHtml(model), ...again };
  }
  if (c.seq === 0) {
    if (!hasCover(c.scope))
      return refused(code, `“${scopeLabel(c.scope)}”的打印没有封面和目录页：这一页不属于该次打印`, checks, base);
    const ok = c.entry === c.checkpoint;
    checks.push({
      label: '封面与目录',
      ok,
      detail: ok ? `${scopeLabel(c.scope)}，共 ${seqs.length} 条记录` : '封面的指纹应与校验点指纹相同',
    });
    if (!ok) return refused(code, '封面核对码的指纹与校验点不符', checks, base);
    const model = buildModel(ctx, { bookId, scope: c.scope, paper: 'A4', atSize: c.checkpointSize });
    return {
      accepted: true,
      code,
      ...base,
      title: '封面与目录',
      checks,
      html: recordHtml(model, ['cover', 'contents']),
      ...again,
    };
  }
  const model = buildModel(ctx, {
    bookId,
    scope: { kind: 'entry', seq: c.seq },
    paper: 'A4',
    atSize: c.checkpointSize,
  });
  const entry = model.entries[0]!;
  const entryOk = entry.fingerprint === c.entry;
  checks.push({
    label: '条目指纹',
    ok: entryOk,
    detail: entryOk
      ? `${c.entry}，与封存的第 ${c.seq} 条一致`
      : `纸上为 ${c.entry}，封存的第 ${c.seq} 条为 ${entry.fingerprint}`,
  });
  // The entry as that print holds it: same scope, same checkpoint.
  const html = recordHtml({ ...model, scope: c.scope }, [`e${c.seq}`]);
  if (!entryOk)
    return refused(code, `条目指纹不符：该页的第 ${c.seq} 条与封存的记录不一致（可能被改动或替换）`, checks, {
      ...base,
      title: entry.title,
      html,
    });
  return { accepted: true, code, ...base, title: `${entry.kindLabel}：${entry.title}`, checks, html, ...again };
}
