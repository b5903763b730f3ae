/** Reading the book (timeline, one entry with its corrections) and correcting sealed entries. */
import {
  ServiceError, describeZodError, labelFor, type CorrectionView, type EntryDetail, type EntryPage, type MeetingEvaluation, type MeetingInput, type SealResult,
} from '../contract';
import { isDomainBody } from './entry-body';
import { INPUT_SCHEMAS } from './correction-schemas';
import { getAt, parsePointer, setAt } from './json-pointer';
import { evaluateMeeting } from './meetings-service';
import { guard, notFound, sealResult, type ServiceContext } from './service-context';

export interface ListQuery {
  bookId: string;
  kinds?: string[] | undefined;
  year?: number | undefined;
  memberId?: string | undefined;
  flag?: string | undefined;
  offset: number;
  limit: number;
}

export function listEntries(ctx: ServiceContext, q: ListQuery): EntryPage {
  const all = ctx.projection(q.bookId).allSummaries();
  const year = q.year === undefined ? undefined : String(q.year);
  const matches = (s: (typeof all)[number]) =>
    (!q.kinds || q.kinds.some((k) => s.kind === k || s.kind.startsWith(`${k}.`))) &&
    (!year || s.date.startsWith(year)) &&
    (!q.memberId || s.memberIds.includes(q.memberId)) &&
    (!q.flag || (q.flag === 'corrected' ? s.correctedBy.length > 0 : s.flags.some((f) => f.code === q.flag)));
  const items = [];
  let total = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const s = all[i]!;
    if (!matches(s)) continue;
    if (total >= q.offset && items.length < q.limit) items.push(s);
    total++;
  }
  return { total, items };
}

export function getEntryDetail(ctx: ServiceContext, bookId: string, seq: number): EntryDetail {
  const projection = ctx.projection(bookId);
  const entry = guard(() => ctx.ledger.getEntry(bookId, seq));
  const summary = projection.summary(seq);
  if (!entry || !summary) throw notFound('记录', `第 ${seq} 条`, 'seq');
  let reading: unknown = entry.body;
  const corrections: CorrectionView[] = projection.correctionsOf(seq).map((c) => {
    const previous = getAt(reading, c.body.field).value;
    reading = setAt(reading, c.body.field, c.body.value);
    return {
      seq: c.seq, field: c.body.field, fieldLabel: fieldLabel(c.body.field), previous, value: c.body.value,
      reason: c.body.reason, by: c.body.by ?? '', recordedAt: c.recordedAt,
    };
  });
  const detail: EntryDetail = {
    summary, hash: entry.hash, prev: entry.prev, author: entry.author,
    original: entry.body, corrections, current: reading, ledgerFlags: entry.flags,
  };
  if (entry.kind === 'meeting' && corrections.length > 0 && isDomainBody(reading) && isDomainBody(entry.body)) {
    // Shown only when the corrected reading changes a rule result (a corrected place does not).
    const now = evaluateMeeting(ctx, bookId, reading.input as MeetingInput);
    if (ruleOutcome(now) !== ruleOutcome(entry.body.computed as MeetingEvaluation)) detail.currentEvaluation = now;
  }
  return detail;
}

export interface CorrectionRequest { bookId: string; seq: number; field: string; value: string | number | boolean | null; reason: string; by: string }

export function correctEntry(ctx: ServiceContext, r: CorrectionRequest): SealResult {
  const projection = ctx.projection(r.bookId);
  const entry = guard(() => ctx.ledger.getEntry(r.bookId, r.seq));
  if (!entry) throw notFound('记录', `第 ${r.seq} 条`, 'seq');
  const schema = INPUT_SCHEMAS[entry.kind];
  if (!schema || !isDomainBody(entry.body)) {
    throw new ServiceError('not-correctable', `第 ${r.seq} 条是“${projection.summary(r.seq)?.kindLabel ?? entry.kind}”，这类记录不能更正`, 'seq');
  }
  if (parsePointer(r.field)[0] !== 'input') {
    throw new ServiceError('not-correctable', '只能更正记录人填写的内容；规则判断结果会按更正后的内容重新计算', 'field');
  }
  const current = projection.currentBody(r.seq, entry.body);
  const at = getAt(current, r.field);
  if (!at.found) throw new ServiceError('field-not-found', `第 ${r.seq} 条记录没有字段“${fieldLabel(r.field)}”`, 'field');
  if (at.value !== null && typeof at.value === 'object') {
    throw new ServiceError('field-not-leaf', `“${fieldLabel(r.field)}”包含多项内容，请选择其中具体的一项更正`, 'field');
  }
  if (at.value !== null && r.value !== null && typeof at.value !== typeof r.value) {
    throw new ServiceError('type-mismatch', `“${fieldLabel(r.field)}”原为${typeName(at.value)}，更正内容也应为${typeName(at.value)}`, 'value');
  }
  if (at.value === r.value) throw new ServiceError('unchanged', '更正内容与现有内容相同', 'value');
  const corrected = setAt(current, r.field, r.value) as { input: unknown };
  const parsed = schema.safeParse(corrected.input);
  if (!parsed.success) {
    const d = describeZodError(parsed.error);
    throw new ServiceError('invalid-correction', `更正后内容无效：${d.message}`, 'value');
  }
  const sealed = guard(() => {
    const status = ctx.ledger.status(r.bookId);
    if (status.readOnly) throw new ServiceError('book-readonly', `该记录本已设为只读：${status.reason ?? ''}`);
    return ctx.ledger.correct(r.bookId, { target: r.seq, field: r.field, value: r.value, reason: r.reason, by: r.by });
  });
  ctx.projection(r.bookId);
  return sealResult(sealed, []);
}

export function fieldLabel(pointer: string): string {
  const keys = parsePointer(pointer).slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  return labelFor(keys);
}

function typeName(v: unknown): string {
  return typeof v === 'number' ? '数字' : typeof v === 'boolean' ? '是/否' : '文字';
}

/** The rule results of an evaluation, as one comparable string. */
function ruleOutcome(e: MeetingEvaluation): string {
  return JSON.stringify([
    e.presentCount, e.quorum.met, e.decisions.map((d) => d.passed), e.election?.elected ?? null,
    e.flags.map((f) => f.code).filter((c) => c !== 'late-recording').sort(),
  ]);
}
