/** Activities and work items: validated against the roster, flagged when recorded late. */
import { ServiceError, type ActivityInput, type RuleFlag, type SealResult, type WorkItemInput } from '../contract';
import { evaluateFiling, recordingDelay } from '../rules';
import { isDomainBody } from './entry-body';
import { attachmentHashes } from './attachments-service';
import { makeBody } from './entry-body';
import { isActiveOn } from './book-state';
import { profileOf } from './rule-checks';
import { chinaDate, guard, notFound, sealResult, type ServiceContext } from './service-context';


function refuseFuture(today: string, date: string, field: string): void {
  if (date > today) throw new ServiceError('future-date', `日期 ${date} 晚于今天，不能记录尚未发生的事项`, field);
}

function lateFlag(eventDate: string, now: Date): RuleFlag[] {
  const d = recordingDelay({ eventDate, recordedAt: now.toISOString() });
  return d.flagged ? [{ code: 'late-recording', message: d.message }] : [];
}

export function sealActivity(ctx: ServiceContext, bookId: string, a: ActivityInput): SealResult {
  const now = ctx.clock();
  refuseFuture(chinaDate(now), a.date, 'date');
  const state = ctx.projection(bookId).state();
  a.participantIds.forEach((id, i) => {
    const m = state.members.get(id);
    if (!m) throw new ServiceError('not-found', `参加成员编号 ${id} 不在成员名册中`, `participantIds.${i}`);
    if (!isActiveOn(m, a.date)) throw new ServiceError('member-inactive', `“${m.person.name}”在 ${a.date} 不在任`, `participantIds.${i}`);
  });
  const flags = lateFlag(a.date, now);
  const attachments = attachmentHashes(ctx, a.attachments);
  const [sealed] = ctx.seal(bookId, [{ kind: 'activity', body: makeBody(a, {}, flags), attachments }]);
  return sealResult(sealed!, flags);
}

export function sealWorkItem(ctx: ServiceContext, bookId: string, w: WorkItemInput): SealResult {
  const now = ctx.clock();
  const today = chinaDate(now);
  refuseFuture(today, w.date, 'date');
  const projection = ctx.projection(bookId);
  const state = projection.state();
  const flags: RuleFlag[] = [];
  let computed: Record<string, unknown> = {};
  if (w.type === 'annual-report') {
    const m = state.members.get(w.reporterId);
    if (!m) throw notFound('述职人', w.reporterId, 'reporterId');
    if (w.year > Number(w.date.slice(0, 4))) throw new ServiceError('invalid-date', `不能在 ${w.date} 为 ${w.year} 年述职`, 'year');
  }
  if (w.type === 'annual-summary' && w.year > Number(w.date.slice(0, 4))) {
    throw new ServiceError('invalid-date', `不能在 ${w.date} 为 ${w.year} 年作总结`, 'year');
  }
  if (w.type === 're-election' && w.newTermEnd <= w.newTermStart) {
    throw new ServiceError('invalid-date', '新一届任期结束日期应晚于开始日期', 'newTermEnd');
  }
  if (w.type === 'filing' || (w.type === 'major-matter' && w.meetingSeq !== undefined)) {
    const seq = w.meetingSeq!;
    const target = guard(() => ctx.ledger.getEntry(bookId, seq));
    if (!target || target.kind !== 'meeting' || !isDomainBody(target.body)) {
      throw new ServiceError('not-found', `第 ${seq} 条不是会议记录`, 'meetingSeq');
    }
    if (w.type === 'filing') {
      const meetingDate = String((projection.currentBody(seq, target.body) as { input: { startAt: string } }).input.startAt).slice(0, 10);
      const f = evaluateFiling({ meetingDate, filedDate: w.date, today, profile: profileOf(state), calendar: ctx.calendar.get() });
      if (f.status === 'invalid') throw new ServiceError('invalid-date', f.message, 'date');
      computed = { meetingDate, deadline: f.deadline, status: f.status, message: f.message };
      if (f.status === 'late') flags.push({ code: 'filing-late', message: f.message });
      if (f.status === 'calendar-missing') flags.push({ code: 'calendar-missing', message: f.message });
    }
  }
  if (w.type !== 'filing') flags.push(...lateFlag(w.date, now));
  const attachments = attachmentHashes(ctx, w.attachments);
  const [sealed] = ctx.seal(bookId, [{ kind: 'work', body: makeBody(w, computed, flags), attachments }]);
  return sealResult(sealed!, flags);
}
