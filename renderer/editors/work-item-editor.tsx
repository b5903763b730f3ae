/**
 * Work items (请示报告, 述职, 意识形态研判/舆情应对预案, 三重一大, 换届, 会议纪要备案, 其他).
 * Each type shows only its own required fields; the draft keeps all of them.
 */
import type { ReactNode } from 'react';
import { Col, Input, Radio, Row } from 'antd';
import {
  WORK_ITEM_TYPES,
  dateString,
  type EntrySummary,
  type MemberView,
  type WorkItemInput,
  type WorkItemType,
} from '../../db/contract';
import { useApi } from '../api-context';
import { DutyPicker, dutyLabels } from '../ledger/duty-picker';
import { AttachmentsField } from './attachments-field';
import { workLiveCheck } from './entry-check-input';
import { EntryEditorFrame, type FrameSection } from './entry-editor-frame';
import { Field } from './field';
import { Prose, SummaryTable, attachmentsText, orEmpty, type SummaryRow } from './summary-parts';
import type { EditorProps } from './types';
import { memberName } from './use-book-context';
import { meetingEntryLabel, useMeetingEntries } from './use-meeting-entries';
import { WorkItemFields } from './work-item-fields';
import { FIELDS, checkWorkItem, emptyWorkItemForm, type WorkItemForm } from './work-item-form-state';

const dateOf = (f: WorkItemForm) => (dateString.safeParse(f.date).success ? f.date : undefined);
const titleOf = (f: WorkItemForm) => f.title.trim() || WORK_ITEM_TYPES[f.type];

function CommonFields({
  form,
  setForm,
  errors,
  bookId,
  children,
}: FrameSection<WorkItemForm> & { bookId: string; children: ReactNode }) {
  return (
    <>
      <Field label="工作类型" htmlFor="work-type" name="type" errors={errors} required>
        <Radio.Group
          id="work-type"
          data-testid="work-type"
          aria-label="工作类型"
          optionType="button"
          value={form.type}
          onChange={(e) => setForm({ type: e.target.value as WorkItemType })}
          options={Object.entries(WORK_ITEM_TYPES).map(([value, label]) => ({ value, label }))}
        />
      </Field>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Field label="标题" htmlFor="work-title" name="title" errors={errors} required>
            <Input
              id="work-title"
              data-testid="work-title"
              autoFocus
              maxLength={200}
              value={form.title}
              onChange={(e) => setForm({ title: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field label="日期" htmlFor="work-date" name="date" errors={errors} required>
            <Input
              id="work-date"
              data-testid="work-date"
              type="date"
              value={form.date}
              onChange={(e) => setForm({ date: e.target.value })}
            />
          </Field>
        </Col>
      </Row>
      {children}
      {form.type !== 'filing' && <DutyPicker kind="work" form={form} setForm={setForm} />}
      <Field label="附件（报告原件、批复扫描件等）" htmlFor="attachments-input" name="attachments" errors={errors}>
        <AttachmentsField
          bookId={bookId}
          value={form.attachments}
          onChange={(update) => setForm((f) => ({ ...f, attachments: update(f.attachments) }))}
        />
      </Field>
    </>
  );
}

function summaryValue(input: Record<string, unknown>, key: string, roster: MemberView[], meetings: EntrySummary[]) {
  const spec = Object.values(FIELDS)
    .flat()
    .find((s) => s.key === key);
  const raw = input[key];
  if (raw === undefined || raw === '') return orEmpty(undefined);
  const v = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
  switch (spec?.kind) {
    case 'prose':
      return <Prose text={v} />;
    case 'member':
      return memberName(roster, v);
    case 'choice':
      return spec.choices?.[v] ?? v;
    case 'money':
      return `${Number(raw).toLocaleString('zh-CN')} 元`;
    case 'meeting': {
      const e = meetings.find((m) => m.seq === raw);
      return e ? meetingEntryLabel(e) : `第 ${String(v)} 条`;
    }
    default:
      return v;
  }
}

export function WorkItemEditor(props: EditorProps) {
  const api = useApi();
  const meetings = useMeetingEntries(props.bookId);
  return (
    <EntryEditorFrame<WorkItemForm, WorkItemInput>
      {...props}
      kind="work"
      wrapper="item"
      heading="工作记录"
      empty={emptyWorkItemForm}
      titleOf={titleOf}
      dateOf={dateOf}
      check={checkWorkItem}
      commit={(item) => api['work.seal']({ bookId: props.bookId, requestId: props.draftId, item })}
      liveCheck={workLiveCheck}
      sealedCheck={(item) => ({ kind: 'work', item })}
      renderFields={(section) => (
        <CommonFields {...section} bookId={props.bookId}>
          <WorkItemFields {...section} meetings={meetings.items} meetingsError={meetings.error} />
        </CommonFields>
      )}
      renderSummary={(item, roster) => {
        const body = item as unknown as Record<string, unknown>;
        const rows: SummaryRow[] = [
          { label: '工作类型', value: WORK_ITEM_TYPES[item.type] },
          { label: '标题', value: item.title },
          { label: '日期', value: item.date },
          ...FIELDS[item.type].map((s) => ({
            label: s.label.replace(/（.*）$/, ''),
            value: summaryValue(body, s.key, roster, meetings.items),
          })),
          { label: '附件', value: attachmentsText(item.attachments) },
          ...(item.type === 'filing' ? [] : [{ label: '体现的职责', value: dutyLabels(item.duties) }]),
        ];
        return <SummaryTable rows={rows} />;
      }}
    />
  );
}
