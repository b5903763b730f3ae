/**
 * The two print methods of the service: `print.pages` (the HTML of a print, optionally cut
 * for a layout pass) and `print.checkCode` (a page's code against the sealed record: which
 * book, entry and print it names, whether its fingerprints match, and the page as the record
 * holds it). Entries come only through the proven reads (getEntryDetail).
 */
import { ServiceError, type PrintCheckItem, type PrintCheckView, type PrintView } from '../contract';
import type { ServiceContext } from '../service/service-context';
import { bookShort, fingerprint, hasCover, parseCode, type PrintScope } from './page-code';
import type { Paper } from './print-css';
import { codeOf, coverCode, printHtml, scopeLabel } from './print-document';
import { buildModel, scopeSeqs } from './print-model';

export interface PrintRequest {
  bookId: string;
  seqs?: number[] | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  paper: Paper;
  pageStarts?: number[] | undefined;
}

export function scopeOf(r: Pick<PrintRequest, 'seqs' | 'year' | 'from' | 'to'>): PrintScope {
  if (r.seqs) {
    const seqs = [...new Set(r.seqs)].sort((a, b) => a - b);
    return seqs.length === 1 ? { kind: 'entry', seq: seqs[0]! } : { kind: 'selection', seqs };
  }
  if (r.year !== undefined) return { kind: 'year', year: r.year };
  if (r.from !== undefined && r.to !== undefined) return { kind: 'range', from: r.from, to: r.to };
  throw new ServiceError('invalid-input', '请选择一种打印范围：记录、年度或日期范围', 'seqs');
}

export function printPages(ctx: ServiceContext, r: PrintRequest): PrintView {
  const scope = scopeOf(r);
  const model = buildModel(ctx, { bookId: r.bookId, scope, paper: r.paper });
  if (r.pageStarts && r.pageStarts.length !== model.entries.length) {
    throw new ServiceError('invalid-input', '页码与打印的记录条数不符，请重新预览', 'pageStarts');
  }
  const title = `${model.organisation?.orgName ?? model.bookName} · ${scopeLabel(scope)}`;
  return {
    html: printHtml(model, r.pageStarts),
    title,
    fileName: `党建工作记录-${scopeLabel(scope).replace(/\s+/g, '')}.pdf`,
    paper: r.paper,
    checkpoint: { size: model.checkpoint.size, fingerprint: model.checkpoint.fingerprint },
    ...(hasCover(scope) ? { coverCode: coverCode(model) } : {}),
    entries: model.entries.map((e, i) => ({
      seq: e.seq,
      kindLabel: e.kindLabel,
      title: e.title,
      date: e.date,
      code: codeOf(model, e.seq, e.fingerprint),
      ...(r.pageStarts ? { page: r.pageStarts[i]! } : {}),
    })),
  };
}

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
  const base = { bookId, bookName: name, seq: c.seq, scope: scopeLabel(c.scope) };
  const book = ctx.ledger.getBook(bookId);
  const checks: PrintCheckItem[] = [];
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
      html: printHtml(model, undefined, { entries: false }),
    };
  }
  if (!seqs.includes(c.seq)) {
    return refused(code, `“${scopeLabel(c.scope)}”的打印中没有第 ${c.seq} 条记录：这一页不属于该次打印`, checks, base);
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
  // The page as that print laid it out: same scope, same checkpoint, so the same code.
  const html = printHtml({ ...model, scope: c.scope }, undefined, { cover: false });
  if (!entryOk)
    return refused(code, `条目指纹不符：该页的第 ${c.seq} 条与封存的记录不一致（可能被改动或替换）`, checks, {
      ...base,
      title: entry.title,
      html,
    });
  return { accepted: true, code, ...base, title: `${entry.kindLabel}：${entry.title}`, checks, html };
}
