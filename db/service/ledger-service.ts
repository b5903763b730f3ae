/**
 * The yearly ledger's facts, read from the proven read model and the (corrected) entries, and
 * handed to the pure computation in db/rules/year-ledger.ts. A corrected meeting is judged on
 * its current reading, as the entry view shows it; an entry that fails its proof is left out
 * of every figure and named.
 */
import {
  ACTIVITY_TYPES,
  MEMBER_ROLES,
  type ActivityInput,
  type MeetingEvaluation,
  type MeetingInput,
  type WorkItemInput,
} from '../contract';
import {
  computeYearLedger,
  textOf,
  type LedgerActivityFact,
  type LedgerCorrectionFact,
  type LedgerFlagged,
  type LedgerMeetingFact,
  type LedgerMemberFact,
  type LedgerWorkFact,
  type YearLedger,
} from '../rules';
import { isActiveOn, roleOn } from './book-state';
import { asCorrection, isDomainBody } from './entry-body';
import { evaluateAgainst } from './meetings-service';
import { profileOf } from './rule-checks';
import { chinaDate, guard, type ServiceContext } from './service-context';

const KINDS = ['org.setup', 'meeting', 'activity', 'work', 'ledger.correction'];

export function yearLedger(ctx: ServiceContext, bookId: string, year: number): YearLedger {
  const projection = ctx.projection(bookId);
  const state = projection.state();
  const profile = profileOf(state);
  const today = ctx.today();
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const meetings: LedgerMeetingFact[] = [];
  const activities: LedgerActivityFact[] = [];
  const workItems: LedgerWorkFact[] = [];
  const corrections: LedgerCorrectionFact[] = [];
  const clockAnomalies: LedgerFlagged[] = [];
  const damaged: number[] = [];
  let setupSeq: number | undefined;

  for (const s of guard(() => ctx.read.ofKinds(bookId, KINDS))) {
    if (s.problem) {
      damaged.push(s.seq);
      continue;
    }
    if (s.kind === 'org.setup') {
      setupSeq ??= s.seq;
      continue;
    }
    const entry = guard(() => ctx.ledger.getEntry(bookId, s.seq));
    if (!entry) continue;
    const fact = {
      seq: s.seq,
      kindLabel: s.kindLabel,
      title: s.title,
      date: s.date,
      flags: s.flags.map((f) => f.code),
      flagMessages: Object.fromEntries(s.flags.map((f) => [f.code, f.message])),
    };
    if (entry.flags.includes('clock-behind') && inYear(s.date || chinaDate(new Date(s.recordedAt)))) {
      clockAnomalies.push({
        seq: s.seq,
        message: `第 ${s.seq} 条封存时的系统时间早于前一条记录（电脑时钟可能被调回），请核对记录时间。`,
      });
    }
    if (s.kind === 'ledger.correction') {
      const c = asCorrection(entry.body);
      if (c) corrections.push({ seq: s.seq, targetSeq: c.target, date: s.date, reason: c.reason, flags: [] });
      continue;
    }
    if (!isDomainBody(entry.body)) continue;
    const body = projection.currentBody(s.seq, entry.body) as { input: unknown; computed: unknown };
    if (s.kind === 'meeting') {
      const input = body.input as MeetingInput;
      if (!inYear(input.startAt.slice(0, 10))) continue;
      const evaluation =
        s.correctedBy.length > 0
          ? evaluateAgainst(state, ctx.calendar, today, input)
          : (body.computed as MeetingEvaluation);
      meetings.push({
        ...fact,
        type: input.type,
        number: input.number,
        startAt: input.startAt,
        duties: input.duties,
        expectedIds: evaluation.expected.map((e) => e.memberId),
        presentIds: input.presentIds,
        quorate: evaluation.quorum.met,
        heldSeparately: input.heldSeparately,
        corrected: s.correctedBy.length > 0,
        text: textOf({
          title: input.title,
          topics: input.topics,
          decisions: input.decisions,
          minutes: input.minutes,
        }).join('\n'),
      });
    } else if (s.kind === 'activity') {
      const a = body.input as ActivityInput;
      if (!inYear(a.date)) continue;
      activities.push({
        ...fact,
        type: a.type,
        typeLabel: ACTIVITY_TYPES[a.type] ?? a.type,
        participantIds: a.participantIds,
        duties: a.duties,
        text: textOf({ title: a.title, content: a.content, outcome: a.outcome }).join('\n'),
      });
    } else if (s.kind === 'work') {
      const w = body.input as WorkItemInput;
      const { attachments: _a, duties: _d, ...rest } = w;
      workItems.push({
        ...fact,
        type: w.type,
        date: w.date,
        duties: w.duties,
        coversYear: 'year' in w ? w.year : undefined,
        meetingSeq: 'meetingSeq' in w ? w.meetingSeq : undefined,
        text: textOf(rest).join('\n'),
      });
    }
  }

  const on = today < `${year}-12-31` && today.startsWith(`${year}-`) ? today : `${year}-12-31`;
  const members: LedgerMemberFact[] = [...state.members.values()].map((m) => {
    const role = roleOn(m, on);
    return {
      memberId: m.memberId,
      name: m.person.name,
      role,
      roleLabel: MEMBER_ROLES[role] ?? role,
      active: isActiveOn(m, on),
      isCpcMember: m.person.isCpcMember,
      partyJoinDate: m.person.partyJoinDate,
      seqsInYear: m.history.filter((h) => inYear(h.date)).map((h) => h.seq),
      joinedInYear: inYear(m.joinedOn),
      leftInYear: m.leftOn !== undefined && inYear(m.leftOn),
    };
  });
  const org = state.organisation;
  return computeYearLedger({
    year,
    today,
    profile,
    calendar: ctx.calendar.get(),
    organisation: org ? { orgName: org.orgName, approvalDocNo: org.approval?.docNo, setupSeq } : null,
    meetings,
    activities,
    workItems,
    corrections,
    members,
    clockAnomalies,
    damaged,
  });
}
