/**
 * Activities and work items: the checks before sealing (`checkActivity`, `checkWorkItem`, behind
 * `entries.check`) and sealing, which runs the same checks at its own clock reading: a date after
 * today or an unknown member blocks; recording late (and a late filing) is sealed as a flag.
 */
import type { ActivityInput, EntryCheck, SealResult, WorkItemInput } from '../contract';
import { evaluateFiling } from '../rules';
import { isDomainBody } from './entry-body';
import { attachmentHashes } from './attachments-service';
import { makeBody } from './entry-body';
import { isActiveOn } from './book-state';
import { CheckBuilder, refuseBlocked } from './check-parts';
import { profileOf } from './rule-checks';
import { chinaDate, guard, sealResult, type ServiceContext } from './service-context';

/** What the activity checks look at; a draft may lack the date. */
export interface ActivityCheck {
  date?: string | undefined;
  participantIds: readonly string[];
}

export function checkActivity(ctx: ServiceContext, bookId: string, a: ActivityCheck, now: Date): EntryCheck {
  const state = ctx.projection(bookId).state();
  const c = new CheckBuilder('activity', now).notFuture(a.date, 'date', '活动日期');
  let fine = true;
  a.participantIds.forEach((id, i) => {
    const m = state.members.get(id);
    if (!m) {
      fine = false;
      c.block('not-found', `participantIds.${i}`, `参加成员编号 ${id} 不在成员名册中`);
    } else if (a.date !== undefined && !isActiveOn(m, a.date)) {
      fine = false;
      c.block('member-inactive', `participantIds.${i}`, `“${m.person.name}”在 ${a.date} 不在任`);
    }
  });
  if (fine && a.participantIds.length > 0) c.pass('参加成员均为活动当天在任的成员。');
  if (a.date !== undefined && a.date <= chinaDate(now)) c.recordedInTime(a.date);
  return c.result();
}

export function sealActivity(ctx: ServiceContext, bookId: string, a: ActivityInput): SealResult {
  const check = checkActivity(ctx, bookId, a, ctx.clock());
  refuseBlocked(check);
  const attachments = attachmentHashes(ctx, a.attachments);
  const [sealed] = ctx.seal(bookId, [{ kind: 'activity', body: makeBody(a, {}, check.flags), attachments }]);
  return sealResult(sealed!, check.flags);
}

/** What the work-item checks look at; a draft may lack any of it. */
export interface WorkCheck {
  type?: WorkItemInput['type'] | undefined;
  date?: string | undefined;
  year?: number | undefined;
  reporterId?: string | undefined;
  meetingSeq?: number | undefined;
  newTermStart?: string | undefined;
  newTermEnd?: string | undefined;
}

/** The work-item check, with what the rules computed (a filing's deadline), sealed as `computed`. */
export function checkWorkItemWith(
  ctx: ServiceContext,
  bookId: string,
  w: WorkCheck,
  now: Date,
): { check: EntryCheck; computed: Record<string, unknown> } {
  const today = chinaDate(now);
  const projection = ctx.projection(bookId);
  const state = projection.state();
  const c = new CheckBuilder('work', now).notFuture(w.date, 'date');
  let computed: Record<string, unknown> = {};
  if (w.type === 'annual-report' && w.reporterId !== undefined) {
    const m = state.members.get(w.reporterId);
    if (!m) c.block('not-found', 'reporterId', `找不到述职人：${w.reporterId}`);
  }
  if ((w.type === 'annual-report' || w.type === 'annual-summary') && w.year !== undefined && w.date !== undefined) {
    if (w.year > Number(w.date.slice(0, 4))) {
      c.block(
        'invalid-date',
        'year',
        `不能在 ${w.date} 为 ${w.year} 年${w.type === 'annual-report' ? '述职' : '作总结'}`,
      );
    }
  }
  if (
    w.type === 're-election' &&
    w.newTermStart !== undefined &&
    w.newTermEnd !== undefined &&
    w.newTermEnd <= w.newTermStart
  ) {
    c.block('invalid-date', 'newTermEnd', '新一届任期结束日期应晚于开始日期');
  }
  if ((w.type === 'filing' || w.type === 'major-matter') && w.meetingSeq !== undefined) {
    const seq = w.meetingSeq;
    const target = guard(() => ctx.ledger.getEntry(bookId, seq));
    if (!target || target.kind !== 'meeting' || !isDomainBody(target.body)) {
      c.block('not-found', 'meetingSeq', `第 ${seq} 条不是会议记录`);
    } else if (w.type === 'filing' && w.date !== undefined) {
      const meetingDate = String(
        (projection.currentBody(seq, target.body) as { input: { startAt: string } }).input.startAt,
      ).slice(0, 10);
      const f = evaluateFiling({
        meetingDate,
        filedDate: w.date,
        today,
        profile: profileOf(state),
        calendar: ctx.calendar.get(),
      });
      computed = { meetingDate, deadline: f.deadline, status: f.status, message: f.message };
      if (f.status === 'invalid') c.block('invalid-date', 'date', f.message);
      else if (f.status === 'late') c.flag('filing-late', f.message);
      else if (f.status === 'calendar-missing') c.flag('calendar-missing', f.message);
      else c.pass(`纪要备案：${f.message}`);
    }
  }
  // A filing's own timeliness is the filing deadline above, not the recording delay.
  if (w.type !== 'filing' && w.date !== undefined && w.date <= today) c.recordedInTime(w.date);
  return { check: c.result(), computed };
}

export function sealWorkItem(ctx: ServiceContext, bookId: string, w: WorkItemInput): SealResult {
  const { check, computed } = checkWorkItemWith(ctx, bookId, w, ctx.clock());
  refuseBlocked(check);
  const attachments = attachmentHashes(ctx, w.attachments);
  const [sealed] = ctx.seal(bookId, [{ kind: 'work', body: makeBody(w, computed, check.flags), attachments }]);
  return sealResult(sealed!, check.flags);
}
