/**
 * One year of the book, planned first (what happens on which day, when the recorder enters
 * it), then built in the order the recorder makes the calls, so each input sees the roster and
 * the meetings as they stand at that moment. The book's first year also holds, on purpose, the
 * things a spot check looks for: a late filing, a meeting entered late, an inquorate meeting,
 * and corrections of a place and of an attendance list.
 */
import type { ActivityType } from '../contract';
import { addDays, at, isoDate, minutesOf, nthWeekdayOf, onWeekday, weekday } from './demo-dates';
import type { DemoBookState } from './demo-book-state';
import {
  buildAttendanceCorrection,
  buildFiling,
  buildMeeting,
  buildPlaceCorrection,
  filingRecordAt,
  onTimeFilingDate,
  type MeetingPlan,
} from './demo-meetings';
import {
  buildActivity,
  buildAnnualReport,
  buildAnnualSummary,
  buildBookCreation,
  buildReElection,
  buildTermUpdate,
  buildWorkItem,
} from './demo-records';
import { buildRosterChange, changeFits, type RosterChange } from './demo-roster-changes';
import {
  buildContactChange,
  buildDeputyJoins,
  buildDeputyLeaves,
  buildDoubtfulJoins,
  buildDoubtfulLeave,
  buildLeaderHandover,
  buildPartyDateCorrection,
  buildProfileChange,
} from './demo-showcase';
import type { DemoStep } from './demo-step';

export interface PlannedEvent {
  /** When the recorder makes the (first) call; events are built in this order. */
  at: string;
  build: () => DemoStep[];
}

interface YearMeeting extends Omit<MeetingPlan, 'number'> {
  filing: 'on-time' | 'late' | 'entered-with-meeting';
  correction?: { what: 'place' | 'attendance'; afterDays: number };
}

const ACTIVITY_TYPES: ActivityType[] = ['theme-day', 'study', 'party-lecture', 'volunteer', 'research', 'other'];

export function planYear(book: DemoBookState, year: number, first: boolean, want: number): PlannedEvent[] {
  const { random } = book;
  const events: PlannedEvent[] = [];
  let estimate = 0;
  const add = (when: string, build: () => DemoStep[], steps = 1) => {
    events.push({ at: when, build });
    estimate += steps;
  };
  const within = (month: number, from: number, to: number) => isoDate(year, month, random.int(from, to));
  /** Mondays to Wednesdays, so that the three days after a meeting are working days too. */
  const meetingDay = (date: string) => {
    const w = weekday(date);
    return w >= 1 && w <= 3 ? date : addDays(date, (8 - w) % 7 || 1);
  };
  const officeTime = (date: string) => at(date, random.int(9 * 60, 17 * 60 + 30));
  const afterEvent = (date: string, maxDelay: number) => {
    const delay = random.int(0, maxDelay);
    return delay === 0 ? at(date, random.int(16 * 60, 18 * 60)) : officeTime(addDays(date, delay));
  };
  const meetings: YearMeeting[] = [];
  const meeting = (date: string, extra: Partial<YearMeeting> = {}, key = `${year}-m${meetings.length + 1}`) => {
    const start = random.pick([9 * 60, 9 * 60 + 30, 14 * 60 + 30]);
    const delay = random.int(0, 2);
    const recordAt = delay === 0 ? at(date, start + 180 + random.int(0, 60)) : officeTime(addDays(date, delay));
    const m: YearMeeting = {
      key,
      date,
      start,
      recordAt,
      attendance: 'usual',
      correspondence: false,
      filing: 'on-time',
      ...extra,
    };
    meetings.push(m);
    return m;
  };
  const activity = (type: ActivityType, date: string, maxDelay = 1) => {
    const recordAt = afterEvent(date, maxDelay);
    add(recordAt, () => [buildActivity(book, type, date, recordAt)]);
  };
  const work = (kind: Parameters<typeof buildWorkItem>[1], date: string, meetingKey?: string) => {
    const recordAt = officeTime(date);
    add(recordAt, () => [buildWorkItem(book, kind, date, recordAt, meetingKey)]);
  };
  const rosterChange = (change: RosterChange, date: string) => {
    add(
      at(date, 10 * 60),
      () =>
        changeFits(book, change, date)
          ? buildRosterChange(book, change, date)
          : buildRosterChange(book, 'replace', date),
      change === 'new-leader' || change === 'enlarge' ? 3 : 2,
    );
  };

  let newTermStart: string | undefined;
  if (first) {
    book.firstYear = year;
    const termStart = isoDate(year, 3, 1);
    const createdAt = at(onWeekday(isoDate(year, 3, 5)), 9 * 60 + 30);
    add(createdAt, () => [buildBookCreation(book, termStart, createdAt)], 7);
    // The new group learns the rules the hard way (see the file's comment).
    const opening = meeting(meetingDay(isoDate(year, 3, 17)), {
      attendance: 'all-present',
      filing: 'late',
      correction: { what: 'place', afterDays: 24 },
    });
    work('major-matter', onWeekday(isoDate(year, 4, 20)), opening.key);
    work('other', onWeekday(isoDate(year, 8, 10)));
    activity('other', onWeekday(isoDate(year, 8, 26)));
    activity('study', onWeekday(isoDate(year, 4, 10)));
    rosterChange('replace', onWeekday(isoDate(year, 5, 12)));
    activity('research', onWeekday(isoDate(year, 5, 21)));
    const late = meeting(meetingDay(isoDate(year, 6, 9)), { filing: 'entered-with-meeting' });
    late.recordAt = at(addDays(late.date, 6), 16 * 60); // the recorder was away on business: 记录人出差，回来补录
    activity('theme-day', isoDate(year, 7, 1));
    activity('volunteer', nthWeekdayOf(year, 9, 6, 3), 2);
    meeting(meetingDay(isoDate(year, 9, 8)), { attendance: 'inquorate' });
    work('ideology', onWeekday(isoDate(year, 10, 15)));
    meeting(meetingDay(isoDate(year, 11, 10)), {
      attendance: 'all-present',
      correction: { what: 'attendance', afterDays: 7 },
    });
    work('report', onWeekday(isoDate(year, 11, 20)));
    activity('party-lecture', onWeekday(isoDate(year, 12, 5)));
    // …and the rest of what a newcomer should see once: every kind, every flag of the profile.
    const on = (
      month: number,
      day: number,
      minutes: number,
      build: (date: string, when: string) => DemoStep[],
      steps = 1,
    ) => {
      const date = onWeekday(isoDate(year, month, day));
      const when = at(date, minutes);
      add(when, () => build(date, when), steps);
    };
    on(6, 19, 10 * 60, (_d, when) => [buildContactChange(book, when)]);
    on(7, 10, 10 * 60 + 30, (_d, when) => [buildProfileChange(book, when)]);
    on(7, 17, 10 * 60, (date) => buildDeputyLeaves(book, date));
    on(7, 24, 10 * 60, (date) => buildDeputyJoins(book, date));
    on(8, 7, 15 * 60, (date) => buildPartyDateCorrection(book, date));
    meeting(meetingDay(isoDate(year, 8, 14)), { chair: 'deputy-undelegated', heldSeparately: false });
    rosterChange('new-leader', onWeekday(isoDate(year, 10, 9)));
    on(11, 27, 10 * 60, (date) => buildDoubtfulJoins(book, date), 2);
    meeting(meetingDay(isoDate(year, 12, 4)), { chair: 'member' });
    on(12, 11, 10 * 60, (date) => buildDoubtfulLeave(book, date), 2);
  } else {
    if (year === book.firstYear + 1) {
      const date = onWeekday(isoDate(year, 3, 6));
      add(at(date, 10 * 60), () => buildLeaderHandover(book, date), 2);
    }
    if (book.organisation.termEnd.startsWith(String(year))) {
      newTermStart = addDays(book.organisation.termEnd, 1);
      const date = onWeekday(addDays(book.organisation.termEnd, -10));
      const recordAt = at(date, 15 * 60);
      const updateAt = at(newTermStart, 9 * 60 + 30);
      add(recordAt, () => [buildReElection(book, date, recordAt)]);
      add(updateAt, () => [buildTermUpdate(book, updateAt)]);
      rosterChange('replace', newTermStart);
    }
    const windows: [number, number, number][] = [
      [3, 10, 24],
      [6, 8, 20],
      [9, 7, 18],
      [12, 1, 10],
    ];
    const chosen = random.pick([
      [0, 2],
      [0, 1, 3],
      [0, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
    for (const w of chosen) {
      const [month, from, to] = windows[w]!;
      meeting(meetingDay(within(month, from, to)), { correspondence: random.chance(0.08) });
    }
    activity('theme-day', isoDate(year, 7, 1));
    activity('study', onWeekday(within(4, 8, 24)));
    if (random.chance(0.6)) activity('study', onWeekday(within(10, 20, 30)));
    if (random.chance(0.8))
      activity('party-lecture', onWeekday(random.chance(0.5) ? within(6, 18, 26) : within(11, 10, 25)));
    activity('volunteer', nthWeekdayOf(year, 9, 6, 3), 2);
    if (random.chance(0.6)) activity('research', onWeekday(within(5, 12, 25)));
    if (random.chance(0.3)) activity('other', onWeekday(within(8, 20, 28)));
    if (random.chance(0.7)) work('ideology', onWeekday(within(10, 9, 18)));
    if (random.chance(0.5)) work('report', onWeekday(within(11, 3, 14)));
    if (random.chance(0.4)) work('other', onWeekday(within(8, 3, 12)));
    const linked = meetings[0]!;
    if (random.chance(0.5))
      work('major-matter', onWeekday(addDays(linked.recordAt.slice(0, 10), random.int(3, 6))), linked.key);
    if (year === book.firstYear + 1) {
      rosterChange('enlarge', onWeekday(within(4, 14, 24)));
    } else if (random.chance(0.45)) {
      const change = random.pick<RosterChange>(['replace', 'replace', 'enlarge', 'reduce', 'new-leader']);
      rosterChange(change, onWeekday(random.chance(0.5) ? within(4, 14, 24) : within(10, 20, 28)));
    }
  }
  const reportDay = onWeekday(isoDate(year, 12, random.int(18, 22)));
  const reportAt = at(reportDay, 15 * 60);
  add(reportAt, () => [buildAnnualReport(book, year, reportDay, reportAt)]);
  const summaryDay = onWeekday(isoDate(year, 12, 24));
  const summaryAt = at(summaryDay, 10 * 60);
  add(summaryAt, () => [buildAnnualSummary(book, year, summaryDay, summaryAt)]);

  estimate += 2 * meetings.length + meetings.filter((m) => m.correction).length;
  addExtras(book, year, first, Math.max(0, want - estimate), meetings, activity, work);
  numberMeetings(book, meetings, newTermStart);
  for (const m of meetings) addMeetingEvents(book, m as MeetingPlan & YearMeeting, add);
  return events;
}

/**
 * Books bigger than their span's natural few dozen entries a year (a stress book of 100,000)
 * get busier years: more meetings, activities and work items, spread evenly over the working
 * year. Each is O(1) to plan, so the generator stays linear in the book's size.
 */
function addExtras(
  book: DemoBookState,
  year: number,
  first: boolean,
  count: number,
  meetings: YearMeeting[],
  activity: (type: ActivityType, date: string) => void,
  work: (kind: 'report' | 'other', date: string) => void,
): void {
  if (count === 0) return;
  const from = first ? isoDate(year, 3, 20) : isoDate(year, 1, 8);
  const span = (Date.parse(`${isoDate(year, 12, 15)}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  const { random } = book;
  for (let i = 0, filled = 0; filled < count; i++) {
    const date = onWeekday(addDays(from, Math.floor((i * span) / count)));
    const roll = random.float();
    if (roll < 0.2) {
      const start = random.pick([9 * 60, 14 * 60 + 30]);
      meetings.push({
        key: `${year}-x${i}`,
        date,
        start,
        recordAt: at(date, start + 200 + random.int(0, 40)),
        attendance: 'usual',
        correspondence: false,
        filing: 'on-time',
      });
      filled += 2;
    } else if (roll < 0.85) {
      activity(random.pick(ACTIVITY_TYPES), date);
      filled++;
    } else {
      work(random.chance(0.3) ? 'report' : 'other', date);
      filled++;
    }
  }
}

/** 第×次 counts in the term, by meeting date; a new term (换届) starts again from 1. */
function numberMeetings(book: DemoBookState, meetings: YearMeeting[], newTermStart: string | undefined): void {
  meetings.sort((a, b) => (a.date === b.date ? a.start - b.start : a.date < b.date ? -1 : 1));
  let reset = false;
  for (const m of meetings) {
    if (newTermStart && !reset && m.date >= newTermStart) {
      book.meetingNumber = 0;
      reset = true;
    }
    (m as YearMeeting & { number: number }).number = ++book.meetingNumber;
  }
}

function addMeetingEvents(
  book: DemoBookState,
  m: MeetingPlan & YearMeeting,
  add: (at: string, build: () => DemoStep[]) => void,
): void {
  add(m.recordAt, () => [buildMeeting(book, m)]);
  let filedOn: string;
  let filingAt: string;
  if (m.filing === 'late') {
    // Past the 3 working days of 000 in any month without a long holiday (this one is in spring).
    filedOn = onWeekday(addDays(m.date, 10));
    filingAt = at(filedOn, 10 * 60 + 30);
  } else if (m.filing === 'entered-with-meeting') {
    filedOn = addDays(m.date, 2);
    filingAt = at(m.recordAt.slice(0, 10), minutesOf(m.recordAt) + 20);
  } else {
    filedOn = onTimeFilingDate(m.date, m.recordAt);
    filingAt = filingRecordAt(m.recordAt, m.number, filedOn);
  }
  add(filingAt, () => [buildFiling(book, book.meetings.get(m.key)!, filedOn, filingAt, m.filing === 'late')]);
  const c = m.correction;
  if (c) {
    const when = at(addDays(m.date, c.afterDays), 15 * 60);
    add(when, () => {
      const facts = book.meetings.get(m.key)!;
      if (c.what === 'place') return [buildPlaceCorrection(book, facts, when)];
      const away = facts.presentKeys.find((k) => k !== facts.chairKey)!;
      return [buildAttendanceCorrection(book, facts, book.roster.byKey(away), when)];
    });
  }
}
