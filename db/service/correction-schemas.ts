/**
 * A correction must leave the entry's input valid: the corrected reading of each kind is
 * parsed again with the schema its original was sealed under.
 */
import { z } from 'zod';
import {
  activityInput, line, meetingInput, memberJoin, memberLeave, memberRoleChange, organisation, profileChoice, workItemInput,
} from '../contract';

export const INPUT_SCHEMAS: Record<string, z.ZodType> = {
  'org.setup': z.object({ organisation, profile: profileChoice }),
  'org.update': z.object({ organisation, reason: line(500) }),
  'profile.change': z.object({ profile: profileChoice, reason: line(500) }),
  'member.join': memberJoin.extend({ memberId: z.string() }),
  'member.leave': memberLeave,
  'member.role': memberRoleChange,
  meeting: meetingInput,
  activity: activityInput,
  work: workItemInput,
};
