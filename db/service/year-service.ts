/** The yearly ledger (台账): what the year's sealed entries show and what the year still owes. */
import type { MeetingEvaluation, MeetingInput, WorkItemInput, YearView } from '../contract';
import { computeYearlyObligations, evaluateFiling, type MeetingSummary, type WorkItemSummary } from '../rules';
import { isDomainBody } from './entry-body';
import { evaluateAgainst } from './meetings-service';
import { profileOf } from './rule-checks';
import { guard, type ServiceContext } from './service-context';

export function yearView(ctx: ServiceContext, bookId: string, year: number): YearView {
  const projection = ctx.projection(bookId);
  const state = projection.state();
  const profile = profileOf(state);
  const today = ctx.today();
  const prefix = String(year);
  const filings = new Map<number, string>();
  const workItems: WorkItemSummary[] = [];
  const meetings: { seq: number; input: MeetingInput; evaluation: MeetingEvaluation }[] = [];
  const damaged: number[] = [];
  for (const s of guard(() => ctx.read.ofKinds(bookId, ['meeting', 'work']))) {
    if (s.problem) {
      damaged.push(s.seq);
      continue;
    }
    const entry = guard(() => ctx.ledger.getEntry(bookId, s.seq));
    if (!entry || !isDomainBody(entry.body)) continue;
    const body = projection.currentBody(s.seq, entry.body) as { input: unknown; computed: unknown };
    if (s.kind === 'meeting' && s.date.startsWith(prefix)) {
      const input = body.input as MeetingInput;
      // The group's own meetings count; a members' assembly is another body's meeting.
      if (input.type === 'members-assembly') continue;
      // A corrected meeting is judged on its current reading, as the entry view shows it.
      const evaluation = s.correctedBy.length > 0
        ? evaluateAgainst(state, ctx.calendar, today, input)
        : (body.computed as MeetingEvaluation);
      meetings.push({ seq: s.seq, input, evaluation });
    } else if (s.kind === 'work') {
      const w = body.input as WorkItemInput;
      if (w.type === 'filing') filings.set(w.meetingSeq, w.date);
      if (w.type === 'annual-report') workItems.push({ entryId: String(s.seq), kind: 'leader-report', date: w.date, coversYear: w.year });
      if (w.type === 'annual-summary') workItems.push({ entryId: String(s.seq), kind: 'annual-summary', date: w.date, coversYear: w.year });
    }
  }
  const summaries: MeetingSummary[] = meetings.map(({ seq, input, evaluation }) => {
    const filedDate = filings.get(seq);
    const f = evaluateFiling({
      meetingDate: input.startAt.slice(0, 10), today, profile, calendar: ctx.calendar.get(),
      ...(filedDate ? { filedDate } : {}),
    });
    return {
      entryId: String(seq), date: input.startAt.slice(0, 10), quorate: evaluation.quorum.met,
      filing: f.status === 'not-required' ? null : f.status, heldSeparately: input.heldSeparately,
    };
  });
  const r = computeYearlyObligations({ profile, year, meetings: summaries, workItems, today });
  const items = r.items.map((i) => ({ code: i.code, ok: i.ok, message: i.message }));
  if (damaged.length > 0) {
    // A figure built on an entry that failed its proof would look sound; say what is missing.
    items.unshift({
      code: 'entries-damaged', ok: false,
      message: `第 ${damaged.slice(0, 5).join('、')}${damaged.length > 5 ? ' 等' : ''} 条会议或工作记录未通过校验，没有计入本台账`,
    });
  }
  return { year: r.year, meetingsHeld: r.meetingsHeld, meetingsRequired: r.meetingsRequired, items };
}
