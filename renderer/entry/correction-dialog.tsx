/**
 * 更正: a new entry that points at one field of a sealed entry. The original is never
 * changed; the dialog picks the field, shows its value in force, and asks for the new value
 * (of the same type), the reason and who corrects.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import type { MemberView } from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { formatValue, getAt, isMemberIdPath, leafFields, type Leaf } from './fields';
import { useRequestId } from '../app/use-request-id';

export interface CorrectionDialogProps {
  open: boolean;
  bookId: string;
  seq: number;
  original: unknown;
  current: unknown;
  members: MemberView[];
  family: string;
  defaultBy?: string;
  onClose: () => void;
  onCorrected: (correctionSeq: number) => void;
}

interface Values { field?: string; value?: Leaf; reason?: string; by?: string }

export function CorrectionDialog(props: CorrectionDialogProps) {
  const { open, bookId, seq, original, current, members, family, defaultBy, onClose, onCorrected } = props;
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();
  const fields = useMemo(() => leafFields(original), [original]);
  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.person.name])), [members]);
  const pointer = Form.useWatch('field', form);
  const field = fields.find((f) => f.pointer === pointer);
  const inForce = field ? (getAt(current, pointer ?? '') as Leaf | undefined) ?? field.value : undefined;

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!field) return;
    setSaving(true);
    setError(null);
    try {
      const value = values.value === undefined ? null : values.value;
      const result = await api['entries.correct']({
        bookId, seq, requestId, field: field.pointer, value, reason: values.reason ?? '', by: values.by ?? '',
      });
      renew();
      form.resetFields();
      onCorrected(result.seq);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const typeOf = (v: Leaf | undefined) => (v === null || v === undefined ? 'string' : typeof v);
  const kind = field ? (isMemberIdPath(field.path) ? 'member' : typeOf(field.value)) : 'string';
  const longText = typeof inForce === 'string' && (inForce.length > 60 || inForce.includes('\n'));

  return (
    <Modal open={open} title={`更正第 ${seq} 条记录`} okText="封存更正" cancelText="取消" width={640}
      confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden
      okButtonProps={{ 'data-testid': 'correction-submit' } as ButtonProps}>
      <Typography.Paragraph type="secondary">
        更正作为一条新记录封存，原记录保持不变；查看原记录时，更正内容显示在原内容旁边。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ by: defaultBy }} data-testid="correction-form"
        onValuesChange={(changed: Values) => {
          if ('field' in changed) {
            const f = fields.find((x) => x.pointer === changed.field);
            const now = f ? (getAt(current, f.pointer) as Leaf | undefined) ?? f.value : undefined;
            form.setFieldsValue({ value: now === null ? undefined : now });
          }
        }}>
        <Form.Item name="field" label="更正的字段" rules={[{ required: true, message: '请选择要更正的字段' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} aria-label="更正的字段" data-testid="correction-field"
            options={fields.map((f) => ({ value: f.pointer, label: f.label }))} />
        </Form.Item>
        {field && (
          <Form.Item label="现行内容">
            <Typography.Text data-testid="correction-current" style={{ whiteSpace: 'pre-wrap' }}>
              {formatValue(inForce, field.path, names, family)}
            </Typography.Text>
          </Form.Item>
        )}
        {field && (
          <Form.Item name="value" label="更正为" rules={[{ required: kind !== 'string', message: '请填写更正后的内容' }]}>
            {kind === 'member' ? (
              <Select aria-label="更正为" options={members.map((m) => ({ value: m.memberId, label: m.person.name }))} />
            ) : kind === 'number' ? (
              <InputNumber aria-label="更正为" style={{ width: 200 }} />
            ) : kind === 'boolean' ? (
              <Radio.Group options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
            ) : longText ? (
              <Input.TextArea aria-label="更正为" autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
            ) : (
              <Input aria-label="更正为" maxLength={20_000} />
            )}
          </Form.Item>
        )}
        <Form.Item name="reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请填写更正理由' }, { max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea aria-label="更正理由" autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="by" label="更正人" rules={[{ required: true, whitespace: true, message: '请填写更正人' }, { max: 50, message: '不能超过 50 个字' }]}>
          <Input aria-label="更正人" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
