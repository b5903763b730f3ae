/**
 * The yearly ledger (年度台账) computed from the year's facts: a pure function, so the app's
 * ledger page, its Excel export and the liaison's overview all show the same figures.
 * The caller reads the entries (current, corrected readings) and hands them in; nothing here
 * reads a database or a clock.
 */
import { DUTIES, DUTY_BENCHMARK_AT, DUTY_EXCELLENT_AT, DUTY_IDS, DUTY_SCOPES, type DutyId } from '../contract/duties';
import { suggestDuties } from './duties';
import { evaluateFiling } from './filing';
import type { HolidayCalendar } from './holiday-calendar';
import { daysBetween, toIsoDate } from './iso-date';
import type { RuleProfile } from './profile-schema';
import { computeYearlyObligations } from './yearly-obligations';
import type {
  LedgerAttendanceRow,
  LedgerCount,
  LedgerDuties,
  LedgerEntryRef,
  LedgerFiveClear,
  LedgerFlagged,
  LedgerMeetingRow,
  LedgerMonth,
  YearLedger,
} from './year-ledger-types';

export type * from './year-ledger-types';

interface Fact {
  seq: number;
  kindLabel: string;
  title: string;
  date: string;
  duties?: readonly string[] | undefined;
  flags: readonly string[];
  flagMessages?: Record<string, string>;
}

export interface LedgerMeetingFact extends Fact {
  /** members-assembly meetings are another body's: listed for duties, never counted as the group's. */
  type: string;
  number: number;
  startAt: string;
  expectedIds: readonly string[];
  presentIds: readonly string[];
  quorate: boolean;
  heldSeparately: boolean;
  corrected: boolean;
  text: string;
}
export interface LedgerActivityFact extends Fact {
  type: string;
  typeLabel: string;
  participantIds: readonly string[];
  text: string;
}
export interface LedgerWorkFact extends Fact {
  type: string;
  coversYear?: number | undefined;
  meetingSeq?: number | undefined;
  text: string;
}
export interface LedgerCorrectionFact {
  seq: number;
  targetSeq: number;
  date: string;
  reason: string;
  flags: readonly string[];
}
export interface LedgerMemberFact {
  memberId: string;
  name: string;
  /** Role code and label on the last day of the year (or today, within the year). */
  role: string;
  roleLabel: string;
  active: boolean;
  isCpcMember: boolean;
  partyJoinDate?: string | undefined;
  /** Member entries (join / leave / role change) dated in the year. */
  seqsInYear: number[];
  joinedInYear: boolean;
  leftInYear: boolean;
}

export interface YearLedgerInput {
  year: number;
  today: string;
  profile: RuleProfile;
  calendar: HolidayCalendar;
  organisation: { orgName: string; approvalDocNo?: string | undefined; setupSeq?: number | undefined } | null;
  meetings: readonly LedgerMeetingFact[];
  activities: readonly LedgerActivityFact[];
  /** Work items of any year (a filing or a 述职 on this year may be dated the next). */
  workItems: readonly LedgerWorkFact[];
  corrections: readonly LedgerCorrectionFact[];
  members: readonly LedgerMemberFact[];
  /** Entries of the year whose ledger record says the clock went back (clock-behind), with a message each. */
  clockAnomalies: readonly LedgerFlagged[];
  damaged: readonly number[];
}

const count = (seqs: number[]): LedgerCount => ({ count: seqs.length, seqs });
const rate = (present: number, expected: number): number | null => (expected > 0 ? present / expected : null);

export function computeYearLedger(input: YearLedgerInput): YearLedger {
  const { year, profile } = input;
  const today = toIsoDate(input.today);
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const entries: Record<number, LedgerEntryRef> = {};
  const ref = (f: Fact, kind: string) => {
    entries[f.seq] = { seq: f.seq, kind, kindLabel: f.kindLabel, title: f.title, date: f.date };
  };

  const allMeetings = input.meetings.filter((m) => inYear(toIsoDate(m.startAt)));
  allMeetings.forEach((m) => ref(m, 'meeting'));
  const meetings = allMeetings.filter((m) => m.type !== 'members-assembly');
  const activities = input.activities.filter((a) => inYear(a.date));
  activities.forEach((a) => ref(a, 'activity'));

  // The first filing sealed for a meeting is its filing (as the timeline's 已备案 says).
  const filings = new Map<number, LedgerWorkFact>();
  for (const w of [...input.workItems].sort((a, b) => a.seq - b.seq)) {
    if (w.type === 'filing' && w.meetingSeq !== undefined && !filings.has(w.meetingSeq)) filings.set(w.meetingSeq, w);
  }

  const rows: LedgerMeetingRow[] = meetings.map((m) => {
    const meetingDate = toIsoDate(m.startAt);
    const filed = filings.get(m.seq);
    if (filed) ref(filed, 'work');
    const f = evaluateFiling({
      meetingDate,
      today,
      profile,
      calendar: input.calendar,
      ...(filed ? { filedDate: filed.date } : {}),
    });
    const deadline = f.deadline;
    let daysLate = 0;
    if (deadline && f.status === 'late' && filed) daysLate = daysBetween(deadline, toIsoDate(filed.date));
    if (deadline && f.status === 'overdue') daysLate = daysBetween(deadline, today);
    return {
      seq: m.seq,
      date: meetingDate,
      number: m.number,
      title: m.title,
      expected: m.expectedIds.length,
      present: m.presentIds.filter((id) => m.expectedIds.includes(id)).length,
      quorate: m.quorate,
      corrected: m.corrected,
      heldSeparately: m.heldSeparately,
      filing: {
        status: f.status,
        deadline,
        filedDate: filed?.date ?? null,
        filedSeq: filed?.seq ?? null,
        daysLate,
        message: f.message,
      },
    };
  });

  const reportsFor = (type: string) =>
    input.workItems.filter((w) => w.type === type && (w.coversYear ?? Number(w.date.slice(0, 4))) === year);
  const leaderReports = reportsFor('annual-report');
  const summaries = reportsFor('annual-summary');
  [...leaderReports, ...summaries].forEach((w) => ref(w, 'work'));

  const obligations = computeYearlyObligations({
    profile,
    year,
    today,
    meetings: rows.map((r) => ({
      entryId: String(r.seq),
      date: r.date,
      quorate: r.quorate,
      heldSeparately: r.heldSeparately,
      filing: r.filing.status === 'not-required' ? null : r.filing.status,
    })),
    workItems: [
      ...leaderReports.map((w) => ({ entryId: String(w.seq), kind: 'leader-report', date: w.date, coversYear: year })),
      ...summaries.map((w) => ({ entryId: String(w.seq), kind: 'annual-summary', date: w.date, coversYear: year })),
    ],
  });
  const obligationOf = (code: string) => obligations.items.find((i) => i.code === code);

  const byStatus = (s: string) => rows.filter((r) => r.filing.status === s).map((r) => r.seq);
  const quorate = rows.filter((r) => r.quorate);
  const half = (label: '上半年' | '下半年', code: string, test: (d: string) => boolean) => {
    const seqs = quorate.filter((r) => test(r.date)).map((r) => r.seq);
    return { label, held: seqs.length, seqs, status: obligationOf(code)?.status ?? (seqs.length > 0 ? 'met' : 'due') };
  };
  const mid = `${year}-06-30`;

  const attendance = attendanceRows(meetings, input.members);
  const totals = meetings.reduce(
    (t, m) => {
      const present = m.presentIds.filter((id) => m.expectedIds.includes(id)).length;
      return { present: t.present + present, expected: t.expected + m.expectedIds.length };
    },
    { present: 0, expected: 0 },
  );

  const workInYear = input.workItems.filter((w) => inYear(w.date));
  workInYear.forEach((w) => ref(w, 'work'));
  const tagged: Fact[] = [...allMeetings, ...activities, ...workInYear];
  const flagged = (code: string): LedgerFlagged[] =>
    tagged
      .filter((f) => f.flags.includes(code))
      .sort((a, b) => a.seq - b.seq)
      .map((f) => ({ seq: f.seq, message: f.flagMessages?.[code] ?? '' }));

  const corrections = input.corrections.filter((c) => inYear(c.date)).sort((a, b) => a.seq - b.seq);
  for (const c of corrections)
    entries[c.seq] = {
      seq: c.seq,
      kind: 'ledger.correction',
      kindLabel: '更正',
      title: `更正第 ${c.targetSeq} 条记录：${c.reason}`,
      date: c.date,
    };

  return {
    year,
    today,
    orgName: input.organisation?.orgName ?? '',
    profileLabel: profile.label,
    meetingLabel: profile.meetingLabel,
    obligations: obligations.items.map((i) => ({
      code: i.code,
      ok: i.ok,
      status: i.status,
      message: i.message,
      seqs: i.entryIds.map(Number),
    })),
    meetings: {
      required: obligations.meetingsRequired,
      held: obligations.meetingsHeld,
      total: rows.length,
      inquorate: count(rows.filter((r) => !r.quorate).map((r) => r.seq)),
      perHalfYear: profile.meetings.perHalfYear,
      halves: [
        half('上半年', 'meetings-first-half', (d) => d <= mid),
        half('下半年', 'meetings-second-half', (d) => d > mid),
      ],
      rows,
    },
    filing: {
      required: profile.filing.workingDays !== null,
      workingDays: profile.filing.workingDays,
      filedWith: profile.filing.filedWith,
      onTime: count(byStatus('on-time')),
      late: count(byStatus('late')),
      pending: count(byStatus('pending')),
      overdue: count(byStatus('overdue')),
      unknown: count(byStatus('calendar-missing')),
    },
    reports: {
      leaderReport: {
        wanted: profile.yearlyReports.leaderReport,
        label: `${profile.roleLabels.leader}述职`,
        ...count(leaderReports.map((w) => w.seq)),
      },
      annualSummary: {
        wanted: profile.yearlyReports.annualSummary,
        label: '党建工作书面总结',
        ...count(summaries.map((w) => w.seq)),
      },
    },
    activities: { total: activities.length, byType: activityTypes(activities) },
    attendance,
    attendanceRate: rate(totals.present, totals.expected),
    months: months(meetings, activities),
    lateRecordings: flagged('late-recording'),
    clockAnomalies: [...input.clockAnomalies].sort((a, b) => a.seq - b.seq),
    corrections: corrections.map((c) => ({ seq: c.seq, targetSeq: c.targetSeq, date: c.date, reason: c.reason })),
    duties: duties(allMeetings, activities, workInYear),
    fiveClear: fiveClear(input, year),
    damaged: [...input.damaged],
    entries,
  };
}

function attendanceRows(
  meetings: readonly LedgerMeetingFact[],
  members: readonly LedgerMemberFact[],
): LedgerAttendanceRow[] {
  const names = new Map(members.map((m) => [m.memberId, m.name]));
  const rows = new Map<string, LedgerAttendanceRow>();
  for (const m of meetings) {
    for (const id of m.expectedIds) {
      let row = rows.get(id);
      if (!row) {
        row = {
          memberId: id,
          name: names.get(id) ?? id,
          expected: 0,
          present: 0,
          rate: null,
          presentSeqs: [],
          absentSeqs: [],
        };
        rows.set(id, row);
      }
      row.expected++;
      if (m.presentIds.includes(id)) {
        row.present++;
        row.presentSeqs.push(m.seq);
      } else row.absentSeqs.push(m.seq);
    }
  }
  const out = [...rows.values()].map((r) => ({ ...r, rate: rate(r.present, r.expected) }));
  // The roster's order (join order) reads as the book's own list of members.
  const order = new Map(members.map((m, i) => [m.memberId, i]));
  return out.sort((a, b) => (order.get(a.memberId) ?? 1e9) - (order.get(b.memberId) ?? 1e9));
}

function activityTypes(activities: readonly LedgerActivityFact[]) {
  const types = new Map<string, { type: string; label: string; count: number; seqs: number[] }>();
  for (const a of activities) {
    const t = types.get(a.type) ?? { type: a.type, label: a.typeLabel, count: 0, seqs: [] };
    t.count++;
    t.seqs.push(a.seq);
    types.set(a.type, t);
  }
  return [...types.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

function months(meetings: readonly LedgerMeetingFact[], activities: readonly LedgerActivityFact[]): LedgerMonth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const mm = `-${String(i + 1).padStart(2, '0')}-`;
    const ms = meetings.filter((m) => toIsoDate(m.startAt).slice(4, 8) === mm);
    const as = activities.filter((a) => a.date.slice(4, 8) === mm);
    const present = ms.reduce((n, m) => n + m.presentIds.filter((id) => m.expectedIds.includes(id)).length, 0);
    const expected = ms.reduce((n, m) => n + m.expectedIds.length, 0);
    return {
      month: i + 1,
      meetings: ms.length,
      quorateMeetings: ms.filter((m) => m.quorate).length,
      activities: as.length,
      attendanceRate: rate(present, expected),
      meetingSeqs: ms.map((m) => m.seq),
      activitySeqs: as.map((a) => a.seq),
    };
  });
}

function duties(
  meetings: readonly LedgerMeetingFact[],
  activities: readonly LedgerActivityFact[],
  work: readonly LedgerWorkFact[],
): LedgerDuties {
  const facts: { f: Fact; kind: string; type: string; text: string }[] = [
    ...meetings.map((m) => ({ f: m, kind: 'meeting', type: m.type, text: m.text })),
    ...activities.map((a) => ({ f: a, kind: 'activity', type: a.type, text: a.text })),
    // A filing shows nothing of its own: it is the meeting's.
    ...work.filter((w) => w.type !== 'filing').map((w) => ({ f: w, kind: 'work', type: w.type, text: w.text })),
  ].sort((a, b) => a.f.seq - b.f.seq);
  const rows = DUTY_IDS.map((duty) => ({
    duty,
    label: DUTIES[duty],
    scope: DUTY_SCOPES[duty],
    seqs: [] as number[],
    suggestedSeqs: [] as number[],
  }));
  const rowOf = new Map(rows.map((r) => [r.duty, r]));
  for (const { f, kind, type, text } of facts) {
    if (f.duties !== undefined) {
      for (const d of f.duties) rowOf.get(d as DutyId)?.seqs.push(f.seq);
    } else {
      for (const s of suggestDuties({ kind, type, text })) rowOf.get(s.duty)!.suggestedSeqs.push(f.seq);
    }
  }
  const covered = rows.filter((r) => r.seqs.length > 0).length;
  const rating = covered >= DUTY_BENCHMARK_AT ? 'benchmark' : covered >= DUTY_EXCELLENT_AT ? 'excellent' : 'none';
  const message =
    rating === 'benchmark'
      ? `九项职责均有记录为证（${covered}/9），达到“标杆党建工作小组”的条件。`
      : rating === 'excellent'
        ? `已有 ${covered} 项职责有记录为证，达到“优秀党建工作小组”的条件（≥${DUTY_EXCELLENT_AT} 项）；评为“标杆”还需 ${DUTY_BENCHMARK_AT - covered} 项。`
        : `已有 ${covered} 项职责有记录为证；评为“优秀党建工作小组”需 ${DUTY_EXCELLENT_AT} 项，还差 ${DUTY_EXCELLENT_AT - covered} 项。`;
  return { rows, covered, excellentAt: DUTY_EXCELLENT_AT, benchmarkAt: DUTY_BENCHMARK_AT, rating, message };
}

/** CAST's 五个清 (003): what the book can say of each, and where it cannot. */
function fiveClear(input: YearLedgerInput, year: number): LedgerFiveClear[] {
  const active = input.members.filter((m) => m.active);
  const cpc = active.filter((m) => m.isCpcMember);
  const joined = input.members.filter((m) => m.joinedInYear);
  const left = input.members.filter((m) => m.leftInYear);
  const memberSeqs = [...new Set(input.members.flatMap((m) => m.seqsInYear))].sort((a, b) => a - b);
  const leaders = active.filter(
    (m) => m.role === 'leader' || m.role === 'deputy' || m.role === 'secretary' || m.role === 'deputy-secretary',
  );
  const org = input.organisation;
  return [
    {
      code: 'business',
      label: '业务运行情况清',
      status: 'not-in-book',
      seqs: [],
      facts: ['记录本不记载学会的业务运行情况，请以学会年度工作报告为准。'],
    },
    {
      code: 'staff',
      label: '职工队伍情况清',
      status: 'not-in-book',
      seqs: [],
      facts: ['记录本不记载学会秘书处职工情况，请以学会人事档案为准。'],
    },
    {
      code: 'party-members',
      label: '党员队伍情况清',
      status: 'facts',
      seqs: memberSeqs,
      facts: [
        `${year}年末在任成员 ${active.length} 人，其中中共党员 ${cpc.length} 人${active.length > cpc.length ? `，非中共党员 ${active.length - cpc.length} 人` : ''}。`,
        `本年加入 ${joined.length} 人${joined.length ? `（${joined.map((m) => m.name).join('、')}）` : ''}，离任 ${left.length} 人${left.length ? `（${left.map((m) => m.name).join('、')}）` : ''}。`,
      ],
    },
    {
      code: 'leaders',
      label: '负责人情况清',
      status: leaders.length ? 'facts' : 'not-in-book',
      seqs: memberSeqs.filter((s) => leaders.some((l) => l.seqsInYear.includes(s))),
      facts: leaders.length
        ? leaders.map(
            (m) =>
              `${m.roleLabel}：${m.name}${m.isCpcMember ? `（中共党员${m.partyJoinDate ? `，${m.partyJoinDate.slice(0, 4)}年入党` : ''}）` : '（非中共党员）'}`,
          )
        : ['名册中没有在任的负责人，请登记组长（书记）。'],
    },
    {
      code: 'no-party-org',
      label: '未建党组织原因清',
      status: 'facts',
      seqs: org?.setupSeq ? [org.setupSeq] : [],
      facts: [
        org
          ? `已建立党组织：${org.orgName}${org.approvalDocNo ? `（批复文号 ${org.approvalDocNo}）` : ''}，不适用。`
          : '记录本尚未登记组织信息。',
      ],
    },
  ];
}
