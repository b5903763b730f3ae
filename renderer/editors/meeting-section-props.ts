/** Props every section of the meeting editor receives, and list helpers they share. */
import type { MemberView } from '../../db/contract';
import type { MeetingForm } from './meeting-form-state';
import type { FormUpdate } from './use-editor-draft';

export interface MeetingSectionProps {
  /** The current values (the draft), for what a section shows around its Form.Items. */
  form: MeetingForm;
  /** For changes that are not one field's (attendance toggles, adding or removing a row). */
  setForm: (change: FormUpdate<MeetingForm>) => void;
  /** Problems of a whole group (attendance, guests, election, a decision's votes), shown above it. */
  groupErrors: Record<string, string>;
  /** Active members on the meeting date. */
  roster: MemberView[];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function memberLabel(m: MemberView): string {
  return `${m.person.name}（${m.roleLabel}）`;
}

/** The editors keep numbers as typed text; the contract checks them as numbers. */
export function typedNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : Number(value);
}
