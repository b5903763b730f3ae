/**
 * Work items (请示报告, 述职, 意识形态研判/舆情应对预案, 三重一大, 换届, 会议纪要备案, 其他).
 * Each type shows only its own required fields; the draft keeps all of them.
 */
import type { ReactNode } from 'react';
import { Col, Form, Input, Radio, Row } from 'antd';
import {
  WORK_ITEM_TYPES,
  dateString,
  workItemInput,
  type EntrySummary,
  type MemberView,
  type WorkItemInput,
} from '../../db/contract';
import { useApi } from '../api-context';
import { DutyPicker, dutyLabels } from '../ledger/duty-picker';
import { AttachmentsField } from './attachments-field';
import { workLiveCheck } from './entry-check-input';
import { EntryEditorFrame, type FrameSection } from './entry-editor-frame';
import { chooseRule, zodRule } from '../forms/zod-form';
import { Prose, SummaryTable, attachmentsText, orEmpty, type SummaryRow } from './summary-parts';
import type { EditorProps } from './types';
import { memberName } from './use-book-context';
import { meetingEntryLabel, useMeetingEntries } from './use-meeting-entries';
import { WorkItemFields } from './work-item-fields';
import { FIELDS, checkWorkItem, emptyWorkItemForm, type WorkItemForm } from './work-item-form-state';

const dateOf = (f: WorkItemForm) => (dateString.safeParse(f.date).success ? f.date : undefined);
const titleOf = (f: WorkItemForm) => f.title.trim() || WORK_ITEM_TYPES[f.type];

/** The fields every type shares, with the contract's own schemas for them. */
const common = workItemInput.options[0].shape;

function CommonFields({
  form,
  setForm,
  bookId,
  children,
}: FrameSection<WorkItemForm> & { bookId: string; children: ReactNode }) {
  return (
    <>
      <Form.Item name="type" label="工作类型" htmlFor="work-type" rules={[chooseRule()]}>
        <Radio.Group
          id="work-type"
          data-testid="work-type"
          aria-label="工作类型"
          optionType="button"
          options={Object.entries(WORK_ITEM_TYPES).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="title" label="标题" htmlFor="work-title" rules={[zodRule(common.title, true)]}>
            <Input id="work-title" data-testid="work-title" autoFocus maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="date" label="日期" htmlFor="work-date" rules={[zodRule(common.date, true)]}>
            <Input id="work-date" data-testid="work-date" type="date" />
          </Form.Item>
        </Col>
      </Row>
      {children}
      {form.type !== 'filing' && <DutyPicker kind="work" form={form} setForm={setForm} />}
      <Form.Item name="attachments" label="附件（报告原件、批复扫描件等）" htmlFor="attachments-input">
        <AttachmentsField bookId={bookId} />
      </Form.Item>
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
          <WorkItemFields
            type={section.form.type}
            roster={section.roster}
            meetings={meetings.items}
            meetingsError={meetings.error}
          />
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
