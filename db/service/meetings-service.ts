/**
 * Meetings: the check before sealing (`checkMeeting`, behind `entries.check` and the live rule
 * panel) and sealing (`seal`). Both run the same function with the same clock; sealing refuses
 * the check's blocking problems (e.g. an absent member without a leave note) and seals every
 * rule result and flag with the entry.
 */
import type { EntryCheck, MeetingEvaluation, MeetingInput, MeetingSealResult, RuleFlag } from '../contract';
import {
  checkChair,
  compareElectionWithAttendance,
  countAttendance,
  evaluateDecision,
  evaluateElection,
  evaluateFiling,
  evaluateQuorum,
  formatChineseDate,
} from '../rules';
import { activeMembersOn, roleOn, type BookState } from './book-state';
import { attachmentHashes } from './attachments-service';
import { isDomainBody, makeBody } from './entry-body';
import { genericRole, profileOf } from './rule-checks';
import type { Reflag } from './read-model';
import { CheckBuilder, refuseBlocked } from './check-parts';
import { chinaDate, type ServiceContext } from './service-context';

/** The parts of a meeting the rules look at; drafts may be incomplete. */
export interface MeetingCheck {
  startAt?: string | undefined;
  chairId?: string | undefined;
  chairDelegated?: boolean | undefined;
  mode?: MeetingInput['mode'] | undefined;
  heldSeparately?: boolean | undefined;
  type?: MeetingInput['type'] | undefined;
  presentIds: string[];
  absent: { memberId: string; leaveNote: string }[];
  guests: { name: string }[];
  decisions: { votes: { for: number; against: number; abstain: number } }[];
  election?: MeetingInput['election'] | undefined;
}

const flag = (code: string, message: string): RuleFlag => ({ code, message });

/** The rules on a meeting as of today, without the sealing-time checks (see `checkMeeting`). */
export function evaluateMeeting(ctx: ServiceContext, bookId: string, m: MeetingCheck): MeetingEvaluation {
  const state = ctx.projection(bookId).state();
  return evaluateAgainst(state, ctx.calendar, ctx.today(), m);
}

export function evaluateAgainst(
  state: BookState,
  calendar: ServiceContext['calendar'],
  today: string,
  m: MeetingCheck,
): MeetingEvaluation {
  const profile = profileOf(state);
  const date = m.startAt ? m.startAt.slice(0, 10) : today;
  const expected = activeMembersOn(state, date);
  const nameOf = (id: string) => state.members.get(id)?.person.name;
  const body = m.type === 'members-assembly' && profile.assembly ? 'assembly' : 'committee';
  const errors: MeetingEvaluation['errors'] = [];
  const flags: RuleFlag[] = [];

  if (date > today) {
    const when = `${formatChineseDate(date)}${m.startAt ? ` ${m.startAt.slice(11)}` : ''}`;
    errors.push({
      code: 'future-date',
      field: 'startAt',
      message: `会议开始时间为${when}，晚于今天（${formatChineseDate(today)}），不能记录尚未召开的会议`,
    });
  }
  const attendance = countAttendance({
    expectedIds: expected.map((e) => e.memberId),
    presentIds: m.presentIds,
    absent: m.absent,
    attendees: m.guests,
    nameOf,
    attendeesAllowed: profile.attendees.allowed,
  });
  if (!attendance.ok) {
    for (const p of attendance.error.problems) {
      const unknown = p.memberId !== undefined && !state.members.has(p.memberId);
      errors.push(
        unknown
          ? { code: 'not-found', field: 'presentIds', message: `成员编号 ${p.memberId} 不在成员名册中` }
          : { code: 'rule-violation', field: fieldOfProblem(p.code, p.memberId, m), message: p.message },
      );
    }
  }
  const presentCount = new Set(m.presentIds.filter((id) => expected.some((e) => e.memberId === id))).size;

  const q = evaluateQuorum({ expected: expected.length, present: presentCount, profile, body });
  const quorum = q.ok
    ? { met: q.value.met, required: q.value.required, message: q.value.message }
    : { met: false, required: 0, message: q.error.message };
  if (!quorum.met && expected.length > 0) flags.push(flag('inquorate', quorum.message));

  const decisions = m.decisions.map((d, i) => {
    const r = evaluateDecision({ present: presentCount, expected: expected.length, votes: d.votes, profile, body });
    if (!r.ok) {
      errors.push({
        code: 'rule-violation',
        field: `decisions.${i}.votes`,
        message: `第 ${i + 1} 项决议：${r.error.message}`,
      });
      return { passed: false, required: 0, message: r.error.message };
    }
    // An inquorate meeting cannot take a valid decision, whatever the count.
    if (!quorum.met && expected.length > 0) {
      return {
        passed: false,
        required: r.value.required,
        message: `会议未达到法定人数，决议无效（${r.value.message}）`,
      };
    }
    return { passed: r.value.passed, required: r.value.required, message: r.value.message };
  });

  const filingEval = evaluateFiling({ meetingDate: date, today, profile, calendar: calendar.get() });
  const filing = { deadline: filingEval.deadline, status: filingEval.status, message: filingEval.message };
  if (filingEval.status === 'calendar-missing' || filingEval.missingYear !== undefined) {
    flags.push(flag('calendar-missing', filingEval.message));
  }

  if (m.chairId) {
    const chair = state.members.get(m.chairId);
    if (!chair) errors.push({ code: 'not-found', field: 'chairId', message: '主持人不在成员名册中' });
    else {
      if (!m.presentIds.includes(m.chairId))
        errors.push({ code: 'rule-violation', field: 'chairId', message: `主持人“${chair.person.name}”应记为实到` });
      const role = genericRole(roleOn(chair, date));
      const w = checkChair(role, profile, m.chairDelegated === true);
      if (w) flags.push(flag(w.code, w.message));
    }
  }
  if (m.heldSeparately === false && profile.meetings.separateFromBoard) {
    flags.push(
      flag('not-held-separately', '本规则方案要求党建工作会议单独召开，不得与理事会等会议合并召开；本次会议未单独召开'),
    );
  }
  if (m.mode === 'correspondence' && !profile.meetings.correspondenceAllowed) {
    flags.push(flag('correspondence-not-allowed', `“${profile.label}”未规定可以通讯形式召开会议`));
  }

  const result: MeetingEvaluation = {
    profileId: profile.id,
    expected: expected.map((e) => ({ memberId: e.memberId, name: e.person.name })),
    presentCount,
    quorum,
    decisions,
    filing,
    flags,
    errors,
  };
  if (m.election) {
    const e = m.election;
    const r = evaluateElection({
      votingExpected: e.votingExpected,
      votingPresent: e.votingPresent,
      ballotsCast: e.ballotsCast,
      seats: e.seats,
      candidates: e.candidates.map((c) =>
        c.memberId ? { id: c.memberId, name: c.name, votes: c.votes } : { name: c.name, votes: c.votes },
      ),
      competitive: e.competitive,
      kind: e.byElection ? 'by-election' : 'general',
      profile,
    });
    const party = expected.filter((x) => x.person.isCpcMember);
    const counts = compareElectionWithAttendance({
      votingExpected: e.votingExpected,
      votingPresent: e.votingPresent,
      partyExpected: party.length,
      partyPresent: party.filter((x) => m.presentIds.includes(x.memberId)).length,
    });
    for (const p of counts.problems) errors.push({ code: p.code, field: `election.${p.field}`, message: p.message });
    for (const w of counts.warnings) flags.push(flag(w.code, w.message));
    if (r.ok) {
      result.election = {
        thresholdMet: r.value.thresholdMet,
        marginMet: r.value.marginMet,
        elected: r.value.elected.map((c) => c.name),
        message: r.value.message,
      };
      if (!r.value.valid) flags.push(flag('election-invalid', r.value.message));
    } else {
      errors.push({ code: 'rule-violation', field: 'election', message: r.error.message });
    }
  }
  return result;
}

function fieldOfProblem(code: string, memberId: string | undefined, m: MeetingCheck): string {
  if (code === 'absent-without-leave-note' && memberId) {
    const i = m.absent.findIndex((a) => a.memberId === memberId);
    return `absent.${i}.leaveNote`;
  }
  if (code === 'attendee-is-member') return 'guests';
  return 'presentIds';
}

/**
 * Every check sealing applies, at `now`: the rules' evaluation (its errors block, its flags are
 * sealed) and the recording delay. The evaluation returned is the one sealed with the entry.
 */
export function checkMeeting(ctx: ServiceContext, bookId: string, m: MeetingCheck, now: Date): EntryCheck {
  const state = ctx.projection(bookId).state();
  const evaluation = evaluateAgainst(state, ctx.calendar, chinaDate(now), m);
  const c = new CheckBuilder('meeting', now);
  for (const e of evaluation.errors) c.block(e.code ?? 'rule-violation', e.field, e.message);
  const eventDate = m.startAt?.slice(0, 10);
  if (eventDate !== undefined && eventDate <= chinaDate(now)) {
    c.pass('会议开始时间不晚于今天。');
    c.recordedInTime(eventDate);
  }
  // The recording delay is sealed with the rules' flags: the evaluation's flags ARE the entry's.
  evaluation.flags.push(...c.flags);
  passedOfMeeting(evaluation).forEach((p) => c.pass(p));
  return { ...c.result(), flags: evaluation.flags, evaluation };
}

/**
 * The checks that found nothing, in words. Quorum, decisions and the filing deadline are not
 * listed: they are results, shown (and sealed) as such with the evaluation.
 */
function passedOfMeeting(ev: MeetingEvaluation): string[] {
  const passed: string[] = [];
  const flagged = new Set(ev.flags.map((f) => f.code));
  if (!ev.errors.some((e) => e.field === 'presentIds' || e.field.startsWith('absent') || e.field === 'guests')) {
    passed.push(`出席情况完整：应到${ev.expected.length}人，实到${ev.presentCount}人，缺席成员均有请假说明。`);
  }
  if (
    !flagged.has('chair-delegation-missing') &&
    !flagged.has('chair-not-allowed') &&
    !ev.errors.some((e) => e.field === 'chairId')
  ) {
    passed.push('主持人符合规则方案的要求。');
  }
  if (ev.election && !flagged.has('election-invalid') && !ev.errors.some((e) => e.field.startsWith('election'))) {
    passed.push(`选举：${ev.election.message}`);
  }
  return passed;
}

export function sealMeeting(ctx: ServiceContext, bookId: string, meeting: MeetingInput): MeetingSealResult {
  const check = checkMeeting(ctx, bookId, meeting, ctx.clock());
  refuseBlocked(check);
  const evaluation = check.evaluation!;
  const attachments = attachmentHashes(ctx, meeting.attachments);
  const [sealed] = ctx.seal(bookId, [
    { kind: 'meeting', body: makeBody(meeting, evaluation, evaluation.flags), attachments },
  ]);
  return { seq: sealed!.seq, hash: sealed!.hash, recordedAt: sealed!.recordedAt, flags: evaluation.flags, evaluation };
}

/**
 * The flags of a corrected meeting: the rules on the current reading, plus the flags that
 * depend on when it was recorded (those a correction cannot change).
 */
export function reflagMeeting(ctx: ServiceContext): Reflag {
  return (state, kind, current, sealedFlags) => {
    if (kind !== 'meeting' || !isDomainBody(current)) return null;
    const ev = evaluateAgainst(state, ctx.calendar, ctx.today(), current.input as MeetingInput);
    return [...ev.flags, ...sealedFlags.filter((f) => f.code === 'late-recording')];
  };
}
