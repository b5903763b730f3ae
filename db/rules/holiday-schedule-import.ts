/**
 * Import of one year's holiday schedule, for years chinese-days does not cover.
 *
 * Format (JSON, UTF-8), copied by hand from the State Council General Office's notice
 * 《国务院办公厅关于××××年部分节假日安排的通知》:
 *
 * ```json
 * {
 *   "year": 2027,
 *   "source": "国办发明电〔2026〕X号",
 *   "holidays": [["2027-01-01", "2027-01-03", "元旦"], ["2027-02-05", "2027-02-13", "春节"]],
 *   "workdays": ["2027-02-14"]
 * }
 * ```
 * - `holidays`: inclusive ranges [first day off, last day off, name]; one day: same date twice.
 *   Weekends inside a range are listed too, as in the notice (「…至…放假调休，共×天」).
 * - `workdays`: the weekend days that are working days (「×月×日（周×）上班」).
 * Every date must lie in `year`, ranges may not overlap, a 调休 working day must be a Saturday
 * or Sunday and may not fall inside a holiday. Unknown fields are refused (catches typos).
 */
import { z } from 'zod';
import type { HolidaySchedule } from './holiday-calendar';
import type { Outcome, RuleError } from './outcome';
import { fail, succeed } from './outcome';
import { daysBetween, formatChineseDate, isIsoDate, isWeekend } from './iso-date';
import { describeIssue } from './zod-messages';

const MAX_TEXT = 100_000;
/** Longest holiday block ever granted is 10 days (2020 Spring Festival); 20 catches typos. */
const MAX_RANGE_DAYS = 20;

export interface ScheduleImportError extends RuleError {
  code: 'schedule-invalid';
  problems: string[];
}

/** Marks issues whose message already says where the problem is. */
const LOCATED = { located: true } as const;

const isoDate = z
  .string({ error: '日期应写成 "YYYY-MM-DD" 形式的文字' })
  .refine(isIsoDate, { error: (issue) => `“${String(issue.input)}”不是有效日期，应为 YYYY-MM-DD，例如 2027-01-01` });

const holidayRange = z.tuple(
  [
    isoDate,
    isoDate,
    z
      .string({ error: '节日名称应为文字' })
      .trim()
      .min(1, { error: '节日名称不能为空' })
      .max(20, { error: '节日名称过长' }),
  ],
  { error: '每项放假安排应写成 ["开始日期", "结束日期", "节日名称"]' },
);

const scheduleSchema = z
  .strictObject(
    {
      year: z
        .int({ error: '年份应为整数，例如 2027' })
        .min(2000, { error: '年份不能早于2000年' })
        .max(2100, { error: '年份不能晚于2100年' }),
      source: z
        .string({ error: '请填写来源文件（文号）' })
        .trim()
        .min(1, { error: '请填写来源文件（文号），例如 国办发明电〔2026〕X号' })
        .max(200, { error: '来源过长' }),
      holidays: z
        .array(holidayRange, { error: '放假安排应为列表' })
        .min(1, { error: '至少需要一项放假安排' })
        .max(30, { error: '放假安排过多' }),
      workdays: z.array(isoDate, { error: '调休上班日应为日期列表' }).max(30, { error: '调休上班日过多' }).default([]),
    },
    { error: '内容应为一个 JSON 对象，包含 year、source、holidays、workdays' },
  )
  .superRefine((s, ctx) => {
    // zod still runs this after a date failed its own check: cross-checks need real dates.
    if (![...s.holidays.flatMap(([from, to]) => [from, to]), ...s.workdays].every(isIsoDate)) return;
    const inYear = (d: string) => d.startsWith(`${s.year}-`);
    const ranges = s.holidays.map(([from, to, name], i) => ({ from, to, name, i }));
    for (const r of ranges) {
      const where = `第${r.i + 1}项放假安排（${r.name}）`;
      if (!inYear(r.from) || !inYear(r.to)) {
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['holidays', r.i],
          message: `${where}的日期不在${s.year}年内`,
        });
      } else if (r.to < r.from) {
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['holidays', r.i],
          message: `${where}的结束日期早于开始日期`,
        });
      } else if (daysBetween(r.from, r.to) + 1 > MAX_RANGE_DAYS) {
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['holidays', r.i],
          message: `${where}长达${daysBetween(r.from, r.to) + 1}天，请核对日期`,
        });
      }
    }
    const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
    sorted.forEach((r, k) => {
      const next = sorted[k + 1];
      if (next && next.from <= r.to) {
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['holidays', next.i],
          message: `第${r.i + 1}项放假安排（${r.name}）与第${next.i + 1}项（${next.name}）日期重叠`,
        });
      }
    });
    const seen = new Set<string>();
    s.workdays.forEach((d, i) => {
      const label = `调休上班日${formatChineseDate(d)}`;
      if (seen.has(d))
        ctx.addIssue({ code: 'custom', params: LOCATED, path: ['workdays', i], message: `${label}重复` });
      seen.add(d);
      if (!inYear(d))
        ctx.addIssue({ code: 'custom', params: LOCATED, path: ['workdays', i], message: `${label}不在${s.year}年内` });
      else if (!isWeekend(d))
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['workdays', i],
          message: `${label}不是周六或周日：工作日本来就上班，无须列出`,
        });
      const clash = ranges.find((r) => r.from <= d && d <= r.to);
      if (clash)
        ctx.addIssue({
          code: 'custom',
          params: LOCATED,
          path: ['workdays', i],
          message: `${label}落在放假安排（${clash.name}）之内`,
        });
    });
  });

const PATH_LABELS: Record<string, string> = {
  year: '年份',
  source: '来源',
  holidays: '放假安排',
  workdays: '调休上班日',
};

function labelPath(path: readonly PropertyKey[]): string {
  const [head, index, part] = path;
  const base = PATH_LABELS[String(head)] ?? String(head ?? '');
  if (typeof index !== 'number') return base;
  const item = `${base}第${index + 1}项`;
  return typeof part === 'number' ? `${item}的${['开始日期', '结束日期', '节日名称'][part] ?? ''}` : item;
}

/** Parses and validates a schedule; the error lists every problem in Chinese. */
export function parseHolidaySchedule(text: string): Outcome<HolidaySchedule, ScheduleImportError> {
  const invalid = (problems: string[]) =>
    fail<ScheduleImportError>({
      code: 'schedule-invalid',
      message: `节假日安排无法导入：${problems.join('；')}`,
      problems,
    });
  if (text.length > MAX_TEXT) return invalid(['内容过长']);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return invalid([`不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`]);
  }
  const parsed = scheduleSchema.safeParse(json);
  if (!parsed.success) {
    return invalid(
      parsed.error.issues.map((issue) => {
        const where = labelPath(issue.path);
        const message = describeIssue({ ...issue, path: [] });
        const located = issue.code === 'custom' && issue.params?.located === true;
        return where && !located ? `${where}：${message}` : message;
      }),
    );
  }
  return succeed(parsed.data);
}
