/**
 * The 成员加入 form (the 备案表 fields of 001 templates 2/5/8 plus role, date and 批复),
 * in a modal. Used by the first-run wizard and by the members page.
 */
import { useEffect } from 'react';
import type { z } from 'zod';
import { Col, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import { dateString, line, memberJoin, type MemberJoin, type MemberRole } from '../../db/contract';
import { memberJoinLiveCheck } from '../editors/entry-check-input';
import { LiveChecks } from '../editors/live-checks';
import { DateField } from '../forms/date-field';
import { MemberWarnings } from './member-warnings';
import { chooseRule, dropEmpty, parseInto, zodRule } from '../forms/zod-form';
import { enterSubmits } from '../forms/enter-submit';

/** The raw (form-side) shape of a join; the service parses it again. */
export type MemberJoinValues = z.input<typeof memberJoin>;

export interface MemberJoinModalProps {
  open: boolean;
  title: string;
  roleOptions: { value: MemberRole; label: string }[];
  /** Pre-filled values (e.g. the set-up approval and term start in the wizard). */
  defaults?: Partial<MemberJoinValues>;
  confirmText?: string;
  onSubmit: (values: MemberJoin, raw: MemberJoinValues) => Promise<void> | void;
  onCancel: () => void;
  /** The open book: its seal checks are shown live (none in the set-up wizard: the roster is checked as a whole). */
  bookId?: string;
}

export function MemberJoinModal({
  open,
  title,
  roleOptions,
  defaults,
  confirmText = '确定',
  onSubmit,
  onCancel,
  bookId,
}: MemberJoinModalProps) {
  const [form] = Form.useForm();
  const isCpc = Form.useWatch(['person', 'isCpcMember'], form) as boolean | undefined;
  const name = Form.useWatch(['person', 'name'], form) as string | undefined;
  const partyJoinDate = Form.useWatch(['person', 'partyJoinDate'], form) as string | undefined;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ person: { ethnicity: '汉族', isCpcMember: true, underDiscipline: false }, ...defaults });
    }
  }, [open, defaults, form]);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const raw = dropEmpty(form.getFieldsValue(true)) as MemberJoinValues;
    const parsed = parseInto(form, memberJoin, raw);
    if (!parsed) return;
    await onSubmit(parsed, raw);
  };

  return (
    <Modal
      open={open}
      title={title}
      width={720}
      okText={confirmText}
      cancelText="取消"
      destroyOnHidden
      onOk={() => void submit()}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'member-join-ok' }}
    >
      {open && <MemberWarnings person={{ name, isCpcMember: isCpc, partyJoinDate }} />}
      <Form form={form} layout="vertical" requiredMark data-testid="member-join-form" onKeyDown={enterSubmits(submit)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name={['person', 'name']} label="姓名" rules={[zodRule(line(50), true)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'gender']} label="性别" rules={[chooseRule()]}>
              <Radio.Group
                options={[
                  { value: '男', label: '男' },
                  { value: '女', label: '女' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'ethnicity']} label="民族" rules={[zodRule(line(20), true)]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'birthDate']} label="出生日期" rules={[zodRule(dateString, true)]}>
              <DateField aria-label="出生日期" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'isCpcMember']} label="是否中共党员" rules={[chooseRule()]}>
              <Radio.Group
                options={[
                  { value: true, label: '是' },
                  { value: false, label: '否' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            {isCpc !== false && (
              <Form.Item name={['person', 'partyJoinDate']} label="入党时间" rules={[zodRule(dateString)]}>
                <DateField aria-label="入党时间" />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'title']} label="职称">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'education']} label="学历">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'workUnit']} label="工作单位">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name={['person', 'societyPosts']} label="在学会任职">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['person', 'underDiscipline']} label="处于党纪或政务处分期" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="role" label="职务" rules={[chooseRule()]}>
              <Select options={roleOptions} aria-label="职务" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="joinedOn" label="加入日期" rules={[zodRule(dateString, true)]}>
              <DateField aria-label="加入日期" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['approval', 'docNo']} label="批复文号" rules={[zodRule(line(100), true)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['approval', 'date']} label="批复日期" rules={[zodRule(dateString, true)]}>
              <DateField aria-label="批复日期" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {bookId && <LiveChecks bookId={bookId} form={form} entryOf={memberJoinLiveCheck} />}
    </Modal>
  );
}
