/**
 * What a year still owes under the profile (the yearly ledger, 台账): enough valid meetings
 * (and one in each half-year where the rule says "every half year"), each quorate, minutes
 * filed on time, separate from board meetings where required, and the yearly reports.
 *
 * An inquorate meeting does not count towards the minimum: 000 「出席人员要超过应到会人数的
 * 2/3方为有效」, 002/001 「…方可召开」: such a meeting was not validly held.
 */
import type { FilingStatus } from './filing';
import type { IsoDate } from './iso-date';
import { formatChineseDate, toIsoDate } from './iso-date';
import type { RuleProfile } from './profile-schema';

/** One sealed meeting of the body (小组会/支委会) in the year, as the ledger summarises it. */
export interface MeetingSummary {
  entryId: string;
  date: string;
  quorate: boolean;
  /** null when the profile requires no filing. */
  filing: FilingStatus | null;
  /** false when held together with a board meeting (合并召开). */
  heldSeparately?: boolean;
}

export type YearlyWorkKind = 'leader-report' | 'annual-summary';

export interface WorkItemSummary {
  entryId: string;
  kind: YearlyWorkKind | (string & {});
  date: string;
  /** The year the report is about (a 述职 on 2025 is often given in January 2026). */
  coversYear?: number;
}

export interface YearInput {
  profile: RuleProfile;
  year: number;
  meetings: readonly MeetingSummary[];
  workItems: readonly WorkItemSummary[];
  /** Decides whether an unmet item is still `due` or already `missed`. */
  today: string;
}

export type ObligationStatus = 'met' | 'due' | 'missed' | 'warning';

export interface ObligationItem {
  code: string;
  /** true when nothing is owed for this item. */
  ok: boolean;
  status: ObligationStatus;
  message: string;
  entryIds: string[];
}

export interface YearlyObligations {
  year: number;
  meetingsHeld: number;
  meetingsRequired: number;
  items: ObligationItem[];
}

function item(code: string, status: ObligationStatus, message: string, entryIds: string[] = []): ObligationItem {
  return { code, ok: status === 'met', status, message, entryIds };
}

/** `met` if done, else `due` while the period is open, `missed` after it ended. */
function periodStatus(done: boolean, today: IsoDate, periodEnd: IsoDate): ObligationStatus {
  if (done) return 'met';
  return today <= periodEnd ? 'due' : 'missed';
}

export function computeYearlyObligations(input: YearInput): YearlyObligations {
  const { profile, year, today: todayInput } = input;
  const today = toIsoDate(todayInput);
  const yearEnd = `${year}-12-31`;
  const meetingLabel = profile.meetingLabel;
  const meetings = input.meetings.filter((m) => toIsoDate(m.date).startsWith(`${year}-`));
  const valid = meetings.filter((m) => m.quorate);
  const required = profile.meetings.meetingsPerYear;
  const items: ObligationItem[] = [];

  const countStatus = periodStatus(valid.length >= required, today, yearEnd);
  items.push(
    item(
      'meetings-count',
      countStatus,
      countStatus === 'met'
        ? `${year}年已召开有效的${meetingLabel}${valid.length}次，达到每年至少${required}次的要求。`
        : `${year}年已召开有效的${meetingLabel}${valid.length}次，每年至少${required}次，${countStatus === 'due' ? '还需' : '缺'}${required - valid.length}次。`,
      valid.map((m) => m.entryId),
    ),
  );

  if (profile.meetings.perHalfYear) {
    const halves = [
      { code: 'meetings-first-half', label: '上半年', end: `${year}-06-30`, test: (d: string) => d <= `${year}-06-30` },
      { code: 'meetings-second-half', label: '下半年', end: yearEnd, test: (d: string) => d > `${year}-06-30` },
    ];
    for (const half of halves) {
      const held = valid.filter((m) => half.test(toIsoDate(m.date)));
      const status = periodStatus(held.length > 0, today, half.end);
      items.push(
        item(
          half.code,
          status,
          status === 'met'
            ? `${year}年${half.label}已召开${meetingLabel}${held.length}次。`
            : `规则要求每半年召开一次，${year}年${half.label}${status === 'due' ? '尚未' : '未'}召开有效的${meetingLabel}。`,
          held.map((m) => m.entryId),
        ),
      );
    }
  }

  const listDates = (ms: readonly MeetingSummary[]) => ms.map((m) => formatChineseDate(toIsoDate(m.date))).join('、');
  const inquorate = meetings.filter((m) => !m.quorate);
  if (inquorate.length > 0) {
    items.push(
      item(
        'inquorate-meetings',
        'warning',
        `${inquorate.length}次会议到会人数不足，不计入有效会议：${listDates(inquorate)}。`,
        inquorate.map((m) => m.entryId),
      ),
    );
  }
  const byFiling = (s: FilingStatus) => meetings.filter((m) => m.filing === s);
  const late = byFiling('late');
  if (late.length > 0) {
    items.push(
      item(
        'late-filings',
        'warning',
        `${late.length}次会议纪要逾期备案：${listDates(late)}。`,
        late.map((m) => m.entryId),
      ),
    );
  }
  const overdue = byFiling('overdue');
  if (overdue.length > 0) {
    items.push(
      item(
        'overdue-filings',
        'missed',
        `${overdue.length}次会议纪要已超过期限仍未备案：${listDates(overdue)}，请尽快报送。`,
        overdue.map((m) => m.entryId),
      ),
    );
  }
  const pending = byFiling('pending');
  if (pending.length > 0) {
    items.push(
      item(
        'pending-filings',
        'due',
        `${pending.length}次会议纪要待备案：${listDates(pending)}。`,
        pending.map((m) => m.entryId),
      ),
    );
  }
  const unknown = byFiling('calendar-missing');
  if (unknown.length > 0) {
    items.push(
      item(
        'filing-calendar-missing',
        'warning',
        `${unknown.length}次会议缺少节假日安排，无法判断备案是否按时：${listDates(unknown)}。`,
        unknown.map((m) => m.entryId),
      ),
    );
  }
  if (profile.meetings.separateFromBoard) {
    const merged = meetings.filter((m) => m.heldSeparately === false);
    if (merged.length > 0) {
      items.push(
        item(
          'merged-meetings',
          'warning',
          `${merged.length}次${meetingLabel}与理事会等会议合并召开，规则要求单独召开：${listDates(merged)}。`,
          merged.map((m) => m.entryId),
        ),
      );
    }
  }

  // Reports on year Y are usually given at the turn of the year; allow them until the end of
  // Y+1's first quarter before calling them missed.
  const reportGrace = `${year + 1}-03-31`;
  const reports: { kind: YearlyWorkKind; wanted: boolean; label: string }[] = [
    { kind: 'leader-report', wanted: profile.yearlyReports.leaderReport, label: `${profile.roleLabels.leader}述职` },
    { kind: 'annual-summary', wanted: profile.yearlyReports.annualSummary, label: '党建工作书面总结' },
  ];
  for (const r of reports.filter((x) => x.wanted)) {
    const found = input.workItems.filter(
      (w) => w.kind === r.kind && (w.coversYear ?? Number(toIsoDate(w.date).slice(0, 4))) === year,
    );
    const status = periodStatus(found.length > 0, today, reportGrace);
    items.push(
      item(
        r.kind,
        status,
        status === 'met'
          ? `${year}年度${r.label}已记录（${found.map((w) => formatChineseDate(toIsoDate(w.date))).join('、')}）。`
          : `${year}年度${r.label}${status === 'due' ? '尚未记录' : '缺失'}（${profile.yearlyReports.source}）。`,
        found.map((w) => w.entryId),
      ),
    );
  }

  return { year, meetingsHeld: valid.length, meetingsRequired: required, items };
}
