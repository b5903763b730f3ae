/**
 * Small conversions between what inputs hold (strings, so a half-typed number survives in
 * the draft) and what the contract wants. Shared by the three editors.
 */
import type { z } from 'zod';
import { describeIssues } from '../../db/contract';
import { requiredWording } from '../forms/zod-form';

/** '' → undefined (zod then says 必须填写); anything else → Number (NaN is rejected by zod). */
export function numberOrUndefined(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  return t === '' ? undefined : Number(t);
}

/** For live checks only: a non-negative integer or 0, never an invalid value. */
export function countOrZero(text: string | undefined): number {
  const n = Number((text ?? '').trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** '' → undefined so optional fields stay absent instead of failing `min(1)`. */
export function textOrUndefined(text: string | undefined): string | undefined {
  return text && text.trim() ? text : undefined;
}

export interface Problem {
  key: string;
  label: string;
  message: string;
}

/**
 * Turns a zod error into problems keyed for the form; `rename` maps a contract path
 * (e.g. `absent.0.leaveNote`) to the editor's key and label when they differ.
 */
export function problemsFrom(
  error: z.ZodError,
  rename?: (path: string) => { key: string; label?: string } | undefined,
): Problem[] {
  return describeIssues(error).map((p) => {
    const renamed = rename?.(p.field);
    const label = renamed?.label ?? p.label;
    // An empty required field reads 请填写<label>, under the field and in the banner alike.
    const required = requiredWording(label, p.message);
    return { key: renamed?.key ?? p.field, label: required ? '' : label, message: required ?? p.message };
  });
}

/** The first message of each key (a group's problem shown above it). */
export function errorsByKey(problems: readonly Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (!(p.key in out)) out[p.key] = p.message;
  return out;
}

/** Service field paths may start with the method's wrapper key (`meeting.place`). */
export function stripWrapper(field: string, wrapper: string): string {
  return field.startsWith(`${wrapper}.`) ? field.slice(wrapper.length + 1) : field;
}
