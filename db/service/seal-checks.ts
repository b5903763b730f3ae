/**
 * `entries.check`: for one kind's input, every check its seal will apply, at the service's
 * clock, without sealing. Each kind's seal calls the same function (see the *-service.ts
 * modules), so what the live panel and the confirmation show is what the seal does:
 * `blocking` refuses the seal with the same message, `flags` are sealed with the entry.
 * Organisation and profile changes have no rule checks (their seals record no flags).
 */
import type { z } from 'zod';
import type { EntryCheck, entryCheckInput } from '../contract';
import { checkActivity, checkWorkItemWith } from './activities-service';
import { checkMeeting } from './meetings-service';
import { checkJoin, checkLeave, checkRoleChange } from './members-service';
import type { ServiceContext } from './service-context';

/** The parsed input (defaults applied): what the contract hands the service. */
export type ParsedCheckInput = z.output<typeof entryCheckInput>;

export function checkEntry(
  ctx: ServiceContext,
  bookId: string,
  input: ParsedCheckInput,
  now: Date = ctx.clock(),
): EntryCheck {
  switch (input.kind) {
    case 'meeting':
      return checkMeeting(ctx, bookId, input.meeting, now);
    case 'activity':
      return checkActivity(ctx, bookId, input.activity, now);
    case 'work':
      return checkWorkItemWith(ctx, bookId, input.item, now).check;
    case 'member.join':
      return checkJoin(ctx, bookId, input.join, now);
    case 'member.leave':
      return checkLeave(ctx, bookId, input.leave, now);
    case 'member.role':
      return checkRoleChange(ctx, bookId, input.change, now);
  }
}
