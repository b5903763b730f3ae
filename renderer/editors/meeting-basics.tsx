/**
 * Type, number, mode, time, place, chair and recorder of a meeting.
 * Times are native `<input type="datetime-local">`: the value is exactly the contract's
 * `YYYY-MM-DDTHH:mm`, the browser shows a localised picker, and end-to-end tests can
 * `fill('2025-03-18T09:30')` without driving a popup calendar.
 */
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { MEETING_MODES, MEETING_TYPES, meetingInput } from '../../db/contract';
import { CHOOSE, chooseRule, zodRule } from '../forms/zod-form';
import { memberLabel, typedNumber, type MeetingSectionProps } from './meeting-section-props';

/** Who chairs by right; anyone else chairs only when the leader delegates (委托). */
const LEADER_ROLES = new Set(['leader', 'secretary']);

const shape = meetingInput.shape;
/** A select shows nothing picked for '' (the draft's empty value). */
const picked = { getValueProps: (v: unknown) => ({ value: v || undefined }) };

export function MeetingBasics({
  form,
  setForm,
  roster,
  suggestedRecorder,
}: MeetingSectionProps & { suggestedRecorder?: string }) {
  // The designated recorder (专人记录) is on the organisation's record: offered, never filled
  // in silently (opening an editor must not create a draft by itself).
  const offer = !form.recorder && suggestedRecorder ? suggestedRecorder : null;
  const onsite = form.mode === 'onsite';
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label="会议类型" htmlFor="meeting-type" rules={[chooseRule()]}>
            <Radio.Group
              id="meeting-type"
              aria-label="会议类型"
              optionType="button"
              options={Object.entries(MEETING_TYPES).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="number"
            label="第几次会议（本届）"
            htmlFor="meeting-number"
            rules={[zodRule(shape.number, true, typedNumber)]}
          >
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
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="mode" label="会议形式" htmlFor="meeting-mode" rules={[chooseRule()]}>
            <Radio.Group
              id="meeting-mode"
              aria-label="会议形式"
              options={Object.entries(MEETING_MODES).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label="会议名称（可不填）" htmlFor="meeting-title" rules={[zodRule(shape.title)]}>
        <Input id="meeting-title" data-testid="meeting-title" maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startAt" label="开始时间" htmlFor="meeting-start" rules={[zodRule(shape.startAt, true)]}>
            <Input id="meeting-start" data-testid="meeting-start" type="datetime-local" step={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="endAt" label="结束时间" htmlFor="meeting-end" rules={[zodRule(shape.endAt, true)]}>
            <Input id="meeting-end" data-testid="meeting-end" type="datetime-local" step={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="place"
        label={onsite ? '会议地点' : '会议地点（通讯形式可不填）'}
        htmlFor="meeting-place"
        rules={[zodRule(shape.place, onsite)]}
      >
        <Input id="meeting-place" data-testid="meeting-place" maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="chairId"
            label="主持人"
            htmlFor="meeting-chair"
            rules={[{ required: true, message: CHOOSE }]}
            {...picked}
          >
            <Select
              id="meeting-chair"
              data-testid="meeting-chair"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="从成员名册中选择"
              options={roster.map((m) => ({ value: m.memberId, label: memberLabel(m) }))}
            />
          </Form.Item>
          {form.chairId && !LEADER_ROLES.has(roster.find((m) => m.memberId === form.chairId)?.role ?? '') && (
            <Form.Item name="chairDelegated" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox data-testid="chair-delegated">受组长（书记）委托主持</Checkbox>
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="recorder"
            label="记录人"
            htmlFor="meeting-recorder"
            rules={[zodRule(shape.recorder, true)]}
            extra={
              offer && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setForm({ recorder: offer })}>
                  填入登记的记录人：{offer}
                </Button>
              )
            }
          >
            <Input id="meeting-recorder" data-testid="meeting-recorder" maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
