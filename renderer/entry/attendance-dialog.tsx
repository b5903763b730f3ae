/**
 * 更正出席情况: who was present and who absent only make sense together (moving one person
 * from 实到 to 缺席 changes both lists), so they are corrected in ONE `entries.correct` with
 * `changes`. The dialog starts from the reading in force (earlier corrections applied); the
 * service re-checks the attendance rules and its Chinese message is shown here.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Switch, Typography } from 'antd';
import type { MeetingInput } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage, type Api } from '../api';
import { useServiceQuery } from '../app/service-query';
import { absence, getAt } from '../../db/contract';
import { useRequestId } from '../app/use-request-id';
import { enterSubmits } from '../forms/enter-submit';

type Absence = MeetingInput['absent'][number];
export interface Attendance {
  presentIds: string[];
  absent: Absence[];
}
interface Row {
  memberId: string;
  present: boolean;
  leaveNote: string;
}
type Change = NonNullable<Parameters<Api['entries.correct']>[0]['changes']>[number];
interface Values {
  rows: Row[];
  reason?: string;
  by?: string;
}

export const PRESENT_FIELD = '/input/presentIds';
export const ABSENT_FIELD = '/input/absent';

/** 实到 and 缺席 of a (current) meeting body; missing lists read as empty. */
export function readAttendance(body: unknown): Attendance {
  const present = getAt(body, PRESENT_FIELD);
  const absent = getAt(body, ABSENT_FIELD);
  return {
    presentIds: Array.isArray(present) ? present.filter((id): id is string => typeof id === 'string') : [],
    absent: absence.array().safeParse(absent).data ?? [],
  };
}

/**
 * The fields that differ from `now`. People who stay in a list keep their place in it (and
 * any other keys of their absence), so an unchanged list compares equal and is not sent:
 * the service refuses a "correction" that changes nothing.
 */
export function attendanceChanges(now: Attendance, rows: Row[]): Change[] {
  const presentNow = new Set(rows.filter((r) => r.present).map((r) => r.memberId));
  const notes = new Map(rows.filter((r) => !r.present).map((r) => [r.memberId, r.leaveNote]));
  const presentIds = [
    ...now.presentIds.filter((id) => presentNow.has(id)),
    ...rows.filter((r) => r.present && !now.presentIds.includes(r.memberId)).map((r) => r.memberId),
  ];
  const absent: Absence[] = [
    ...now.absent.filter((a) => notes.has(a.memberId)).map((a) => ({ ...a, leaveNote: notes.get(a.memberId) ?? '' })),
    ...rows
      .filter((r) => !r.present && !now.absent.some((a) => a.memberId === r.memberId))
      .map((r) => ({ memberId: r.memberId, leaveNote: r.leaveNote })),
  ];
  const changes: Change[] = [];
  if (JSON.stringify(presentIds) !== JSON.stringify(now.presentIds))
    changes.push({ field: PRESENT_FIELD, value: presentIds });
  if (JSON.stringify(absent) !== JSON.stringify(now.absent)) changes.push({ field: ABSENT_FIELD, value: absent });
  return changes;
}

export interface AttendanceDialogProps {
  bookId: string;
  seq: number;
  /** The body with every correction applied (`EntryDetail.current`). */
  current: unknown;
  /** The meeting date: names are those on the roster that day. */
  date: string;
  /** Names from today's roster, for while the dated roster loads or if it fails. */
  fallbackNames: Map<string, string>;
  defaultBy?: string | undefined;
  onClose: () => void;
  onCorrected: (correctionSeq: number) => void;
}

export function AttendanceDialog(props: AttendanceDialogProps) {
  const { bookId, seq, current, date, fallbackNames, defaultBy, onClose, onCorrected } = props;
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const { requestId, renew } = useRequestId();
  const roster = useServiceQuery('members.list', { bookId, on: date });
  const now = useMemo(() => readAttendance(current), [current]);
  const initialRows = useMemo<Row[]>(() => {
    // Expected = everyone the meeting recorded, present or absent (each once).
    const ids = [...new Set([...now.presentIds, ...now.absent.map((a) => a.memberId)])];
    return ids.map((memberId) => ({
      memberId,
      present: now.presentIds.includes(memberId),
      leaveNote: now.absent.find((a) => a.memberId === memberId)?.leaveNote ?? '',
    }));
  }, [now]);
  const watched = Form.useWatch('rows', form) as Row[] | undefined;
  const rows = watched ?? initialRows;
  const dated = useMemo(() => new Map((roster.data ?? []).map((m) => [m.memberId, m.person.name])), [roster.data]);
  const name = (id: string) => dated.get(id) ?? fallbackNames.get(id) ?? id;

  const submit = async () => {
    let values: Values;
    try {
      await form.validateFields();
      // The whole store: validateFields answers only mounted fields, not rows' memberIds.
      values = form.getFieldsValue(true) as Values;
    } catch {
      return;
    }
    const changes = attendanceChanges(now, values.rows);
    if (changes.length === 0) {
      setProblem({ type: 'warning', text: '出席情况没有变化，无需更正。' });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const result = await api['entries.correct']({
        bookId,
        seq,
        requestId,
        changes,
        reason: values.reason ?? '',
        by: values.by ?? '',
      });
      renew();
      onCorrected(result.seq);
    } catch (e) {
      setProblem({ type: 'error', text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const presentCount = rows.filter((r) => r?.present).length;

  return (
    <Modal
      open
      title={`更正第 ${seq} 条记录的出席情况`}
      okText="封存更正"
      cancelText="取消"
      width={640}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'attendance-submit' }}
    >
      <Typography.Paragraph type="secondary">
        实到与缺席作为一次更正封存，原记录保持不变。缺席成员须填写请假说明，主持人应为实到。
      </Typography.Paragraph>
      {problem && (
        <Alert
          type={problem.type}
          showIcon
          title={problem.text}
          style={{ marginBottom: 12 }}
          data-testid="attendance-problem"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        data-testid="attendance-form"
        onKeyDown={enterSubmits(submit)}
        initialValues={{ rows: initialRows, by: defaultBy }}
      >
        <Typography.Text strong>
          应到 {rows.length} 人：实到 {presentCount} 人，缺席 {rows.length - presentCount} 人
        </Typography.Text>
        {initialRows.map((row, i) => {
          const who = name(row.memberId);
          const present = rows[i]?.present ?? row.present;
          return (
            <div
              key={row.memberId}
              data-testid={`attendance-row-${row.memberId}`}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                <span style={{ minWidth: 120 }}>{who}</span>
                <Form.Item name={['rows', i, 'present']} valuePropName="checked" noStyle>
                  <Switch checkedChildren="实到" unCheckedChildren="缺席" aria-label={`${who}是否实到`} />
                </Form.Item>
              </div>
              {!present && (
                <Form.Item
                  name={['rows', i, 'leaveNote']}
                  label="请假说明"
                  style={{ margin: '8px 0 0' }}
                  rules={[
                    { required: true, whitespace: true, message: `请填写${who}的请假说明` },
                    { max: 500, message: '不能超过 500 个字' },
                  ]}
                >
                  <Input.TextArea
                    aria-label={`${who}的请假说明`}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={500}
                  />
                </Form.Item>
              )}
            </div>
          );
        })}
        <Form.Item
          name="reason"
          label="更正原因"
          style={{ marginTop: 16 }}
          rules={[
            { required: true, whitespace: true, message: '请填写更正原因' },
            { max: 500, message: '不能超过 500 个字' },
          ]}
        >
          <Input.TextArea aria-label="更正原因" autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="by"
          label="更正人"
          rules={[
            { required: true, whitespace: true, message: '请填写更正人' },
            { max: 50, message: '不能超过 50 个字' },
          ]}
        >
          <Input aria-label="更正人" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
