/**
 * Type, number, mode, time, place, chair and recorder of a meeting.
 * Times are native `<input type="datetime-local">`: the value is exactly the contract's
 * `YYYY-MM-DDTHH:mm`, the browser shows a localised picker, and end-to-end tests can
 * `fill('2025-03-18T09:30')` without driving a popup calendar.
 */
import { Button, Checkbox, Col, Input, Radio, Row, Select } from 'antd';
import { MEETING_MODES, MEETING_TYPES } from '../../db/contract';
import { Field } from './field';
import { memberLabel, type MeetingSectionProps } from './meeting-section-props';

/** Who chairs by right; anyone else chairs only when the leader delegates (委托). */
const LEADER_ROLES = new Set(['leader', 'secretary']);

export function MeetingBasics({
  form,
  setForm,
  errors,
  roster,
  suggestedRecorder,
}: MeetingSectionProps & { suggestedRecorder?: string }) {
  // The designated recorder (专人记录) is on the organisation's record: offered, never filled
  // in silently (opening an editor must not create a draft by itself).
  const offer = !form.recorder && suggestedRecorder ? suggestedRecorder : null;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="会议类型" htmlFor="meeting-type" name="type" errors={errors} required>
            <Radio.Group
              id="meeting-type"
              aria-label="会议类型"
              optionType="button"
              value={form.type}
              onChange={(e) => setForm({ type: e.target.value as MeetingSectionProps['form']['type'] })}
              options={Object.entries(MEETING_TYPES).map(([value, label]) => ({ value, label }))}
            />
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field label="第几次会议（本届）" htmlFor="meeting-number" name="number" errors={errors} required>
            <Input
              id="meeting-number"
              data-testid="meeting-number"
              autoFocus
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              prefix="第"
              suffix="次"
              value={form.number}
              onChange={(e) => setForm({ number: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field label="会议形式" htmlFor="meeting-mode" name="mode" errors={errors} required>
            <Radio.Group
              id="meeting-mode"
              aria-label="会议形式"
              value={form.mode}
              onChange={(e) => setForm({ mode: e.target.value as MeetingSectionProps['form']['mode'] })}
              options={Object.entries(MEETING_MODES).map(([value, label]) => ({ value, label }))}
            />
          </Field>
        </Col>
      </Row>
      <Field label="会议名称（可不填）" htmlFor="meeting-title" name="title" errors={errors}>
        <Input
          id="meeting-title"
          data-testid="meeting-title"
          maxLength={200}
          value={form.title}
          onChange={(e) => setForm({ title: e.target.value })}
        />
      </Field>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="开始时间" htmlFor="meeting-start" name="startAt" errors={errors} required>
            <Input
              id="meeting-start"
              data-testid="meeting-start"
              type="datetime-local"
              step={60}
              value={form.startAt}
              onChange={(e) => setForm({ startAt: e.target.value })}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label="结束时间" htmlFor="meeting-end" name="endAt" errors={errors} required>
            <Input
              id="meeting-end"
              data-testid="meeting-end"
              type="datetime-local"
              step={60}
              value={form.endAt}
              onChange={(e) => setForm({ endAt: e.target.value })}
            />
          </Field>
        </Col>
      </Row>
      <Field
        label={form.mode === 'onsite' ? '会议地点' : '会议地点（通讯形式可不填）'}
        htmlFor="meeting-place"
        name="place"
        errors={errors}
        required={form.mode === 'onsite'}
      >
        <Input
          id="meeting-place"
          data-testid="meeting-place"
          maxLength={200}
          value={form.place}
          onChange={(e) => setForm({ place: e.target.value })}
        />
      </Field>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label="主持人" htmlFor="meeting-chair" name="chairId" errors={errors} required>
            <Select
              id="meeting-chair"
              data-testid="meeting-chair"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="从成员名册中选择"
              value={form.chairId || undefined}
              onChange={(v: string) => setForm({ chairId: v })}
              options={roster.map((m) => ({ value: m.memberId, label: memberLabel(m) }))}
            />
          </Field>
          {form.chairId && !LEADER_ROLES.has(roster.find((m) => m.memberId === form.chairId)?.role ?? '') && (
            <Checkbox
              data-testid="chair-delegated"
              checked={form.chairDelegated}
              style={{ marginTop: -8, marginBottom: 16 }}
              onChange={(e) => setForm({ chairDelegated: e.target.checked })}
            >
              受组长（书记）委托主持
            </Checkbox>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Field
            label="记录人"
            htmlFor="meeting-recorder"
            name="recorder"
            errors={errors}
            required
            extra={
              offer && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setForm({ recorder: offer })}>
                  填入登记的记录人：{offer}
                </Button>
              )
            }
          >
            <Input
              id="meeting-recorder"
              data-testid="meeting-recorder"
              maxLength={50}
              value={form.recorder}
              onChange={(e) => setForm({ recorder: e.target.value })}
            />
          </Field>
        </Col>
      </Row>
    </>
  );
}
