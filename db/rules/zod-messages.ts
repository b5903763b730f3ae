/**
 * Chinese messages for zod issues. Schemas here give their own messages where a clerk can
 * cause the problem; this maps the rest (unknown keys, wrong types) without touching zod's
 * global locale, which other parts of the app share.
 */
import type { z } from 'zod';

export function describeIssue(issue: z.core.$ZodIssue, labels: Readonly<Record<string, string>> = {}): string {
  const path = issue.path.map(String).join('.');
  const label = labels[path] ?? labels[issue.path.slice(0, -1).map(String).join('.')];
  const where = label ? `${label}（${path}）` : path;
  const message =
    issue.code === 'unrecognized_keys'
      ? `未知的字段：${issue.keys.join('、')}`
      : issue.code === 'invalid_type' && /^(Invalid input|expected)/i.test(issue.message)
        ? `类型不正确，应为${issue.expected}`
        : issue.message;
  return where ? `${where}：${message}` : message;
}
