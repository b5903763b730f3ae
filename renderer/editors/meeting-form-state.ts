/**
 * The meeting editor's draft (what IndexedDB keeps) and its translation to the contract.
 *
 * The draft holds raw strings so a half-typed number or time survives a power cut; only
 * `buildMeetingInput` turns it into `meetingInput`. Attendance is stored as the set of
 * ABSENT member ids: every active member of the roster on the meeting date is therefore
 * exactly one of 实到 / 缺席 (a two-state toggle), and a member who joins the roster later
 * (date changed) starts as 实到 and is listed in the confirmation for the recorder to check.
 */
import type { z } from 'zod';
import {
  dateTimeString,
  election as electionSchema,
  guest as guestSchema,
  meetingInput,
  type MeetingDraft,
  type MeetingInput,
  type MemberView,
} from '../../db/contract';
import { dutiesOf, type DutyForm } from '../ledger/duty-picker';
import { countOrZero, numberOrUndefined, problemsFrom, textOrUndefined, type Problem } from './form-values';

export interface GuestForm {
  name: string;
  unit: string;
}
export interface TopicForm {
  title: string;
  discussion: string;
  dissent: string;
}
export interface DecisionForm {
  text: string;
  for: string;
  against: string;
  abstain: string;
}
export interface CandidateForm {
  name: string;
  memberId: string;
  votes: string;
}
export interface ElectionForm {
  body: string;
  votingExpected: string;
  votingPresent: string;
  ballotsCast: string;
  seats: string;
  competitive: boolean;
  byElection: boolean;
  candidates: CandidateForm[];
}

export interface MeetingForm {
  type: 'group-meeting' | 'members-assembly';
  number: string;
  title: string;
  mode: 'onsite' | 'correspondence';
  /** `YYYY-MM-DDTHH:mm`, exactly what `<input type="datetime-local">` holds. */
  startAt: string;
  endAt: string;
  place: string;
  chairId: string;
  chairDelegated: boolean;
  recorder: string;
  absentIds: string[];
  leaveNotes: Record<string, string>;
  guests: GuestForm[];
  topics: TopicForm[];
  decisions: DecisionForm[];
  minutes: string;
  heldSeparately: boolean;
  hasElection: boolean;
  election: ElectionForm;
  attachments: { hash: string; name: string; mediaType: string; size: number }[];
  duties?: DutyForm['duties'];
}

export const emptyTopic = (): TopicForm => ({ title: '', discussion: '', dissent: '' });
export const emptyDecision = (): DecisionForm => ({ text: '', for: '', against: '', abstain: '' });
export const emptyCandidate = (): CandidateForm => ({ name: '', memberId: '', votes: '' });

export function emptyMeetingForm(): MeetingForm {
  return {
    type: 'group-meeting',
    number: '',
    title: '',
    mode: 'onsite',
    startAt: '',
    endAt: '',
    place: '',
    chairId: '',
    chairDelegated: false,
    recorder: '',
    absentIds: [],
    leaveNotes: {},
    guests: [],
    topics: [emptyTopic()],
    decisions: [],
    minutes: '',
    heldSeparately: false,
    hasElection: false,
    election: {
      body: '',
      votingExpected: '',
      votingPresent: '',
      ballotsCast: '',
      seats: '',
      competitive: true,
      byElection: false,
      candidates: [emptyCandidate()],
    },
    attachments: [],
  };
}

/** The meeting date (`YYYY-MM-DD`) for the roster query, when the start time is complete. */
export function meetingDate(form: Pick<MeetingForm, 'startAt'>): string | undefined {
  return dateTimeString.safeParse(form.startAt).success ? form.startAt.slice(0, 10) : undefined;
}

/** Active members on the meeting date: the ones attendance is taken for. */
export function activeRoster(roster: readonly MemberView[]): MemberView[] {
  return roster.filter((m) => m.active);
}

export interface Attendance {
  presentIds: string[];
  absent: { memberId: string; leaveNote: string }[];
}

export function attendanceOf(form: MeetingForm, roster: readonly MemberView[]): Attendance {
  const absentSet = new Set(form.absentIds);
  const presentIds: string[] = [];
  const absent: Attendance['absent'] = [];
  for (const m of activeRoster(roster)) {
    if (absentSet.has(m.memberId)) absent.push({ memberId: m.memberId, leaveNote: form.leaveNotes[m.memberId] ?? '' });
    else presentIds.push(m.memberId);
  }
  return { presentIds, absent };
}

function electionDraft(e: ElectionForm): z.input<typeof electionSchema> {
  return {
    body: e.body,
    votingExpected: numberOrUndefined(e.votingExpected) as number,
    votingPresent: numberOrUndefined(e.votingPresent) as number,
    ballotsCast: numberOrUndefined(e.ballotsCast) as number,
    seats: numberOrUndefined(e.seats) as number,
    competitive: e.competitive,
    byElection: e.byElection,
    candidates: e.candidates.map((c) => ({
      name: c.name,
      ...(c.memberId ? { memberId: c.memberId } : {}),
      votes: numberOrUndefined(c.votes) as number,
    })),
  };
}

/**
 * The raw contract input. Numbers that are not typed yet are `undefined` on purpose:
 * `meetingInput.safeParse` then reports 必须填写 on exactly that field.
 */
export function meetingDraftInput(form: MeetingForm, roster: readonly MemberView[]): MeetingDraft {
  const { presentIds, absent } = attendanceOf(form, roster);
  return {
    type: form.type,
    number: numberOrUndefined(form.number) as number,
    title: textOrUndefined(form.title),
    mode: form.mode,
    startAt: form.startAt,
    endAt: form.endAt,
    place: textOrUndefined(form.place),
    chairId: form.chairId,
    recorder: form.recorder,
    presentIds,
    absent,
    guests: form.guests.map((g) => ({ name: g.name, unit: textOrUndefined(g.unit) })),
    topics: form.topics,
    decisions: form.decisions.map((d) => ({
      text: d.text,
      votes: {
        for: numberOrUndefined(d.for) as number,
        against: numberOrUndefined(d.against) as number,
        abstain: numberOrUndefined(d.abstain) as number,
      },
    })),
    minutes: form.minutes,
    heldSeparately: form.heldSeparately,
    chairDelegated: form.chairDelegated,
    election: form.hasElection ? electionDraft(form.election) : undefined,
    attachments: form.attachments,
    duties: dutiesOf(form),
  };
}

function nameOf(roster: readonly MemberView[], id: string): string {
  return roster.find((m) => m.memberId === id)?.person.name ?? '（未知成员）';
}

/**
 * Maps a contract path to the editor's field (its antd Form name, dotted): absences are
 * addressed by index in the contract but by member in the form (`leaveNotes.<memberId>`),
 * attendance as a whole, and a decision's votes sit beside its text (`decisions.0.for`).
 */
export function meetingFieldKey(
  path: string,
  form: MeetingForm,
  roster: readonly MemberView[],
): { key: string; label?: string } | undefined {
  const m = /^absent\.(\d+)(?:\.|$)/.exec(path);
  if (m) {
    const id = attendanceOf(form, roster).absent[Number(m[1])]?.memberId;
    if (id) return { key: `leaveNotes.${id}`, label: `缺席成员“${nameOf(roster, id)}”的请假说明` };
  }
  if (path.startsWith('presentIds')) return { key: 'attendance' };
  const vote = /^decisions\.(\d+)\.votes\.(for|against|abstain)$/.exec(path);
  if (vote) return { key: `decisions.${vote[1]}.${vote[2]}` };
  return undefined;
}

export type MeetingCheck = { ok: true; input: MeetingInput; problems: [] } | { ok: false; problems: Problem[] };

/**
 * Client-side checks before the confirmation dialog: the contract schema plus the rule the
 * schema leaves to the service (an absent member needs a leave note), so the recorder sees
 * every problem at once instead of one refusal per attempt.
 */
export function checkMeeting(form: MeetingForm, roster: readonly MemberView[]): MeetingCheck {
  const parsed = meetingInput.safeParse(meetingDraftInput(form, roster));
  const problems: Problem[] = parsed.success ? [] : problemsFrom(parsed.error, (p) => meetingFieldKey(p, form, roster));
  if (!parsed.success) {
    // zod runs the object-level refinements only once every field parses; mirror the two of
    // `meetingInput` so the recorder sees all problems in one pass, not in waves.
    if (form.mode === 'onsite' && !form.place.trim() && !problems.some((p) => p.key === 'place')) {
      problems.push({ key: 'place', label: '地点', message: '现场会议需要填写地点' });
    }
    if (form.startAt && form.endAt && form.endAt < form.startAt && !problems.some((p) => p.key === 'endAt')) {
      problems.push({ key: 'endAt', label: '结束时间', message: '结束时间不能早于开始时间' });
    }
  }
  for (const a of attendanceOf(form, roster).absent) {
    if (!a.leaveNote.trim()) {
      const name = nameOf(roster, a.memberId);
      // The message names the member already; no label in front of it.
      problems.push({ key: `leaveNotes.${a.memberId}`, label: '', message: `缺席成员“${name}”未填写请假说明` });
    }
  }
  // The service refuses a chair recorded as absent (主持人应记为实到); say so before the dialog.
  if (
    form.chairId &&
    form.absentIds.includes(form.chairId) &&
    activeRoster(roster).some((m) => m.memberId === form.chairId)
  ) {
    const name = nameOf(roster, form.chairId);
    problems.push({ key: 'chairId', label: '', message: `主持人“${name}”应记为实到` });
  }
  if (parsed.success && problems.length === 0) return { ok: true, input: parsed.data, problems: [] };
  return { ok: false, problems };
}

/**
 * The meeting part of `entries.check`, built leniently: a half-typed form still gets rule
 * results, so anything not yet valid is dropped or counted as 0 instead of failing the call.
 *
 * It also carries chair, mode, type and 单独召开: the service's evaluation already judges them
 * (chair must be 实到, correspondence allowed, held separately), but `meetingCheckInput` in
 * the contract does not list them yet, so today the service's parser drops them. Sending
 * them costs nothing and lights up those checks as soon as the contract passes them on.
 */
export function meetingCheckInput(form: MeetingForm, roster: readonly MemberView[]) {
  const { presentIds, absent } = attendanceOf(form, roster);
  const electionParsed = form.hasElection ? electionSchema.safeParse(electionDraft(form.election)) : undefined;
  return {
    ...(dateTimeString.safeParse(form.startAt).success ? { startAt: form.startAt } : {}),
    ...(form.chairId ? { chairId: form.chairId, chairDelegated: form.chairDelegated } : {}),
    mode: form.mode,
    type: form.type,
    heldSeparately: form.heldSeparately,
    presentIds,
    absent,
    guests: form.guests
      .map((g) => ({ name: g.name, unit: textOrUndefined(g.unit) }))
      .filter((g) => guestSchema.safeParse(g).success),
    decisions: form.decisions.map((d) => ({
      votes: { for: countOrZero(d.for), against: countOrZero(d.against), abstain: countOrZero(d.abstain) },
    })),
    ...(electionParsed?.success ? { election: electionParsed.data } : {}),
  };
}
