import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input, Radio } from 'antd';
import { line, meetingInput, prose, topic } from '../../db/contract';
import { MemberChangeModal } from '../members/member-change-modal';
import { ROSTER, fakeApi, renderWithApi } from '../test/kit';
import { LongText } from './long-text';
import { chooseRule, maxLengthOf, requiredWording, zodRule } from './zod-form';

describe('one wording for required fields', () => {
  it('says 请填写<label> for an empty text and 请选择<label> for an empty choice', async () => {
    function Sample() {
      const [form] = Form.useForm();
      return (
        <Form form={form}>
          <Form.Item name="title" label="会议名称" rules={[zodRule(line(100), true)]}>
            <Input />
          </Form.Item>
          <Form.Item name="gender" label="性别" rules={[chooseRule()]}>
            <Radio.Group
              options={[
                { value: '男', label: '男' },
                { value: '女', label: '女' },
              ]}
            />
          </Form.Item>
          <Button data-testid="check" onClick={() => void form.validateFields().catch(() => undefined)}>
            检查
          </Button>
        </Form>
      );
    }
    renderWithApi(<Sample />, fakeApi());
    await userEvent.click(screen.getByTestId('check'));
    expect(await screen.findByText('请填写会议名称')).toBeInTheDocument();
    expect(screen.getByText('请选择性别')).toBeInTheDocument();
    // Only blanks: a value the schema refuses keeps the contract's own message.
    fireEvent.change(screen.getByLabelText('会议名称'), { target: { value: '甲'.repeat(101) } });
    expect(await screen.findByText('不能超过 100 个字')).toBeInTheDocument();
  });

  it('checks a number typed as text with the contract’s number schema, through read', async () => {
    const count = meetingInput.shape.number;
    const asNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
    const validate = (rule: unknown, value: unknown) =>
      (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value);
    const check = (value: unknown) => validate(zodRule(count, true, asNumber), value);
    await expect(check('3')).resolves.toBeUndefined();
    await expect(check('0')).rejects.toThrow('应为正整数');
    await expect(check('2.5')).rejects.toThrow('应为整数');
    await expect(check('')).rejects.toThrow('请填写');
    // Without read, the typed text is not the contract's number.
    await expect(validate(zodRule(count, true), '3')).rejects.toThrow();
  });

  it('rewrites the contract’s blank-field messages for the editors’ banner', () => {
    expect(requiredWording('会议次序', '必须填写')).toBe('请填写会议次序');
    expect(requiredWording('内容', '不能为空')).toBe('请填写内容');
    expect(requiredWording('内容', '不能超过 20000 个字')).toBeNull();
    expect(requiredWording('', '必须填写')).toBeNull();
  });
});

describe('live character counters', () => {
  it('reads each limit from the contract', () => {
    expect(maxLengthOf(meetingInput.shape.minutes)).toBe(20_000);
    expect(maxLengthOf(topic.shape.dissent)).toBe(5_000);
    expect(maxLengthOf(prose(2_000))).toBe(2_000);
    expect(maxLengthOf(line(50))).toBe(50);
  });

  it('counts while typing and never cuts off text over the limit', () => {
    function Sample() {
      return <LongText schema={prose(10)} aria-label="说明" defaultValue="" />;
    }
    const { container } = renderWithApi(<Sample />, fakeApi());
    const box = screen.getByLabelText('说明');
    expect(container).toHaveTextContent('0 / 10');
    fireEvent.change(box, { target: { value: '一二三四五六七八九十十一' } });
    expect(box).toHaveValue('一二三四五六七八九十十一');
    expect(container).toHaveTextContent('12 / 10 字');
  });

  it('writes the limit as a clerk reads it', () => {
    const { container } = renderWithApi(
      <LongText schema={meetingInput.shape.minutes} aria-label="会议纪要" defaultValue="" />,
      fakeApi(),
    );
    expect(container).toHaveTextContent('0 / 20,000 字');
  });
});

describe('Enter submits a dialog', () => {
  it('from a one-line field, not from a multi-line text or while an input method composes', async () => {
    const onSubmit = vi.fn(async () => {});
    const member = ROSTER[2]!;
    renderWithApi(
      <MemberChangeModal kind="leave" member={member} roleOptions={[]} onSubmit={onSubmit} onCancel={() => {}} />,
      fakeApi(),
    );
    const form = await screen.findByTestId('member-change-form');
    const docNo = within(form).getByLabelText('批复文号');
    const reason = within(form).getByLabelText('原因');

    fireEvent.keyDown(reason, { key: 'Enter', code: 'Enter' });
    fireEvent.keyDown(docNo, { key: 'Enter', code: 'Enter', isComposing: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(within(form).queryByText('请填写批复文号')).toBeNull();

    // Enter in 批复文号: the same check as the 封存 button, and nothing sent with blanks.
    fireEvent.keyDown(docNo, { key: 'Enter', code: 'Enter' });
    expect(await within(form).findByText('请填写批复文号')).toBeInTheDocument();
    expect(within(form).getByText('请填写原因')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: '工作调动' } });
    fireEvent.change(docNo, { target: { value: '科技社团党委〔2025〕12号' } });
    for (const [label, value] of [
      ['离任日期', '2025-04-01'],
      ['批复日期', '2025-03-28'],
    ] as const) {
      const input = within(form).getByLabelText(label);
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
      await waitFor(() => expect(input).toHaveValue(value));
    }
    // Enter in a date picker confirms the date only.
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(docNo, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      date: '2025-04-01',
      reason: '工作调动',
      approval: { docNo: '科技社团党委〔2025〕12号', date: '2025-03-28' },
    });
  });
});
