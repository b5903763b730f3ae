/**
 * What each editor sends to `entries.check` while the recorder types: the parts of the form
 * the checks look at that are already valid (a half-typed date is left out, not refused), by
 * the contract's own check schemas. At the confirmation the editor sends the parsed input itself.
 */
import type { z } from 'zod';
import {
  activityCheckInput,
  memberJoinCheckInput,
  memberLeaveCheckInput,
  memberRoleCheckInput,
  workCheckInput,
  type EntryCheckInput,
  type MemberView,
} from '../../db/contract';
import type { ActivityForm } from './activity-editor';
import { workItemDraftInput, type WorkItemForm } from './work-item-form-state';

/** The fields of `raw` that `schema`'s own field schemas accept. */
export function validFields<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>): z.input<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (raw[key] !== undefined && field.safeParse(raw[key]).success) out[key] = raw[key];
  }
  return out as z.input<S>;
}

export function activityLiveCheck(form: ActivityForm, roster: readonly MemberView[]): EntryCheckInput {
  // As `checkActivity` seals it: a tick left from another date (not on that day's roster) is dropped.
  const onRoster = new Set(roster.map((m) => m.memberId));
  return {
    kind: 'activity',
    activity: validFields(activityCheckInput, {
      date: form.date,
      participantIds: form.participantIds.filter((id) => onRoster.has(id)),
    }),
  };
}

export function workLiveCheck(form: WorkItemForm): EntryCheckInput {
  return { kind: 'work', item: validFields(workCheckInput, workItemDraftInput(form)) };
}

/** A member dialog's values (antd Form, possibly half filled). */
export interface MemberDialogValues {
  person?: Record<string, unknown>;
  role?: unknown;
  joinedOn?: unknown;
  date?: unknown;
}

export function memberJoinLiveCheck(values: MemberDialogValues | undefined): EntryCheckInput {
  return {
    kind: 'member.join',
    join: {
      person: validFields(memberJoinCheckInput.shape.person, values?.person ?? {}),
      ...validFields(memberJoinCheckInput.omit({ person: true }), { role: values?.role, joinedOn: values?.joinedOn }),
    },
  };
}

/** 离任 or 职务变更 of `memberId`, from the change dialog's values. */
export function memberChangeLiveCheck(
  kind: 'leave' | 'role',
  memberId: string,
  values: MemberDialogValues | undefined,
): EntryCheckInput {
  return kind === 'leave'
    ? { kind: 'member.leave', leave: { ...validFields(memberLeaveCheckInput, { leftOn: values?.date }), memberId } }
    : {
        kind: 'member.role',
        change: { ...validFields(memberRoleCheckInput, { role: values?.role, changedOn: values?.date }), memberId },
      };
}
