/**
 * Reminders before a deadline is missed: minutes due for filing within the next 3 working
 * days (or already overdue), a half-year with no valid meeting yet, the leader's 述职 not
 * recorded by the fourth quarter, and the holiday schedule missing for the coming year.
 * Pure: the caller passes today's date (the clock the seal uses) and the facts.
 */
import { evaluateFiling } from './filing';
import type { HolidayCalendar } from './holiday-calendar';
import { daysBetween, formatChineseDate, toIsoDate } from './iso-date';
import type { RuleProfile } from './profile-schema';
import { workingDaysBetween } from './working-days';

/** Where a reminder's button leads (the renderer maps it to a page). */
export type ReminderTarget =
  | { page: 'entry'; seq: number }
  | { page: 'new-work'; workType: 'filing' | 'annual-report'; meetingSeq?: number }
  | { page: 'new-meeting' }
  | { page: 'holidays' }
  | { page: 'ledger'; year: number };

export interface Reminder {
  /** Stable per occasion: `filing-due:12`, `half-year:2026-2`, so the app can tell a new one from one already shown. */
  id: string;
  code: 'filing-due' | 'filing-overdue' | 'half-year-no-meeting' | 'leader-report-due' | 'holidays-missing';
  level: 'urgent' | 'warning';
  title: string;
  /** What to do, in one sentence. */
  message: string;
  action: { label: string; target: ReminderTarget };
  seqs: number[];
}

export interface ReminderMeeting {
  seq: number;
  startAt: string;
  quorate: boolean;
  filedDate?: string | undefined;
}

export interface RemindersInput {
  today: string;
  profile: RuleProfile;
  calendar: HolidayCalendar;
  /** The group's own meetings (not members' assemblies), any year. */
  meetings: readonly ReminderMeeting[];
  /** Years for which a 述职 is recorded (its `year`). */
  leaderReportYears: readonly number[];
  /** Years the calendar knows (built in or imported). */
  calendarYears: readonly number[];
}

/** Filing reminders start this many working days before the deadline. */
export const FILING_WARN_WORKING_DAYS = 3;
/** Meetings older than this are not chased any more (the ledger still lists them). */
const FILING_LOOKBACK_DAYS = 366;

export function computeReminders(input: RemindersInput): Reminder[] {
  const today = toIsoDate(input.today);
  const { profile } = input;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: Reminder[] = [];
  const office = profile.filing.filedWith || '上级党组织';

  if (profile.filing.workingDays !== null) {
    for (const m of [...input.meetings].sort((a, b) => a.startAt.localeCompare(b.startAt))) {
      if (m.filedDate !== undefined) continue;
      const day = toIsoDate(m.startAt);
      if (daysBetween(day, today) > FILING_LOOKBACK_DAYS || day > today) continue;
      const f = evaluateFiling({ meetingDate: day, today, profile, calendar: input.calendar });
      const file = {
        label: '登记备案',
        target: { page: 'new-work' as const, workType: 'filing' as const, meetingSeq: m.seq },
      };
      if (f.status === 'overdue' && f.deadline) {
        out.push({
          id: `filing-overdue:${m.seq}`,
          code: 'filing-overdue',
          level: 'urgent',
          seqs: [m.seq],
          action: file,
          title: `第 ${m.seq} 条会议纪要备案已逾期`,
          message: `${formatChineseDate(day)}会议的纪要应于${formatChineseDate(f.deadline)}前报送${office}备案，已逾期 ${daysBetween(f.deadline, today)} 天。请尽快报送，并登记备案。`,
        });
      } else if (f.status === 'pending' && f.deadline) {
        const left = workingDaysBetween(today, f.deadline, input.calendar);
        if (!left.ok || left.value > FILING_WARN_WORKING_DAYS) continue;
        out.push({
          id: `filing-due:${m.seq}`,
          code: 'filing-due',
          level: left.value <= 1 ? 'urgent' : 'warning',
          seqs: [m.seq],
          action: file,
          title: `第 ${m.seq} 条会议纪要待备案`,
          message:
            left.value === 0
              ? `${formatChineseDate(day)}会议的纪要今天（${formatChineseDate(f.deadline)}）是报送${office}备案的最后一天。报送后请登记备案。`
              : `${formatChineseDate(day)}会议的纪要应于${formatChineseDate(f.deadline)}前报送${office}备案，还剩 ${left.value} 个工作日。报送后请登记备案。`,
        });
      } else if (f.status === 'pending') {
        // The deadline is unknown without the holiday schedule; the meeting is recent enough to still be in time.
        out.push({
          id: `filing-due:${m.seq}`,
          code: 'filing-due',
          level: 'warning',
          seqs: [m.seq],
          action: file,
          title: `第 ${m.seq} 条会议纪要待备案`,
          message: `${formatChineseDate(day)}会议的纪要应在${profile.filing.workingDays}个工作日内报送${office}备案；缺少${f.missingYear ?? ''}年节假日安排，无法算出截止日期，请尽早报送。`,
        });
      }
    }
  }

  const valid = input.meetings.filter((m) => m.quorate && toIsoDate(m.startAt) <= today);
  const heldBetween = (from: string, to: string) =>
    valid.filter((m) => {
      const d = toIsoDate(m.startAt);
      return d >= from && d <= to;
    });
  const firstHalf = month <= 6;
  const halfFrom = firstHalf ? `${year}-01-01` : `${year}-07-01`;
  const halfTo = firstHalf ? `${year}-06-30` : `${year}-12-31`;
  const halfLabel = firstHalf ? '上半年' : '下半年';
  const plan = { label: '记录会议', target: { page: 'new-meeting' as const } };
  if (profile.meetings.perHalfYear && heldBetween(halfFrom, halfTo).length === 0) {
    out.push({
      id: `half-year:${year}-${firstHalf ? 1 : 2}`,
      code: 'half-year-no-meeting',
      level: daysBetween(today, halfTo) <= 30 ? 'urgent' : 'warning',
      seqs: [],
      action: plan,
      title: `${year}年${halfLabel}尚未召开${profile.meetingLabel}`,
      message: `规则要求每半年至少召开一次${profile.meetingLabel}，${year}年${halfLabel}（至${formatChineseDate(halfTo)}）还没有有效的会议记录。请安排召开并及时记录。`,
    });
  } else if (!profile.meetings.perHalfYear && !firstHalf) {
    const held = heldBetween(`${year}-01-01`, `${year}-12-31`).length;
    const required = profile.meetings.meetingsPerYear;
    if (held < required) {
      out.push({
        id: `half-year:${year}-2`,
        code: 'half-year-no-meeting',
        level: month >= 11 ? 'urgent' : 'warning',
        seqs: valid.filter((m) => m.startAt.startsWith(`${year}-`)).map((m) => m.seq),
        action: plan,
        title: `${year}年${profile.meetingLabel}还差 ${required - held} 次`,
        message: `规则要求每年至少召开${required}次${profile.meetingLabel}，${year}年已召开有效会议${held}次。请在年底前安排召开。`,
      });
    }
  }

  if (profile.yearlyReports.leaderReport) {
    const who = `${profile.roleLabels.leader}述职`;
    const report = { label: `记录${who}`, target: { page: 'new-work' as const, workType: 'annual-report' as const } };
    if (month >= 10 && !input.leaderReportYears.includes(year)) {
      out.push({
        id: `leader-report:${year}`,
        code: 'leader-report-due',
        level: month === 12 ? 'urgent' : 'warning',
        seqs: [],
        action: report,
        title: `${year}年度${who}尚未记录`,
        message: `已进入第四季度，${year}年度${who}（本年工作、存在问题、下一年计划）还没有记录。请安排述职并记录。`,
      });
    }
    if (month <= 3 && !input.leaderReportYears.includes(year - 1)) {
      out.push({
        id: `leader-report:${year - 1}`,
        code: 'leader-report-due',
        level: 'urgent',
        seqs: [],
        action: report,
        title: `${year - 1}年度${who}尚未记录`,
        message: `${year - 1}年度${who}还没有记录，最迟应在${formatChineseDate(`${year}-03-31`)}前完成并记录。`,
      });
    }
  }

  const holidays = { label: '导入节假日安排', target: { page: 'holidays' as const } };
  if (!input.calendarYears.includes(year)) {
    out.push({
      id: `holidays:${year}`,
      code: 'holidays-missing',
      level: 'urgent',
      seqs: [],
      action: holidays,
      title: `缺少${year}年节假日安排`,
      message: `没有${year}年的法定节假日安排，会议纪要的备案截止日期无法计算。请从国务院办公厅的通知导入${year}年节假日安排。`,
    });
  } else if (month >= 11 && !input.calendarYears.includes(year + 1)) {
    out.push({
      id: `holidays:${year + 1}`,
      code: 'holidays-missing',
      level: month === 12 ? 'urgent' : 'warning',
      seqs: [],
      action: holidays,
      title: `缺少${year + 1}年节假日安排`,
      message: `年底前后的会议，备案期限会跨入${year + 1}年。国务院办公厅发布${year + 1}年节假日安排后，请及时导入。`,
    });
  }
  const rank = { urgent: 0, warning: 1 };
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}
