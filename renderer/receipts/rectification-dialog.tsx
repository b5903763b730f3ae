/** 整改情况: what the society did against a receipt's findings, sealed in its own book. */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { dateString, line, prose, rectificationInput, type ReceiptRow } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { parseInto, zodRule } from '../forms/zod-form';
import { DateField } from '../forms/date-field';
import { LongText } from '../forms/long-text';
import { useRequestId } from '../app/use-request-id';

export function RectificationDialog({
  bookId,
  receipt,
  onClose,
  onSealed,
}: {
  bookId: string;
  receipt: ReceiptRow | null;
  onClose: () => void;
  onSealed: (seq: number) => void;
}) {
  const api = useApi();
  const [form] = Form.useForm();
  const { requestId, renew } = useRequestId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!receipt) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const parsed = parseInto(form, rectificationInput, { ...form.getFieldsValue(true), receiptSeq: receipt.seq });
    if (!parsed) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api['rectifications.seal']({ bookId, requestId, rectification: parsed });
      renew();
      form.resetFields();
      onSealed(result.seq);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={receipt !== null}
      title="记录整改情况"
      okText="封存整改情况"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'rectification-seal' }}
    >
      {receipt && (
        <Typography.Paragraph type="secondary" data-testid="rectification-for">
          {`针对 ${receipt.liaisonName}（${receipt.office}）的抽查回执（第 ${receipt.seq} 条）`}
          {receipt.rectify ? `：需整改 ${receipt.rectify.what}，期限 ${receipt.rectify.by}` : ''}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" data-testid="rectification-form" preserve={false}>
        <Form.Item name="date" label="整改完成日期" rules={[zodRule(dateString, true)]}>
          <DateField aria-label="整改完成日期" />
        </Form.Item>
        <Form.Item
          name="done"
          label="整改情况"
          rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}
        >
          <LongText schema={prose(5000)} autoSize={{ minRows: 3 }} aria-label="整改情况" />
        </Form.Item>
        <Form.Item name="by" label="记录人" rules={[zodRule(line(50), true)]}>
          <Input maxLength={50} aria-label="记录人" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="rectification-error" />}
    </Modal>
  );
}
