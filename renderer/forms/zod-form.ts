/**
 * Bridges the contract's zod schemas and antd forms, so a form shows the very same Chinese
 * message the service would answer, next to the field, before anything is sent.
 */
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { describeIssues } from '../../db/contract';

/**
 * The one wording for a required field left empty; antd puts in the Form.Item's label
 * (`请填写会议名称`). Choices (radios, selects) say 请选择 instead.
 */
export const FILL_IN = '请填写${label}';
export const CHOOSE = '请选择${label}';

/** A required choice (radio group, select), worded like every other required field. */
export function chooseRule(): FormRule {
  return { required: true, message: CHOOSE };
}

/**
 * The contract's words for an empty value (zod: 必须填写 / 不能为空) become the one wording,
 * `请填写<label>`, wherever problems are listed by label (the editors' banner).
 */
export function requiredWording(label: string, message: string): string | null {
  return label && (message === '必须填写' || message === '不能为空') ? `请填写${label}` : null;
}

/**
 * An antd rule that checks one field with a contract schema (e.g. `line(100)`). `read` turns
 * what the input holds into what the contract wants (the editors keep numbers as typed text,
 * so a half-typed number survives in the draft: `read` is then `Number`).
 */
export function zodRule(schema: z.ZodType, required = false, read: (value: unknown) => unknown = (v) => v): FormRule {
  return {
    required,
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      if (empty && !required) return;
      if (empty) throw new Error(FILL_IN);
      const parsed = schema.safeParse(read(value));
      if (parsed.success) return Promise.resolve();
      return Promise.reject(new Error(describeIssues(parsed.error)[0]?.message ?? '格式不正确'));
    },
  };
}

/**
 * Parses `values` with `schema`; on failure puts every problem on its field in `form`
 * (paths may be prefixed when the form holds only part of the input) and returns null.
 */
export function parseInto<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  prefix: (string | number)[] = [],
): z.output<S> | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  parsed.error.issues.forEach((issue, i) => {
    const path = issue.path.slice(prefix.length).filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.join('.');
    const entry = byField.get(key) ?? { name: path, errors: [] };
    entry.errors.push(problems[i]?.message ?? issue.message);
    byField.set(key, entry);
  });
  form.setFields([...byField.values()].filter((f) => f.name.length > 0));
  return null;
}

/** Empty strings from cleared inputs become undefined, as the contract's optional fields expect. */
export function dropEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropEmpty) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = dropEmpty(v);
      if (cleaned !== undefined && cleaned !== '') out[k] = cleaned;
    }
    return out as T;
  }
  return value;
}

interface ZodInternals {
  _zod: { def: { checks?: { _zod: { def: { check?: string; maximum?: unknown } } }[] } & Record<string, unknown> };
}

/**
 * The longest text a contract schema accepts (`prose()` → 20,000), for the live counters on
 * long texts: the limit is shown while typing, not discovered at the seal.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const { def } = (schema as unknown as ZodInternals)._zod;
  for (const c of def.checks ?? []) {
    if (c._zod.def.check === 'max_length' && typeof c._zod.def.maximum === 'number') return c._zod.def.maximum;
  }
  for (const key of ['in', 'out', 'innerType']) {
    const inner = def[key];
    if (inner && typeof inner === 'object' && '_zod' in inner) {
      const found = maxLengthOf(inner as z.ZodType);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
