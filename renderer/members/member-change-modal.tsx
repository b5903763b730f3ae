/** 离任 and 职务变更: both need the date, the reason and the supervising office's 批复. */
import { useEffect } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { dateString, line, type MemberRole, type MemberView } from '../../db/contract';
import { memberChangeLiveCheck } from '../editors/entry-check-input';
import { LiveChecks } from '../editors/live-checks';
import { DateField } from '../forms/date-field';
import { chooseRule, dropEmpty, zodRule } from '../forms/zod-form';
import { enterSubmits } from '../forms/enter-submit';

export type ChangeKind = 'leave' | 'role';

export interface MemberChangeValues {
  date: string;
  reason: string;
  role?: MemberRole;
  approval: { docNo: string; date: string };
}

export function MemberChangeModal({
  kind,
  member,
  roleOptions,
  onSubmit,
  onCancel,
  bookId,
}: {
  kind: ChangeKind;
  /** The open book: its seal checks are shown live. */
  bookId?: string;
  member: MemberView;
  roleOptions: { value: MemberRole; label: string }[];
  onSubmit: (values: MemberChangeValues) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<MemberChangeValues>();
  useEffect(() => {
    form.resetFields();
  }, [member, kind, form]);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    await onSubmit(dropEmpty(form.getFieldsValue(true)) as MemberChangeValues);
  };

  const title = kind === 'leave' ? `${member.person.name} 离任` : `${member.person.name} 职务变更`;
  return (
    <Modal
      open
      title={title}
      okText="封存"
      cancelText="取消"
      destroyOnHidden
      onOk={() => void submit()}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'member-change-ok' }}
    >
      <Typography.Paragraph type="secondary">
        {kind === 'leave' ? '离任' : '职务变更'}须经主管党组织批复，封存后作为成员调整记录保存。现任职务：
        {member.roleLabel}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="member-change-form" onKeyDown={enterSubmits(submit)}>
        {kind === 'role' && (
          <Form.Item name="role" label="新职务" rules={[chooseRule()]}>
            <Select aria-label="新职务" options={roleOptions.filter((r) => r.value !== member.role)} />
          </Form.Item>
        )}
        <Form.Item name="date" label={kind === 'leave' ? '离任日期' : '变更日期'} rules={[zodRule(dateString, true)]}>
          <DateField aria-label={kind === 'leave' ? '离任日期' : '变更日期'} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[zodRule(line(500), true)]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Form.Item name={['approval', 'docNo']} label="批复文号" rules={[zodRule(line(100), true)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['approval', 'date']} label="批复日期" rules={[zodRule(dateString, true)]}>
          <DateField aria-label="批复日期" />
        </Form.Item>
      </Form>
      {bookId && (
        <LiveChecks bookId={bookId} form={form} entryOf={(v) => memberChangeLiveCheck(kind, member.memberId, v)} />
      )}
    </Modal>
  );
}
