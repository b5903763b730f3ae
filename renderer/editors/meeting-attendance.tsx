/**
 * Attendance taken from the roster on the meeting date: each active member is 实到 or
 * 缺席 (one switch, no third state), and an absent member needs a 请假说明. 列席 guests are
 * free names, shown as not counted and not voting.
 */
import { Alert, Button, Col, Flex, Form, Input, Row, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { absence, guest } from '../../db/contract';
import { zodRule } from '../forms/zod-form';
import { removeAt, type MeetingSectionProps } from './meeting-section-props';

export function MeetingAttendance({
  form,
  setForm,
  groupErrors: errors,
  roster,
  loading,
}: MeetingSectionProps & { loading: boolean }) {
  const absent = new Set(form.absentIds);
  const presentCount = roster.filter((m) => !absent.has(m.memberId)).length;

  const setPresent = (memberId: string, present: boolean) =>
    setForm((f) => ({
      ...f,
      absentIds: present
        ? f.absentIds.filter((id) => id !== memberId)
        : [...f.absentIds.filter((id) => id !== memberId), memberId],
    }));

  return (
    <section aria-labelledby="attendance-heading">
      <Typography.Title level={5} id="attendance-heading">
        出席情况（应到 {roster.length} 人，实到 {presentCount} 人，缺席 {roster.length - presentCount} 人）
      </Typography.Title>
      {errors.attendance && <Alert type="error" showIcon title={errors.attendance} style={{ marginBottom: 8 }} />}
      {roster.length === 0 && !loading && (
        <Alert
          type="info"
          showIcon
          title="会议日期当天的成员名册中没有在任成员。请先填写开始时间，或在“成员”中登记成员。"
        />
      )}
      {roster.map((m) => {
        const isPresent = !absent.has(m.memberId);
        return (
          <div key={m.memberId} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', padding: '8px 0' }}>
            <Flex align="center" gap={12} wrap>
              <Switch
                id={`attendance-${m.memberId}`}
                data-testid={`attendance-${m.memberId}`}
                checked={isPresent}
                checkedChildren="实到"
                unCheckedChildren="缺席"
                aria-label={`${m.person.name}是否实到`}
                onChange={(checked) => setPresent(m.memberId, checked)}
              />
              <label htmlFor={`attendance-${m.memberId}`}>
                <Typography.Text strong>{m.person.name}</Typography.Text>
                <Typography.Text type="secondary">（{m.roleLabel}）</Typography.Text>
              </label>
              {!isPresent && <Tag color="orange">缺席</Tag>}
            </Flex>
            {!isPresent && (
              <div style={{ marginTop: 8, marginInlineStart: 56 }}>
                <Form.Item
                  name={['leaveNotes', m.memberId]}
                  label={`请假说明（${m.person.name}）`}
                  htmlFor={`leave-note-${m.memberId}`}
                  rules={[zodRule(absence.shape.leaveNote, true)]}
                >
                  <Input.TextArea
                    id={`leave-note-${m.memberId}`}
                    data-testid={`leave-note-${m.memberId}`}
                    maxLength={500}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                  />
                </Form.Item>
              </div>
            )}
          </div>
        );
      })}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        列席人员
      </Typography.Title>
      <Typography.Paragraph type="secondary">列席人员不计入应到、实到人数，没有表决权。</Typography.Paragraph>
      {errors.guests && <Alert type="error" showIcon title={errors.guests} style={{ marginBottom: 8 }} />}
      {form.guests.map((_, i) => (
        <Row gutter={8} key={i} align="bottom">
          <Col xs={24} md={10}>
            <Form.Item
              name={['guests', i, 'name']}
              label={`列席人员 ${i + 1} 姓名`}
              htmlFor={`guest-name-${i}`}
              rules={[zodRule(guest.shape.name, true)]}
            >
              <Input id={`guest-name-${i}`} data-testid={`guest-name-${i}`} maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={11}>
            <Form.Item
              name={['guests', i, 'unit']}
              label={`列席人员 ${i + 1} 单位（可不填）`}
              htmlFor={`guest-unit-${i}`}
              rules={[zodRule(guest.shape.unit)]}
            >
              <Input id={`guest-unit-${i}`} data-testid={`guest-unit-${i}`} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={3}>
            <Flex align="center" gap={4} style={{ marginBottom: 24 }}>
              <Tag>不计人数</Tag>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除列席人员 ${i + 1}`}
                onClick={() => setForm((f) => ({ ...f, guests: removeAt(f.guests, i) }))}
              />
            </Flex>
          </Col>
        </Row>
      ))}
      <Button
        icon={<PlusOutlined />}
        data-testid="guest-add"
        onClick={() => setForm((f) => ({ ...f, guests: [...f.guests, { name: '', unit: '' }] }))}
      >
        添加列席人员
      </Button>
    </section>
  );
}
