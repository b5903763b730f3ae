/**
 * Filing of minutes with the supervising office (000 第四章: 在形成会议纪要后3个工作日内报送
 * 党建委办公室备案) and the "recorded days after the event" flag.
 *
 * The clock starts when the minutes are formed; by default that is the meeting day. The day
 * itself does not count, so the deadline is the n-th working day after it; filing on the
 * deadline is on time.
 */
import type { HolidayCalendar } from './holiday-calendar';
import type { IsoDate } from './iso-date';
import { chinaDateOf, daysBetween, formatChineseDate, toIsoDate } from './iso-date';
import type { RuleProfile } from './profile-schema';
import { addWorkingDays } from './working-days';

export type FilingStatus = 'on-time' | 'late' | 'pending' | 'overdue' | 'not-required' | 'calendar-missing' | 'invalid';

export interface FilingInput {
  /** Meeting date (or local date-time). */
  meetingDate: string;
  /** Date the minutes were formed (形成会议纪要), if later than the meeting. */
  minutesDate?: string;
  filedDate?: string;
  today: string;
  profile: RuleProfile;
  calendar: HolidayCalendar;
}

export interface FilingEvaluation {
  /** null when not required or not computable (calendar year missing). */
  deadline: IsoDate | null;
  status: FilingStatus;
  message: string;
  /** Set with status `calendar-missing` (and with a decided status that needed no calendar). */
  missingYear?: number;
}

export function evaluateFiling(input: FilingInput): FilingEvaluation {
  const { profile, calendar } = input;
  const days = profile.filing.workingDays;
  if (days === null) {
    return { deadline: null, status: 'not-required', message: `“${profile.label}”未规定会议纪要的备案时限。` };
  }
  const meeting = toIsoDate(input.meetingDate);
  const start = input.minutesDate === undefined ? meeting : toIsoDate(input.minutesDate);
  const filed = input.filedDate === undefined ? undefined : toIsoDate(input.filedDate);
  const today = toIsoDate(input.today);
  if (start < meeting) {
    return {
      deadline: null,
      status: 'invalid',
      message: `形成会议纪要的日期（${formatChineseDate(start)}）早于会议日期（${formatChineseDate(meeting)}），请核对。`,
    };
  }
  if (filed !== undefined && filed < meeting) {
    return {
      deadline: null,
      status: 'invalid',
      message: `备案日期（${formatChineseDate(filed)}）早于会议日期（${formatChineseDate(meeting)}），请核对。`,
    };
  }
  const office = profile.filing.filedWith || '上级党组织';
  const rule = `会议纪要应在形成后${days}个工作日内报送${office}备案`;
  const deadline = addWorkingDays(start, days, calendar);

  if (!deadline.ok) {
    // Without the year's schedule the deadline is unknown, but n working days are never fewer
    // than n calendar days: anything within n calendar days is certainly on time.
    const { year, message } = deadline.error;
    const surely = daysBetween(start, filed ?? today) <= days;
    if (filed !== undefined && surely) {
      return {
        deadline: null,
        status: 'on-time',
        missingYear: year,
        message: `${rule}；已于${formatChineseDate(filed)}备案，按时。`,
      };
    }
    if (filed === undefined && surely) {
      return {
        deadline: null,
        status: 'pending',
        missingYear: year,
        message: `${rule}；尚未备案。${message}，才能算出截止日期。`,
      };
    }
    return {
      deadline: null,
      status: 'calendar-missing',
      missingYear: year,
      message: `${rule}；${message}，才能判断是否按时备案。`,
    };
  }

  const due = deadline.value;
  const dueText = `截止日期为${formatChineseDate(due)}`;
  if (filed !== undefined) {
    return filed <= due
      ? {
          deadline: due,
          status: 'on-time',
          message: `${rule}（${dueText}）；已于${formatChineseDate(filed)}备案，按时。`,
        }
      : {
          deadline: due,
          status: 'late',
          message: `${rule}（${dueText}）；${formatChineseDate(filed)}才备案，已逾期。`,
        };
  }
  return today <= due
    ? { deadline: due, status: 'pending', message: `${rule}（${dueText}）；尚未备案。` }
    : { deadline: due, status: 'overdue', message: `${rule}（${dueText}）；至今未备案，已逾期。` };
}

export interface RecordingDelay {
  /** Calendar days from the event to the day it was recorded (China time). */
  days: number;
  /** Recorded more than `flagAfterDays` days after the event. */
  flagged: boolean;
  message: string;
}

/**
 * How long after the event the entry was sealed: records are to be 原始 (written at the time),
 * so a long gap is flagged for the liaison. `recordedAt` is the ledger's system-clock timestamp.
 */
export function recordingDelay(input: {
  eventDate: string;
  recordedAt: string;
  flagAfterDays?: number;
}): RecordingDelay {
  const { flagAfterDays = 3 } = input;
  const event = toIsoDate(input.eventDate);
  const recorded = chinaDateOf(input.recordedAt);
  const days = daysBetween(event, recorded);
  if (days < 0) {
    return {
      days,
      flagged: true,
      message: `记录时间（${formatChineseDate(recorded)}）早于事项日期（${formatChineseDate(event)}），请核对日期。`,
    };
  }
  const flagged = days > flagAfterDays;
  return {
    days,
    flagged,
    message: flagged
      ? `事项发生于${formatChineseDate(event)}，${days}天后（${formatChineseDate(recorded)}）才记录，超过${flagAfterDays}天。`
      : days === 0
        ? '当天记录。'
        : `事项发生${days}天后记录。`,
  };
}
