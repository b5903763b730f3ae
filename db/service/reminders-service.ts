/** reminders.list: what is about to be missed, as of the service clock's Beijing date (the clock the seal uses). */
import type { MeetingEvaluation, MeetingInput, WorkItemInput } from '../contract';
import { computeReminders, type Reminder, type ReminderMeeting } from '../rules';
import { isDomainBody } from './entry-body';
import { evaluateAgainst } from './meetings-service';
import { profileOf } from './rule-checks';
import { guard, type ServiceContext } from './service-context';

export interface RemindersView {
  today: string;
  items: Reminder[];
}

export function listReminders(ctx: ServiceContext, bookId: string): RemindersView {
  const projection = ctx.projection(bookId);
  const state = projection.state();
  const today = ctx.today();
  const meetings: ReminderMeeting[] = [];
  const filed = new Map<number, string>();
  const reports: number[] = [];
  for (const s of guard(() => ctx.read.ofKinds(bookId, ['meeting', 'work']))) {
    if (s.problem) continue;
    const entry = guard(() => ctx.ledger.getEntry(bookId, s.seq));
    if (!entry || !isDomainBody(entry.body)) continue;
    const body = projection.currentBody(s.seq, entry.body) as { input: unknown; computed: unknown };
    if (s.kind === 'meeting') {
      const input = body.input as MeetingInput;
      if (input.type === 'members-assembly') continue;
      const evaluation =
        s.correctedBy.length > 0
          ? evaluateAgainst(state, ctx.calendar, today, input)
          : (body.computed as MeetingEvaluation);
      meetings.push({ seq: s.seq, startAt: input.startAt, quorate: evaluation.quorum.met });
    } else {
      const w = body.input as WorkItemInput;
      if (w.type === 'filing' && !filed.has(w.meetingSeq)) filed.set(w.meetingSeq, w.date);
      if (w.type === 'annual-report') reports.push(w.year);
    }
  }
  const view = ctx.calendar.view();
  return {
    today,
    items: computeReminders({
      today,
      profile: profileOf(state),
      calendar: ctx.calendar.get(),
      meetings: meetings.map((m) => ({ ...m, filedDate: filed.get(m.seq) })),
      leaderReportYears: reports,
      calendarYears: [...view.builtInYears, ...view.importedYears],
    }),
  };
}
