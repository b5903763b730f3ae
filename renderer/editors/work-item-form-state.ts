/**
 * Work items are a discriminated union (`workItemInput`): each type has its own required
 * fields. The draft keeps one flat record of every field so switching the type while
 * typing loses nothing; `FIELDS[type]` decides what is shown and what is sent.
 */
import { dutiesOf, type DutyForm } from '../ledger/duty-picker';
import {
  EVENT_KINDS,
  MAJOR_CATEGORIES,
  workItemInput,
  type MemberView,
  type WorkItemInput,
  type WorkItemType,
} from '../../db/contract';
import type { Checked } from './entry-editor-frame';
import { numberOrUndefined, problemsFrom, textOrUndefined } from './form-values';

export interface WorkItemForm {
  type: WorkItemType;
  title: string;
  date: string;
  attachments: WorkItemInput['attachments'];
  to: string;
  matter: string;
  reply: string;
  year: string;
  reporterId: string;
  work: string;
  problems: string;
  plan: string;
  event: string;
  eventKind: string;
  assessment: string;
  category: string;
  amountYuan: string;
  deliberation: string;
  outcome: string;
  meetingSeq: string;
  newTermStart: string;
  newTermEnd: string;
  content: string;
  approvalDocNo: string;
  note: string;
  duties?: DutyForm['duties'];
}

export type SpecKey = Exclude<keyof WorkItemForm, 'type' | 'title' | 'date' | 'attachments' | 'duties'>;

export type FieldKind = 'line' | 'prose' | 'date' | 'year' | 'money' | 'member' | 'meeting' | 'choice';

export interface FieldSpec {
  key: SpecKey;
  label: string;
  kind: FieldKind;
  required: boolean;
  max?: number;
  choices?: Record<string, string>;
  hint?: string;
}

export { EVENT_KINDS, MAJOR_CATEGORIES };

export const FIELDS: Record<WorkItemType, FieldSpec[]> = {
  report: [
    { key: 'to', label: '报送对象', kind: 'line', required: true, max: 100 },
    { key: 'matter', label: '请示报告事项', kind: 'prose', required: true },
    { key: 'reply', label: '批复意见（收到后填写，可不填）', kind: 'prose', required: false },
  ],
  'annual-report': [
    { key: 'year', label: '述职年度', kind: 'year', required: true },
    { key: 'reporterId', label: '述职人', kind: 'member', required: true },
    { key: 'work', label: '本年度工作情况', kind: 'prose', required: true },
    { key: 'problems', label: '存在问题', kind: 'prose', required: true },
    { key: 'plan', label: '下一年度工作计划', kind: 'prose', required: true },
  ],
  'annual-summary': [
    { key: 'year', label: '总结年度', kind: 'year', required: true },
    { key: 'work', label: '本年度党建工作情况', kind: 'prose', required: true },
    { key: 'problems', label: '存在问题', kind: 'prose', required: true },
    { key: 'plan', label: '下一年度工作打算', kind: 'prose', required: true },
  ],
  ideology: [
    { key: 'event', label: '会议 / 活动名称', kind: 'line', required: true, max: 200 },
    { key: 'eventKind', label: '事项类别', kind: 'choice', required: true, choices: EVENT_KINDS },
    { key: 'assessment', label: '意识形态研判意见', kind: 'prose', required: true },
    { key: 'plan', label: '舆情应对预案', kind: 'prose', required: true },
  ],
  'major-matter': [
    { key: 'category', label: '事项类别', kind: 'choice', required: true, choices: MAJOR_CATEGORIES },
    { key: 'amountYuan', label: '涉及金额（元，可不填）', kind: 'money', required: false },
    { key: 'deliberation', label: '集体研究讨论情况', kind: 'prose', required: true },
    { key: 'outcome', label: '研究结果', kind: 'prose', required: true },
    { key: 'meetingSeq', label: '研究该事项的会议（可不选）', kind: 'meeting', required: false },
  ],
  're-election': [
    { key: 'newTermStart', label: '新一届任期开始', kind: 'date', required: true },
    { key: 'newTermEnd', label: '新一届任期结束', kind: 'date', required: true },
    { key: 'content', label: '换届工作情况', kind: 'prose', required: true },
    { key: 'approvalDocNo', label: '批复文号（可不填）', kind: 'line', required: false, max: 100 },
  ],
  filing: [
    { key: 'meetingSeq', label: '备案的会议', kind: 'meeting', required: true },
    { key: 'to', label: '报送对象', kind: 'line', required: true, max: 100, hint: '如：科技社团党委' },
    { key: 'note', label: '备注（可不填）', kind: 'prose', required: false },
  ],
  other: [{ key: 'content', label: '工作内容', kind: 'prose', required: true }],
};

export function emptyWorkItemForm(): WorkItemForm {
  return {
    type: 'report',
    title: '',
    date: '',
    attachments: [],
    to: '',
    matter: '',
    reply: '',
    year: '',
    reporterId: '',
    work: '',
    problems: '',
    plan: '',
    event: '',
    eventKind: '',
    assessment: '',
    category: '',
    amountYuan: '',
    deliberation: '',
    outcome: '',
    meetingSeq: '',
    newTermStart: '',
    newTermEnd: '',
    content: '',
    approvalDocNo: '',
    note: '',
  };
}

function valueFor(spec: FieldSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'year':
    case 'money':
    case 'meeting':
      return numberOrUndefined(raw);
    case 'choice':
    case 'member':
      return raw || undefined;
    case 'line':
      return spec.required ? raw : textOrUndefined(raw);
    default:
      return raw;
  }
}

/** The union member for the chosen type, only its own fields: what the schema and the seal see. */
export function workItemDraftInput(form: WorkItemForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: form.type,
    title: form.title,
    date: form.date,
    attachments: form.attachments,
  };
  if (dutiesOf(form)) out.duties = dutiesOf(form);
  for (const spec of FIELDS[form.type]) {
    const v = valueFor(spec, form[spec.key]);
    if (v !== undefined) out[spec.key] = v;
  }
  return out;
}

export function checkWorkItem(form: WorkItemForm, _roster: readonly MemberView[]): Checked<WorkItemInput> {
  const parsed = workItemInput.safeParse(workItemDraftInput(form));
  if (parsed.success) return { ok: true, input: parsed.data };
  // The shared labels are generic (`plan` is 下一步计划); name the field as this type's form does.
  const specs = FIELDS[form.type];
  return {
    ok: false,
    problems: problemsFrom(parsed.error, (path) => {
      const spec = specs.find((s) => s.key === path);
      return spec ? { key: path, label: spec.label.replace(/（.*）$/, '') } : undefined;
    }),
  };
}
