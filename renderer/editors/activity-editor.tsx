/**
 * Activities (主题党日, 学习, 党课, 志愿服务, 调研, 其他): participants are ticked from the
 * roster on the activity's date; people outside the organisation go in 其他参加人员.
 * Dates are native `<input type="date">` (value `YYYY-MM-DD`, fillable from tests).
 */
import { Checkbox, Col, Flex, Input, Radio, Row, Typography } from 'antd';
import {
  ACTIVITY_TYPES,
  activityInput,
  dateString,
  type ActivityInput,
  type ActivityType,
  type MemberView,
} from '../../db/contract';
import { LongText } from '../forms/long-text';
import { useApi } from '../api-context';
import { DutyPicker, dutiesOf, dutyLabels, type DutyForm } from '../ledger/duty-picker';
import { AttachmentsField } from './attachments-field';
import { activityLiveCheck } from './entry-check-input';
import { EntryEditorFrame, type Checked, type FrameSection } from './entry-editor-frame';
import { Field } from './field';
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

function ActivityFields({ form, setForm, errors, roster, bookId }: FrameSection<ActivityForm> & { bookId: string }) {
  const text = (key: 'title' | 'place' | 'organizer', label: string, max: number) => (
    <Field label={label} htmlFor={`activity-${key}`} name={key} errors={errors} required>
      <Input
        id={`activity-${key}`}
        data-testid={`activity-${key}`}
        maxLength={max}
        value={form[key]}
        autoFocus={key === 'title'}
        onChange={(e) => setForm({ [key]: e.target.value })}
      />
    </Field>
  );
  const prose = (key: 'otherParticipants' | 'content' | 'outcome', label: string, rows: number, required = false) => (
    <Field label={label} htmlFor={`activity-${key}`} name={key} errors={errors} required={required}>
      <LongText
        schema={activityInput.shape[key]}
        id={`activity-${key}`}
        data-testid={`activity-${key}`}
        autoSize={{ minRows: rows }}
        value={form[key]}
        onChange={(e) => setForm({ [key]: e.target.value })}
      />
    </Field>
  );
  return (
    <>
      <Field label="活动类型" htmlFor="activity-type" name="type" errors={errors} required>
        <Radio.Group
          id="activity-type"
          data-testid="activity-type"
          aria-label="活动类型"
          optionType="button"
          value={form.type}
          onChange={(e) => setForm({ type: e.target.value as ActivityType })}
          options={Object.entries(ACTIVITY_TYPES).map(([value, label]) => ({ value, label }))}
        />
      </Field>
      {text('title', '活动名称', 200)}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="活动日期" htmlFor="activity-date" name="date" errors={errors} required>
            <Input
              id="activity-date"
              data-testid="activity-date"
              type="date"
              value={form.date}
              onChange={(e) => setForm({ date: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label="结束日期（多日活动填写）" htmlFor="activity-endDate" name="endDate" errors={errors}>
            <Input
              id="activity-endDate"
              data-testid="activity-endDate"
              type="date"
              value={form.endDate}
              onChange={(e) => setForm({ endDate: e.target.value })}
            />
          </Field>
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
      <Field
        label={`参加成员（已选 ${form.participantIds.filter((id) => roster.some((m) => m.memberId === id)).length} 人）`}
        name="participantIds"
        errors={errors}
      >
        {roster.length === 0 ? (
          <Typography.Text type="secondary">活动当天的成员名册中没有在任成员。请先填写活动日期。</Typography.Text>
        ) : (
          <Flex wrap gap={12} role="group" aria-label="参加成员">
            {roster.map((m) => (
              <Checkbox
                key={m.memberId}
                data-testid={`participant-${m.memberId}`}
                checked={form.participantIds.includes(m.memberId)}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    participantIds: e.target.checked
                      ? [...f.participantIds.filter((id) => id !== m.memberId), m.memberId]
                      : f.participantIds.filter((id) => id !== m.memberId),
                  }))
                }
              >
                {m.person.name}（{m.roleLabel}）
              </Checkbox>
            ))}
          </Flex>
        )}
      </Field>
      {prose('otherParticipants', '其他参加人员（非本组织成员，可不填）', 2)}
      {prose('content', '活动内容', 6, true)}
      {prose('outcome', '活动成效（可不填）', 3)}
      <DutyPicker kind="activity" form={form} setForm={setForm} />
      <Field label="附件（照片、扫描件等）" htmlFor="attachments-input" name="attachments" errors={errors}>
        <AttachmentsField
          bookId={bookId}
          value={form.attachments}
          onChange={(update) => setForm((f) => ({ ...f, attachments: update(f.attachments) }))}
        />
      </Field>
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
