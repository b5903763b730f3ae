/**
 * Attendance taken from the roster on the meeting date: each active member is 实到 or
 * 缺席 (one switch, no third state), and an absent member needs a 请假说明. 列席 guests are
 * free names, shown as not counted and not voting.
 */
import { Alert, Button, Col, Flex, Input, Row, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Field } from './field';
import { removeAt, replaceAt, type MeetingSectionProps } from './meeting-section-props';

export function MeetingAttendance({
  form,
  setForm,
  errors,
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
        const noteKey = `leaveNote.${m.memberId}`;
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
                <Field
                  label={`请假说明（${m.person.name}）`}
                  htmlFor={`leave-note-${m.memberId}`}
                  name={noteKey}
                  errors={errors}
                  required
                >
                  <Input.TextArea
                    id={`leave-note-${m.memberId}`}
                    data-testid={`leave-note-${m.memberId}`}
                    maxLength={500}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    value={form.leaveNotes[m.memberId] ?? ''}
                    onChange={(e) =>
                      setForm((f) => ({ ...f, leaveNotes: { ...f.leaveNotes, [m.memberId]: e.target.value } }))
                    }
                  />
                </Field>
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
      {form.guests.map((g, i) => (
        <Row gutter={8} key={i} align="bottom">
          <Col xs={24} md={10}>
            <Field
              label={`列席人员 ${i + 1} 姓名`}
              htmlFor={`guest-name-${i}`}
              name={`guests.${i}.name`}
              errors={errors}
              required
            >
              <Input
                id={`guest-name-${i}`}
                data-testid={`guest-name-${i}`}
                maxLength={50}
                value={g.name}
                onChange={(e) => setForm((f) => ({ ...f, guests: replaceAt(f.guests, i, { name: e.target.value }) }))}
              />
            </Field>
          </Col>
          <Col xs={24} md={11}>
            <Field
              label={`列席人员 ${i + 1} 单位（可不填）`}
              htmlFor={`guest-unit-${i}`}
              name={`guests.${i}.unit`}
              errors={errors}
            >
              <Input
                id={`guest-unit-${i}`}
                data-testid={`guest-unit-${i}`}
                maxLength={100}
                value={g.unit}
                onChange={(e) => setForm((f) => ({ ...f, guests: replaceAt(f.guests, i, { unit: e.target.value }) }))}
              />
            </Field>
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
