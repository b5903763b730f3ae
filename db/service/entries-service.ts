/** Reading the book (timeline, one entry with its corrections) and correcting sealed entries. */
import {
  ENTRY_INPUT_SCHEMAS,
  ServiceError,
  describeEntry,
  describeZodError,
  inputPathOf,
  isEntryKind,
  isLedgerKind,
  labelFor,
  locateField,
  type CorrectionView,
  type NameOf,
  type ActivityInput,
  type EntryDetail,
  type EntryPage,
  type MeetingEvaluation,
  type MeetingInput,
  type WorkItemInput,
  type SealResult,
} from '../contract';
import type { BookState } from './book-state';
import { changesOf, isDomainBody } from './entry-body';
import { UNCORRECTABLE_KINDS } from './kinds';
import { getAt, parsePointer, pointerTokens, resolvePointer, setAt } from '../contract/json-pointer';
import { evaluateAgainst, evaluateMeeting } from './meetings-service';
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
  ctx.projection(q.bookId);
  return guard(() => ctx.read.page(q));
}

export function getEntryDetail(ctx: ServiceContext, bookId: string, seq: number): EntryDetail {
  const projection = ctx.projection(bookId);
  // Proven before anything of it is shown: a damaged entry is its problem, never its text.
  const entry = guard(() => ctx.ledger.getEntry(bookId, seq));
  const summary = projection.summary(seq);
  if (!entry || !summary) throw notFound('记录', `第 ${seq} 条`, 'seq');
  let reading: unknown = entry.body;
  const names = namesOf(projection.state());
  const corrections: CorrectionView[] = projection.correctionsOf(seq).flatMap((c) =>
    changesOf(c.body).map((x) => {
      const previous = getAt(reading, x.field);
      reading = setAt(reading, x.field, x.value);
      return {
        seq: c.seq,
        field: x.field,
        fieldLabel: fieldLabel(summary.kind, reading, x.field, names),
        previous,
        value: x.value,
        reason: c.body.reason,
        by: c.body.by ?? '',
        recordedAt: c.recordedAt,
      };
    }),
  );
  const detail: EntryDetail = {
    summary,
    hash: entry.hash,
    prev: entry.prev,
    author: entry.author,
    original: entry.body,
    corrections,
    current: reading,
    ledgerFlags: entry.flags,
  };
  if (entry.kind === 'meeting' && corrections.length > 0 && isDomainBody(reading) && isDomainBody(entry.body)) {
    // Shown only when the corrected reading changes a rule result (a corrected place does not).
    const now = evaluateMeeting(ctx, bookId, reading.input as MeetingInput);
    if (ruleOutcome(now) !== ruleOutcome(entry.body.computed as MeetingEvaluation)) detail.currentEvaluation = now;
  }
  return detail;
}

export interface CorrectionRequest {
  bookId: string;
  seq: number;
  /** One field … */
  field?: string | undefined;
  value?: unknown;
  /** … or several that only make sense together (who was present and who absent). */
  changes?: { field: string; value: unknown }[] | undefined;
  reason: string;
  by: string;
}

export function correctEntry(ctx: ServiceContext, r: CorrectionRequest): SealResult {
  const projection = ctx.projection(r.bookId);
  const entry = guard(() => ctx.ledger.getEntry(r.bookId, r.seq));
  if (!entry) throw notFound('记录', `第 ${r.seq} 条`, 'seq');
  const schema = isEntryKind(entry.kind) && !isLedgerKind(entry.kind) ? ENTRY_INPUT_SCHEMAS[entry.kind] : undefined;
  if (!schema || !isDomainBody(entry.body) || UNCORRECTABLE_KINDS.has(entry.kind)) {
    throw new ServiceError(
      'not-correctable',
      `第 ${r.seq} 条是“${projection.summary(r.seq)?.kindLabel ?? entry.kind}”，这类记录不能更正`,
      'seq',
    );
  }
  const changes = r.changes ?? [{ field: r.field ?? '', value: r.value }];
  const current = projection.currentBody(r.seq, entry.body);
  let corrected = current as { input: unknown };
  const names = namesOf(projection.state());
  const label = (field: string) => fieldLabel(entry.kind, current, field, names);
  for (const change of changes) corrected = applyChange(r.seq, entry.kind, corrected, change, label);
  const parsed = schema.safeParse(corrected.input);
  if (!parsed.success) {
    const d = describeZodError(parsed.error);
    throw new ServiceError('invalid-correction', `更正后内容无效：${d.message}`, 'value');
  }
  for (const change of changes) {
    // A key the schema does not know is stripped by the parse: it is not a field of this record.
    if (!resolvePointer({ input: parsed.data }, change.field).found) {
      throw new ServiceError('field-not-found', `第 ${r.seq} 条记录没有字段“${label(change.field)}”`, 'field');
    }
  }
  checkCorrectedReading(ctx, r.bookId, entry.kind, parsed.data);
  const sealed = ctx.sealCorrection(r.bookId, {
    target: r.seq,
    ...(r.changes ? { changes: r.changes } : { field: r.field!, value: r.value }),
    reason: r.reason,
    by: r.by,
  });
  return sealResult(sealed, []);
}

function namesOf(state: BookState): NameOf {
  return (id) => state.members.get(id)?.person.name ?? '';
}

/**
 * The label the entry's description gives the field at `pointer` (议题 1 讨论情况, 请假说明（王五）),
 * as the form and the sealed view name it; the generic field names only for a field the
 * description does not know (an entry from a newer app).
 */
export function fieldLabel(kind: string, body: unknown, pointer: string, nameOf: NameOf): string {
  const base = inputPathOf(kind);
  const input = base.length ? getAt(body, base) : body;
  const rel = parsePointer(pointer).slice(base.length);
  const description = describeEntry(kind, input);
  return (description && locateField(description, rel, input, nameOf)?.label) ?? labelFor(rel);
}

/** Applies one field change to the reading, refusing what a correction may not do. */
function applyChange(
  seq: number,
  kind: string,
  reading: { input: unknown },
  change: { field: string; value: unknown },
  label: (field: string) => string,
): { input: unknown } {
  const pointer = pointerTokens(change.field);
  if (!pointer || pointer[0] !== 'input') {
    throw new ServiceError(
      'not-correctable',
      '只能更正记录人填写的内容；规则判断结果会按更正后的内容重新计算',
      'field',
    );
  }
  if (kind.startsWith('member.') && pointer[1] === 'memberId') {
    throw new ServiceError(
      'not-correctable',
      '成员编号是成员在记录本中的身份，不能更正；如登记错了人，请办理离任并重新登记加入',
      'field',
    );
  }
  const at = resolvePointer(reading, change.field);
  if (at.found && at.value !== null && change.value !== null && typeName(at.value) !== typeName(change.value)) {
    throw new ServiceError(
      'type-mismatch',
      `“${label(change.field)}”原为${typeName(at.value)}，更正内容也应为${typeName(at.value)}`,
      'value',
    );
  }
  if (at.found && JSON.stringify(at.value) === JSON.stringify(change.value)) {
    throw new ServiceError('unchanged', `“${label(change.field)}”的更正内容与现有内容相同`, 'value');
  }
  try {
    return setAt(reading, change.field, change.value);
  } catch {
    throw new ServiceError('field-not-found', `第 ${seq} 条记录没有字段“${label(change.field)}”`, 'field');
  }
}

/**
 * A corrected reading must pass the checks sealing applies beyond the schema: a corrected
 * meeting's attendance must still add up (every expected member present or absent with a
 * leave note, the chair present, no strangers), and ids must name members of the roster.
 */
function checkCorrectedReading(ctx: ServiceContext, bookId: string, kind: string, input: unknown): void {
  const state = ctx.projection(bookId).state();
  const known = (id: string, field: string) => {
    if (!state.members.has(id))
      throw new ServiceError('invalid-correction', `更正后内容无效：成员编号 ${id} 不在成员名册中`, field);
  };
  if (kind === 'meeting') {
    const m = input as MeetingInput;
    [m.chairId, ...m.presentIds, ...m.absent.map((a) => a.memberId)].forEach((id) => known(id, 'value'));
    const first = evaluateAgainst(state, ctx.calendar, ctx.today(), m).errors[0];
    if (first) throw new ServiceError('invalid-correction', `更正后内容无效：${first.message}`, 'value');
  } else if (kind === 'activity') {
    (input as ActivityInput).participantIds.forEach((id) => known(id, 'value'));
  } else if (kind === 'work') {
    const w = input as WorkItemInput;
    if (w.type === 'annual-report') known(w.reporterId, 'value');
  }
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return '列表';
  if (v !== null && typeof v === 'object') return '多项内容';
  return typeof v === 'number' ? '数字' : typeof v === 'boolean' ? '是/否' : '文字';
}

/** The rule results of an evaluation, as one comparable string. */
function ruleOutcome(e: MeetingEvaluation): string {
  return JSON.stringify([
    e.presentCount,
    e.quorum.met,
    e.decisions.map((d) => d.passed),
    e.election?.elected ?? null,
    e.flags
      .map((f) => f.code)
      .filter((c) => c !== 'late-recording')
      .sort(),
  ]);
}
