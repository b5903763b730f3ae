/**
 * Activities (主题党日, 学习, 党课, 志愿服务, 调研, 其他): participants are ticked from the
 * roster on the activity's date; people outside the organisation go in 其他参加人员.
 * Dates are native `<input type="date">` (value `YYYY-MM-DD`, fillable from tests).
 */
import { Checkbox, Col, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import {
  ACTIVITY_TYPES,
  activityInput,
  dateString,
  type ActivityInput,
  type ActivityType,
  type MemberView,
} from '../../db/contract';
import { LongText } from '../forms/long-text';
import { chooseRule, zodRule } from '../forms/zod-form';
import { useApi } from '../api-context';
import { DutyPicker, dutiesOf, dutyLabels, type DutyForm } from '../ledger/duty-picker';
import { AttachmentsField } from './attachments-field';
import { activityLiveCheck } from './entry-check-input';
import { EntryEditorFrame, type Checked, type FrameSection } from './entry-editor-frame';
import { problemsFrom, textOrUndefined } from './form-values';
import { Prose, SummaryTable, attachmentsText, orEmpty } from './summary-parts';
import type { EditorProps } from './types';
import { memberName } from './use-book-context';

export interface ActivityForm {
  type: ActivityType;
  title: string;
  date: string;
  endDate: string;
  place: string;
  organizer: string;
  participantIds: string[];
  otherParticipants: string;
  content: string;
  outcome: string;
  attachments: ActivityInput['attachments'];
  duties?: DutyForm['duties'];
}

export function emptyActivityForm(): ActivityForm {
  return {
    type: 'theme-day',
    title: '',
    date: '',
    endDate: '',
    place: '',
    organizer: '',
    participantIds: [],
    otherParticipants: '',
    content: '',
    outcome: '',
    attachments: [],
  };
}

export function checkActivity(form: ActivityForm, roster: readonly MemberView[]): Checked<ActivityInput> {
  // Only members on the roster that day can be participants; a tick left from another date is dropped.
  const onRoster = new Set(roster.map((m) => m.memberId));
  const parsed = activityInput.safeParse({
    type: form.type,
    title: form.title,
    date: form.date,
    endDate: textOrUndefined(form.endDate),
    place: form.place,
    organizer: form.organizer,
    participantIds: form.participantIds.filter((id) => onRoster.has(id)),
    otherParticipants: form.otherParticipants,
    content: form.content,
    outcome: form.outcome,
    attachments: form.attachments,
    duties: dutiesOf(form),
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, problems: problemsFrom(parsed.error) };
}

const dateOf = (f: ActivityForm) => (dateString.safeParse(f.date).success ? f.date : undefined);
const titleOf = (f: ActivityForm) => f.title.trim() || ACTIVITY_TYPES[f.type];

const shape = activityInput.shape;

function ActivityFields({ form, setForm, roster, bookId }: FrameSection<ActivityForm> & { bookId: string }) {
  const text = (key: 'title' | 'place' | 'organizer', label: string, max: number) => (
    <Form.Item name={key} label={label} htmlFor={`activity-${key}`} rules={[zodRule(shape[key], true)]}>
      <Input id={`activity-${key}`} data-testid={`activity-${key}`} maxLength={max} autoFocus={key === 'title'} />
    </Form.Item>
  );
  const prose = (key: 'otherParticipants' | 'content' | 'outcome', label: string, rows: number, required = false) => (
    <Form.Item name={key} label={label} htmlFor={`activity-${key}`} rules={[zodRule(shape[key], required)]}>
      <LongText
        schema={shape[key]}
        id={`activity-${key}`}
        data-testid={`activity-${key}`}
        autoSize={{ minRows: rows }}
      />
    </Form.Item>
  );
  const ticked = form.participantIds.filter((id) => roster.some((m) => m.memberId === id)).length;
  return (
    <>
      <Form.Item name="type" label="活动类型" htmlFor="activity-type" rules={[chooseRule()]}>
        <Radio.Group
          id="activity-type"
          data-testid="activity-type"
          aria-label="活动类型"
          optionType="button"
          options={Object.entries(ACTIVITY_TYPES).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {text('title', '活动名称', 200)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="date" label="活动日期" htmlFor="activity-date" rules={[zodRule(dateString, true)]}>
            <Input id="activity-date" data-testid="activity-date" type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endDate"
            label="结束日期（多日活动填写）"
            htmlFor="activity-endDate"
            rules={[zodRule(dateString)]}
          >
            <Input id="activity-endDate" data-testid="activity-endDate" type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('place', '活动地点', 200)}
        </Col>
        <Col xs={24} md={12}>
          {text('organizer', '组织者', 100)}
        </Col>
      </Row>
      {roster.length === 0 ? (
        <Form.Item label={`参加成员（已选 ${ticked} 人）`}>
          <Typography.Text type="secondary">活动当天的成员名册中没有在任成员。请先填写活动日期。</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="participantIds" label={`参加成员（已选 ${ticked} 人）`}>
          <Checkbox.Group aria-label="参加成员">
            <Flex wrap gap={12} role="group" aria-label="参加成员">
              {roster.map((m) => (
                <Checkbox key={m.memberId} value={m.memberId} data-testid={`participant-${m.memberId}`}>
                  {m.person.name}（{m.roleLabel}）
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
      {prose('otherParticipants', '其他参加人员（非本组织成员，可不填）', 2)}
      {prose('content', '活动内容', 6, true)}
      {prose('outcome', '活动成效（可不填）', 3)}
      <DutyPicker kind="activity" form={form} setForm={setForm} />
      <Form.Item name="attachments" label="附件（照片、扫描件等）" htmlFor="attachments-input">
        <AttachmentsField bookId={bookId} />
      </Form.Item>
    </>
  );
}

function ActivitySummary({ a, roster }: { a: ActivityInput; roster: MemberView[] }) {
  return (
    <SummaryTable
      rows={[
        { label: '活动类型', value: ACTIVITY_TYPES[a.type] },
        { label: '活动名称', value: a.title },
        { label: '日期', value: a.endDate ? `${a.date} 至 ${a.endDate}` : a.date },
        { label: '地点', value: a.place },
        { label: '组织者', value: a.organizer },
        {
          label: `参加成员（${a.participantIds.length} 人）`,
          value: a.participantIds.length ? a.participantIds.map((id) => memberName(roster, id)).join('、') : '无',
        },
        { label: '其他参加人员', value: orEmpty(a.otherParticipants) },
        { label: '活动内容', value: <Prose text={a.content} /> },
        { label: '活动成效', value: <Prose text={a.outcome} /> },
        { label: '附件', value: attachmentsText(a.attachments) },
        { label: '体现的职责', value: dutyLabels(a.duties) },
      ]}
    />
  );
}

export function ActivityEditor(props: EditorProps) {
  const api = useApi();
  return (
    <EntryEditorFrame<ActivityForm, ActivityInput>
      {...props}
      kind="activity"
      wrapper="activity"
      heading="活动记录"
      empty={emptyActivityForm}
      titleOf={titleOf}
      dateOf={dateOf}
      check={checkActivity}
      commit={(activity) => api['activities.seal']({ bookId: props.bookId, requestId: props.draftId, activity })}
      liveCheck={activityLiveCheck}
      sealedCheck={(activity) => ({ kind: 'activity', activity })}
      renderFields={(section) => <ActivityFields {...section} bookId={props.bookId} />}
      renderSummary={(a, roster) => <ActivitySummary a={a} roster={roster} />}
    />
  );
}
