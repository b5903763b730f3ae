/** Props every section of the meeting editor receives, and list helpers they share. */
import type { MemberView } from '../../db/contract';
import type { MeetingForm } from './meeting-form-state';
import type { FormUpdate } from './use-editor-draft';
import type { FieldErrors } from './types';

export interface MeetingSectionProps {
  form: MeetingForm;
  setForm: (change: FormUpdate<MeetingForm>) => void;
  errors: FieldErrors;
  /** Active members on the meeting date. */
  roster: MemberView[];
}

export function replaceAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function memberLabel(m: MemberView): string {
  return `${m.person.name}（${m.roleLabel}）`;
}
