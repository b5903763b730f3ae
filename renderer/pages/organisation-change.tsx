/**
 * 变更组织信息: a new name, term (换届), supervising office or recorder is a sealed entry with
 * its reason; the form is the set-up wizard's first step, filled with the current record.
 */
import { Button, Form, Input, Modal, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { organisation, type Organisation } from '../../db/contract';
import { useApi } from '../api-context';
import { dropEmpty, parseInto } from '../forms/zod-form';
import { OrganisationStep } from '../setup/organisation-step';
import { useReasonedChange } from './use-reasoned-change';
import { enterSubmits } from '../forms/enter-submit';

export function OrganisationChange({
  bookId,
  current,
  disabled,
  onChanged,
}: {
  bookId: string;
  current: Organisation;
  disabled: boolean;
  onChanged: () => void;
}) {
  const api = useApi();
  const [form] = Form.useForm();
  const change = useReasonedChange('组织信息', '例如换届批复文号', onChanged);
  const { open, setOpen, reason, setReason, busy, error, setError } = change;

  async function submit() {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const parsed = parseInto(form, organisation, dropEmpty(form.getFieldsValue(true)));
    if (!parsed) return;
    await change.seal((why, requestId) => api['org.update']({ bookId, requestId, organisation: parsed, reason: why }));
  }

  return (
    <>
      <Button
        icon={<EditOutlined />}
        disabled={disabled}
        data-testid="org-change"
        onClick={() => {
          form.setFieldsValue(current);
          setOpen(true);
        }}
      >
        变更组织信息
      </Button>
      <Modal
        open={open}
        title="变更组织信息"
        okText="封存变更"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => {
          void submit();
        }}
        onCancel={() => setOpen(false)}
        width={820}
        forceRender
      >
        <div onKeyDown={enterSubmits(submit)}>
          <Typography.Paragraph type="secondary">变更将作为一条记录封存，原有信息保留在记录本中。</Typography.Paragraph>
          <OrganisationStep form={form} />
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            变更原因
          </Typography.Text>
          <Input
            aria-label="变更原因"
            data-testid="org-change-reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <Typography.Text type="danger" data-testid="org-change-error">
              {error}
            </Typography.Text>
          )}
        </div>
      </Modal>
    </>
  );
}
