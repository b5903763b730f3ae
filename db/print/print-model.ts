/**
 * What a print holds, read through the service's proven reads only: which entries a scope
 * names (a year, a date range, one entry, a selection), each entry's detail proven against
 * the signed checkpoint (getEntryDetail), its corrections up to the print's checkpoint, and
 * the page section drawn from its kind's description.
 */
import {
  ServiceError,
  describeEntry,
  getAt,
  inputPathOf,
  locateField,
  parsePointer,
  readEntryBody,
  type EntryDescription,
  type EntryDetail,
  type EntrySummary,
  type FieldDescription,
} from '../contract';
import { getEntryDetail } from '../service/entries-service';
import { yearLedger } from '../service/ledger-service';
import { ledgerBody } from './print-ledger';
import type { ServiceContext } from '../service/service-context';
import { fingerprint, type PrintScope } from './page-code';
import type { Paper } from './print-css';
import { type PrintModel, type PrintedEntry } from './print-document';
import { correctionsTable, genericBody, type EntryReading } from './print-fields';
import { esc } from './print-html';
import { meetingBody } from './print-meeting';
import { beijingTime, chineseDate } from '../contract';

/** The most entries one print holds (a year of a busy group is ~60). */
export const MAX_PRINT_ENTRIES = 400;

/** Seqs the scope names at checkpoint `size`, in the book's order; corrections print beside their originals. */
export function scopeSeqs(ctx: ServiceContext, bookId: string, scope: PrintScope, size: number): number[] {
  if (scope.kind === 'ledger') return [];
  if (scope.kind === 'entry') return scope.seq <= size ? [scope.seq] : [];
  if (scope.kind === 'selection') return scope.seqs.filter((s) => s <= size);
  const [from, to] = scope.kind === 'year' ? [`${scope.year}-01-01`, `${scope.year}-12-31`] : [scope.from, scope.to];
  const seqs: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let offset = 0; ; offset += 500) {
      const page = ctx.read.page({ bookId, year, offset, limit: 500 });
      for (const s of page.items) {
        if (s.seq <= size && s.kind !== 'ledger.correction' && s.date >= from && s.date <= to) seqs.push(s.seq);
      }
      if (offset + 500 >= page.total) break;
    }
  }
  return seqs.sort((a, b) => a - b);
}

function nameOfFor(ctx: ServiceContext, bookId: string): (id: string) => string {
  const members = ctx.projection(bookId).state().members;
  return (id) => members.get(id)?.person.name ?? `（成员 ${id}）`;
}

/** The detail as of checkpoint `size`: corrections sealed later are not part of that print. */
function asOf(detail: EntryDetail, size: number): EntryDetail {
  const corrections = detail.corrections.filter((c) => c.seq <= size);
  const all = corrections.length === detail.corrections.length;
  return { ...detail, corrections, ...(all ? {} : { currentEvaluation: undefined }) };
}

function entryTitle(summary: EntrySummary): string {
  return summary.title || summary.kindLabel;
}

/** The section of one proven entry: heading, reference line, body by its kind, corrections. */
export function entrySection(
  ctx: ServiceContext,
  bookId: string,
  detail: EntryDetail,
  nameOf: (id: string) => string,
  describe: (kind: string, input: unknown) => EntryDescription | undefined = describeEntry,
): PrintedEntry {
  const { summary } = detail;
  const base = inputPathOf(summary.kind);
  const input = getAt(detail.original, base);
  // Any kind with a description prints from it: a kind added later needs no print code.
  const description = describe(summary.kind, input);
  if (!description) {
    throw new ServiceError(
      'print-unknown-kind',
      `第 ${summary.seq} 条是较新版本的软件写入的记录，本版本无法按记录本格式打印`,
    );
  }
  const reading: EntryReading = {
    kind: summary.kind,
    input,
    base,
    description,
    corrections: detail.corrections,
    nameOf,
  };
  let body: string;
  const parsed = readEntryBody(summary.kind, detail.original);
  if (parsed.ok && parsed.body.kind === 'meeting') {
    body = meetingBody({
      reading,
      meeting: parsed.body.input,
      evaluation: parsed.body.computed,
      currentEvaluation: detail.currentEvaluation,
      filed: summary.filed,
    });
  } else {
    body = genericBody(
      reading,
      summary.kind === 'ledger.correction' ? correctionTarget(ctx, bookId, input, nameOf) : undefined,
    );
  }
  const ref = `第 ${summary.seq} 条 · ${esc(chineseDate(summary.date))} · 封存于 ${esc(beijingTime(summary.recordedAt))}`;
  return {
    seq: summary.seq,
    kindLabel: summary.kindLabel,
    title: entryTitle(summary),
    date: summary.date,
    fingerprint: fingerprint(detail.hash),
    body: `<h2>${esc(description.title)}</h2><p class="entry-ref">${ref}</p>${body}${correctionsTable(reading)}`,
  };
}

/** A correction entry printed on its own: the corrected field named by the corrected entry's labels. */
function correctionTarget(ctx: ServiceContext, bookId: string, input: unknown, nameOf: (id: string) => string) {
  const targetSeq = getAt(input, ['target']);
  const target = typeof targetSeq === 'number' ? getEntryDetail(ctx, bookId, targetSeq) : undefined;
  const tBase = target ? inputPathOf(target.summary.kind) : [];
  const tInput = target ? getAt(target.original, tBase) : undefined;
  const tDesc = target ? describeEntry(target.summary.kind, tInput) : undefined;
  const label = (pointer: unknown) =>
    typeof pointer === 'string' && tDesc
      ? (locateField(tDesc, parsePointer(pointer).slice(tBase.length), tInput, nameOf)?.label ?? '（无法识别的字段）')
      : '—';
  return (field: FieldDescription): string | undefined => {
    if (field.show === 'correctedField') return esc(label(getAt(input, ['field'])));
    if (field.show === 'correctedValue')
      return `<span class="pre">${esc(JSON.stringify(getAt(input, ['value'])))}</span>`;
    if (field.show === 'correctionChanges') {
      const changes = getAt(input, ['changes']);
      return Array.isArray(changes)
        ? changes
            .map((c) => `${esc(label(getAt(c, ['field'])))}：${esc(JSON.stringify(getAt(c, ['value'])))}`)
            .join('<br>')
        : '—';
    }
    return undefined;
  };
}

export interface ModelRequest {
  bookId: string;
  scope: PrintScope;
  paper: Paper;
  /** Print as of this checkpoint size (checking an old page); default: the newest signed checkpoint. */
  atSize?: number;
}

/** The print's model: every entry proven first; a damaged one stops the print with its reason. */
export function buildModel(ctx: ServiceContext, r: ModelRequest): PrintModel {
  ctx.projection(r.bookId);
  const book = ctx.ledger.getBook(r.bookId);
  const signed = ctx.ledger.checkpoint(r.bookId);
  if (!signed) throw new ServiceError('print-no-checkpoint', '记录本还没有签名校验点，无法打印；请先完成完整校验');
  const size = r.atSize ?? signed.checkpoint.size;
  if (size > signed.checkpoint.size)
    throw new ServiceError('print-future', `记录本只有 ${signed.checkpoint.size} 条，没有第 ${size} 条的校验点`);
  const root = size === signed.checkpoint.size ? signed.checkpoint.root : ctx.ledger.rootAt(r.bookId, size);
  const common = {
    bookId: r.bookId,
    bookName: book.name,
    organisation: ctx.projection(r.bookId).state().organisation,
    scope: r.scope,
    paper: r.paper,
    checkpoint: { size, fingerprint: fingerprint(root), time: signed.checkpoint.time },
  };
  if (r.scope.kind === 'ledger') {
    const ledger = yearLedger(ctx, r.bookId, r.scope.year);
    return { ...common, entries: [], ledger: ledgerBody(ledger, common.checkpoint) };
  }
  const seqs = scopeSeqs(ctx, r.bookId, r.scope, size);
  if (seqs.length === 0) throw new ServiceError('print-empty', '所选范围内没有可打印的记录');
  if (seqs.length > MAX_PRINT_ENTRIES)
    throw new ServiceError(
      'print-too-many',
      `一次最多打印 ${MAX_PRINT_ENTRIES} 条记录，所选范围有 ${seqs.length} 条；请缩小范围`,
    );
  const nameOf = nameOfFor(ctx, r.bookId);
  const entries = seqs.map((seq) =>
    entrySection(ctx, r.bookId, asOf(getEntryDetail(ctx, r.bookId, seq), size), nameOf),
  );
  return { ...common, entries };
}
