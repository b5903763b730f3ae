/**
 * Bridges the contract's zod schemas and antd forms, so a form shows the very same Chinese
 * message the service would answer, next to the field, before anything is sent.
 */
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { describeIssues } from '../../db/contract';

/** An antd rule that checks one field with a contract schema (e.g. `line(100)`). */
export function zodRule(schema: z.ZodType, required = false): FormRule {
  return {
    required,
    validator: (_rule, value: unknown) => {
      if (!required && (value === undefined || value === '')) return Promise.resolve();
      const parsed = schema.safeParse(value);
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
