/**
 * Meetings and what follows them: the meeting record itself (attendance from the roster on
 * the meeting day, so the service's 应到 is ours), its filing (会议纪要备案), and corrections
 * (更正) of its place or attendance.
 */
import { addDays, at, chineseDate, minutesOf } from './demo-dates';
import type { DemoBookState, MeetingFacts } from './demo-book-state';
import { FILING_OFFICE } from './demo-book-state';
import { discussionOf, LEAVE_NOTES, minutesOf as writeMinutes, PLACES, TOPICS } from './demo-meeting-text';
import type { RosterMember } from './demo-roster';
import { BOOK, memberRef, seqRef, type DemoStep } from './demo-step';

export interface MeetingPlan {
  key: string;
  date: string;
  /** Minutes after midnight the meeting starts. */
  start: number;
  number: number;
  /** When the recorder seals it: 0–2 days later, or later on purpose (`late-recording`). */
  recordAt: string;
  /** `inquorate`: present no more than 2/3 (the Beijing quorum is 超过2/3); `all-present`: nobody away. */
  attendance: 'usual' | 'inquorate' | 'all-present';
  correspondence: boolean;
  /**
   * Set on the few meetings that show a chair warning: the leader is away and a deputy chairs
   * without the leader's delegation on record, or the leader delegates to an ordinary member.
   */
  chair?: 'deputy-undelegated' | 'member';
  /** False on the one meeting held together with the board's (the flag 未单独召开). */
  heldSeparately?: boolean;
}

/** The most who may be away from a quorate meeting of `expected` (present must exceed 2/3). */
export function maxAbsentForQuorum(expected: number): number {
  return expected - (Math.floor((2 * expected) / 3) + 1);
}

export function buildMeeting(book: DemoBookState, plan: MeetingPlan): DemoStep {
  const { random, roster } = book;
  const expected = roster.activeOn(plan.date);
  const leader = roster.withRole(plan.date, 'leader')[0] ?? expected[0]!;
  const deputy = roster.withRole(plan.date, 'deputy')[0];
  const away =
    plan.attendance === 'inquorate'
      ? expected.length - Math.floor((2 * expected.length) / 3)
      : plan.attendance === 'all-present'
        ? 0
        : random.chance(0.55)
          ? random.int(1, Math.max(1, maxAbsentForQuorum(expected.length)))
          : 0;
  // The leader chairs; when the leader is away, a deputy chairs on the leader's behalf (000 第四章).
  const forced = plan.chair;
  const leaderAway =
    forced !== undefined || (plan.attendance === 'usual' && away > 0 && deputy !== undefined && random.chance(0.2));
  const chair =
    forced === 'member'
      ? random.pick(expected.filter((m) => m !== leader && m !== deputy))
      : leaderAway
        ? deputy!
        : leader;
  const delegated = leaderAway && forced !== 'deputy-undelegated';
  const others = expected.filter((m) => m !== leader && m !== chair);
  const absentees = leaderAway
    ? [leader, ...random.sample(others, Math.max(0, away - 1))]
    : random.sample(others, away);
  const present = expected.filter((m) => !absentees.includes(m));
  const quorate = present.length * 3 > expected.length * 2;

  const topics = random.sample(TOPICS, random.int(1, 3));
  const year = Number(plan.date.slice(0, 4));
  const names = present.map((m) => m.person.name);
  const topicInputs = topics.map((t) => {
    const critics = names.filter((n) => n !== chair.person.name);
    const dissenter = t.dissent && critics.length > 0 && random.chance(0.5) ? random.pick(critics) : undefined;
    return {
      title: t.title(year),
      discussion: discussionOf(random, t, names),
      dissent: dissenter ? `${dissenter}${t.dissent}。` : '',
      dissenter,
    };
  });
  const decisions = quorate
    ? topics.map((t, i) => {
        const against = topicInputs[i]!.dissenter && random.chance(0.5) ? 1 : 0;
        const abstain = !against && (topicInputs[i]!.dissenter || random.chance(0.1)) ? 1 : 0;
        return { text: t.decision(year), votes: { for: present.length - against - abstain, against, abstain } };
      })
    : [];
  const guests = plan.correspondence ? [] : random.sample(book.guests, random.int(1, 2));
  const place = plan.correspondence ? undefined : random.pick(PLACES);
  const startAt = at(plan.date, plan.start);
  const endAt = at(plan.date, plan.start + (plan.correspondence ? 30 : random.pick([90, 120, 150])));
  const absent = absentees.map((m) => ({ member: m, note: random.pick(LEAVE_NOTES) }));
  const minutes = writeMinutes({
    number: plan.number,
    orgName: book.organisation.orgName,
    startAt,
    endAt,
    correspondence: plan.correspondence,
    ...(place ? { place } : {}),
    chair: chair.person.name,
    chairDelegated: delegated,
    recorder: book.recorder,
    heldSeparately: plan.heldSeparately ?? true,
    present: names,
    absent: absent.map((a) => ({ name: a.member.person.name, note: a.note })),
    guests,
    topics: topicInputs.map((t) => t.title),
    decisions,
    quorate,
  });

  const facts: MeetingFacts = {
    key: plan.key,
    number: plan.number,
    date: plan.date,
    at: plan.recordAt,
    chairKey: chair.key,
    presentKeys: present.map((m) => m.key),
    absent: absent.map((a) => ({ key: a.member.key, note: a.note })),
    votes: decisions.map((d) => d.votes),
    ...(place ? { place } : {}),
  };
  book.meetings.set(plan.key, facts);
  book.year.meetings++;
  return book.step(
    'meetings.seal',
    {
      bookId: BOOK,
      meeting: {
        type: 'group-meeting',
        number: plan.number,
        title: `党建工作小组第${plan.number}次会议`,
        mode: plan.correspondence ? 'correspondence' : 'onsite',
        startAt,
        endAt,
        ...(place ? { place } : {}),
        chairId: memberRef(chair.key),
        chairDelegated: delegated,
        recorder: book.recorder,
        presentIds: present.map((m) => memberRef(m.key)),
        absent: absent.map((a) => ({ memberId: memberRef(a.member.key), leaveNote: a.note })),
        guests,
        topics: topicInputs.map(({ title, discussion, dissent }) => ({ title, discussion, dissent })),
        decisions,
        minutes,
        heldSeparately: plan.heldSeparately ?? true,
        attachments: [],
      },
    },
    plan.recordAt,
    { saveAs: `seq:${plan.key}` },
  );
}

/**
 * The filing of a meeting's minutes with the supervising office (000: within 3 working days).
 * `filedOn` is the date on the filing; the recorder enters it at `recordAt` (the same day, or
 * later when the electronic record itself was entered late).
 */
export function buildFiling(
  book: DemoBookState,
  meeting: MeetingFacts,
  filedOn: string,
  recordAt: string,
  late: boolean,
): DemoStep {
  return book.step(
    'work.seal',
    {
      bookId: BOOK,
      item: {
        type: 'filing',
        title: `第${meeting.number}次会议纪要备案`,
        date: filedOn,
        meetingSeq: seqRef(meeting.key),
        to: FILING_OFFICE,
        note: late ? '纪要签发延误，超过规定时限报送，已向党建委说明情况' : '经组长签发后报送',
        attachments: [],
      },
    },
    recordAt,
  );
}

/** The date a filing carries: the working day after the recording, never past the meeting's third day. */
export function onTimeFilingDate(meetingDate: string, recordAt: string): string {
  const recorded = recordAt.slice(0, 10);
  const next = addDays(recorded, 1);
  return next <= addDays(meetingDate, 3) ? next : recorded;
}

/** The moment a filing dated `filedOn` is entered: mid-morning, or just after the meeting's own record on that day. */
export function filingRecordAt(meetingRecordAt: string, number: number, filedOn: string): string {
  if (filedOn > meetingRecordAt.slice(0, 10)) return at(filedOn, 10 * 60 + ((number * 7) % 90));
  return at(meetingRecordAt.slice(0, 10), Math.min(minutesOf(meetingRecordAt) + 20, 23 * 60 + 59));
}

export function buildPlaceCorrection(book: DemoBookState, meeting: MeetingFacts, recordAt: string): DemoStep {
  const place = book.random.pick(PLACES.filter((p) => p !== meeting.place));
  return book.step(
    'entries.correct',
    {
      bookId: BOOK,
      seq: seqRef(meeting.key),
      field: '/input/place',
      value: place,
      reason: `会议实际在“${place}”召开，原记录地点有误（见会议通知及签到表）`,
      by: book.recorder,
    },
    recordAt,
  );
}

/** One member recorded present was in fact away: 实到, 缺席 and every vote are corrected together. */
export function buildAttendanceCorrection(
  book: DemoBookState,
  meeting: MeetingFacts,
  away: RosterMember,
  recordAt: string,
): DemoStep {
  const present = meeting.presentKeys.filter((k) => k !== away.key);
  const changes: { field: string; value: unknown }[] = [
    { field: '/input/presentIds', value: present.map(memberRef) },
    {
      field: '/input/absent',
      value: [
        ...meeting.absent.map((a) => ({ memberId: memberRef(a.key), leaveNote: a.note })),
        { memberId: memberRef(away.key), leaveNote: '因公出差，会前已向组长请假' },
      ],
    },
    ...meeting.votes.map((v, i) => ({ field: `/input/decisions/${i}/votes/for`, value: v.for - 1 })),
  ];
  return book.step(
    'entries.correct',
    {
      bookId: BOOK,
      seq: seqRef(meeting.key),
      changes,
      reason: `经核对${chineseDate(meeting.date)}会议签到表，${away.person.name}当日因公出差未出席，原记录误记为实到`,
      by: book.recorder,
    },
    recordAt,
  );
}
