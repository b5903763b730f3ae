/**
 * `entries.check`: every check sealing will apply, without sealing. The input is what the
 * rules look at, for one kind (a draft may be incomplete: the fields are optional); the answer
 * says which problems BLOCK sealing, which flags will be SEALED with the entry, and which
 * checks passed. Sealing runs the same function on the complete input, with the same clock.
 */
import { z } from 'zod';
import { dateString, dateTimeString, line, memberId, seqNumber, yearNumber } from './common';
import {
  absence,
  election,
  guest,
  meetingMode,
  meetingType,
  votes,
  type MeetingEvaluation,
  type RuleFlag,
} from './meetings';
import { memberRole } from './members';

export const meetingCheckInput = z.object({
  type: meetingType.optional(),
  mode: meetingMode.optional(),
  startAt: dateTimeString.optional(),
  chairId: memberId.optional(),
  chairDelegated: z.boolean().optional(),
  heldSeparately: z.boolean().optional(),
  presentIds: z.array(memberId).max(1_000).default([]),
  absent: z.array(absence).max(1_000).default([]),
  guests: z.array(guest).max(200).default([]),
  decisions: z.array(z.object({ votes })).max(100).default([]),
  election: election.optional(),
});
export type MeetingCheckInput = z.input<typeof meetingCheckInput>;

export const activityCheckInput = z.object({
  date: dateString.optional(),
  participantIds: z.array(memberId).max(1_000).default([]),
});

const workTypes = [
  'report',
  'annual-report',
  'annual-summary',
  'ideology',
  'major-matter',
  're-election',
  'filing',
  'other',
] as const;
export const workCheckInput = z.object({
  type: z.enum(workTypes, { message: '工作类型无效' }).optional(),
  date: dateString.optional(),
  year: yearNumber.optional(),
  reporterId: memberId.optional(),
  meetingSeq: seqNumber.optional(),
  newTermStart: dateString.optional(),
  newTermEnd: dateString.optional(),
});

export const memberJoinCheckInput = z.object({
  person: z.object({
    name: line(50).optional(),
    birthDate: dateString.optional(),
    isCpcMember: z.boolean().optional(),
    underDiscipline: z.boolean().optional(),
  }),
  role: memberRole.optional(),
  joinedOn: dateString.optional(),
});

export const memberLeaveCheckInput = z.object({ memberId, leftOn: dateString.optional() });
export const memberRoleCheckInput = z.object({
  memberId,
  role: memberRole.optional(),
  changedOn: dateString.optional(),
});

/** One entry's check input, by kind (the kinds of `db/service/kinds.ts`). */
export const entryCheckInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('meeting'), meeting: meetingCheckInput }),
    z.object({ kind: z.literal('activity'), activity: activityCheckInput }),
    z.object({ kind: z.literal('work'), item: workCheckInput }),
    z.object({ kind: z.literal('member.join'), join: memberJoinCheckInput }),
    z.object({ kind: z.literal('member.leave'), leave: memberLeaveCheckInput }),
    z.object({ kind: z.literal('member.role'), change: memberRoleCheckInput }),
  ],
  { message: '记录类别无效' },
);
export type EntryCheckInput = z.input<typeof entryCheckInput>;
export type EntryCheckKind = EntryCheckInput['kind'];

/** A problem that blocks sealing: the seal refuses with exactly this code, field and message. */
export interface CheckProblem {
  code: string;
  /** Path of the field at fault inside the kind's input (`startAt`, `participantIds.0`). */
  field: string;
  message: string;
}

export interface EntryCheck {
  kind: EntryCheckKind;
  /** 须修改后才能封存: sealing refuses while any is left. */
  blocking: CheckProblem[];
  /** 将随记录一并封存的提示: recorded with the entry, never blocking. */
  flags: RuleFlag[];
  /** 已通过: the checks that found nothing, in words. */
  passed: string[];
  /** A meeting's rule results (counts, quorum, decisions, filing, election), as sealed. */
  evaluation?: MeetingEvaluation;
}

/** The headings the screens use, one wording everywhere. */
export const CHECK_GROUP_LABELS = {
  blocking: '须修改后才能封存',
  flags: '将随记录一并封存的提示',
  passed: '已通过',
} as const;
