/**
 * 更正: a new entry that points at one field of a sealed entry. The original is never
 * changed; the dialog lists the entry's fields by their labels in the record book (also
 * those left empty at sealing), shows the value in force, and asks for the new value (typed
 * as the field is: a date, a member, a yes/no …), the reason and who corrects.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import {
  correctableFields,
  describeEntry,
  getAt,
  prose,
  toPointer,
  type CorrectableField,
  type MemberView,
  type PathSegment,
} from '../../db/contract';
import { useApi } from '../api-context';
import { errorMessage } from '../api';
import { DateField } from '../forms/date-field';
import { LongText } from '../forms/long-text';
import { enterSubmits } from '../forms/enter-submit';
import { chooseRule } from '../forms/zod-form';
import { useRequestId } from '../app/use-request-id';
import { rosterNames } from './entry-context';
import { formatValue } from './format-value';

export interface CorrectionDialogProps {
  open: boolean;
  bookId: string;
  seq: number;
  kind: string;
  /** Where the input sits in the body (`['input']`). */
  base: PathSegment[];
  original: unknown;
  current: unknown;
  members: MemberView[];
  /** Fields corrected elsewhere (a meeting's attendance has its own dialog). */
  exclude?: readonly (readonly string[])[];
  defaultBy?: string | undefined;
  onClose: () => void;
  onCorrected: (correctionSeq: number) => void;
}

type Value = string | number | boolean | string[] | null;
interface Values {
  field?: string;
  value?: Value;
  reason?: string;
  by?: string;
}

function ValueInput({
  field,
  members,
  ...rest
}: {
  field: CorrectableField;
  members: MemberView[];
  value?: Value;
  onChange?: (v: Value) => void;
}) {
  const props = { 'aria-label': '更正为', ...rest } as const;
  const memberOptions = members.map((m) => ({ value: m.memberId, label: m.person.name }));
  switch (field.editor) {
    case 'person':
      return <Select {...props} value={rest.value as string | undefined} options={memberOptions} />;
    case 'people':
      return <Select {...props} mode="multiple" value={rest.value as string[] | undefined} options={memberOptions} />;
    case 'enum':
      return (
        <Select
          {...props}
          value={rest.value as string | undefined}
          options={
            field.field.show === 'enum'
              ? Object.entries(field.field.options).map(([value, label]) => ({ value, label }))
              : []
          }
        />
      );
    case 'enumList':
      return (
        <Select
          {...props}
          mode="multiple"
          value={rest.value as string[] | undefined}
          options={
            field.field.show === 'enumList'
              ? Object.entries(field.field.options).map(([value, label]) => ({ value, label }))
              : []
          }
        />
      );
    case 'number':
      return <InputNumber {...props} value={rest.value as number | undefined} style={{ width: 200 }} />;
    case 'boolean':
      return (
        <Radio.Group
          value={rest.value}
          onChange={(e) => rest.onChange?.(e.target.value as boolean)}
          options={[
            { value: true, label: field.field.show === 'boolean' ? (field.field.yes ?? '是') : '是' },
            { value: false, label: field.field.show === 'boolean' ? (field.field.no ?? '否') : '否' },
          ]}
        />
      );
    case 'date':
      return (
        <DateField
          aria-label="更正为"
          value={rest.value as string | undefined}
          onChange={(v) => rest.onChange?.(v ?? null)}
        />
      );
    case 'dateTime':
      return (
        <Input
          {...props}
          value={rest.value as string | undefined}
          placeholder="例如 2025-03-18T09:30"
          onChange={(e) => rest.onChange?.(e.target.value)}
          maxLength={16}
        />
      );
    case 'longText':
      return (
        <LongText
          {...props}
          schema={prose()}
          value={rest.value as string | undefined}
          autoSize={{ minRows: 3, maxRows: 12 }}
          onChange={(e) => rest.onChange?.(e.target.value)}
        />
      );
    default:
      return (
        <Input
          {...props}
          value={rest.value as string | undefined}
          onChange={(e) => rest.onChange?.(e.target.value)}
          maxLength={20_000}
        />
      );
  }
}

/** The value in force as the form holds it: what the editor for `field` edits. */
function formValue(v: unknown): Value | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return undefined;
}

export function CorrectionDialog(props: CorrectionDialogProps) {
  const { open, bookId, seq, kind, base, original, current, members, exclude, defaultBy, onClose, onCorrected } = props;
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();
  const nameOf = useMemo(() => rosterNames(new Map(members.map((m) => [m.memberId, m.person.name]))), [members]);
  const fields = useMemo(() => {
    const input = getAt(original, base);
    const description = describeEntry(kind, input);
    if (!description) return [];
    return correctableFields(description, input, nameOf, exclude).map((f) => ({
      ...f,
      pointer: toPointer([...base, ...f.rel]),
    }));
  }, [original, base, kind, nameOf, exclude]);
  const pointer = Form.useWatch('field', form);
  const field = fields.find((f) => f.pointer === pointer);
  const inForce = field ? getAt(current, field.pointer) : undefined;

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
        bookId,
        seq,
        requestId,
        field: field.pointer,
        value,
        reason: values.reason ?? '',
        by: values.by ?? '',
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

  const optional = field && ['text', 'longText'].includes(field.editor);

  return (
    <Modal
      open={open}
      title={`更正第 ${seq} 条记录`}
      okText="封存更正"
      cancelText="取消"
      width={640}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'correction-submit' }}
    >
      <Typography.Paragraph type="secondary">
        更正作为一条新记录封存，原记录保持不变；查看原记录时，更正内容显示在原内容旁边。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ by: defaultBy }}
        data-testid="correction-form"
        onKeyDown={enterSubmits(submit)}
        onValuesChange={(changed: Values) => {
          if ('field' in changed) {
            const f = fields.find((x) => x.pointer === changed.field);
            form.setFieldsValue({ value: f ? formValue(getAt(current, f.pointer)) : undefined });
          }
        }}
      >
        <Form.Item name="field" label="更正的字段" rules={[chooseRule()]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="更正的字段"
            data-testid="correction-field"
            options={fields.map((f) => ({ value: f.pointer, label: f.label }))}
          />
        </Form.Item>
        {field && (
          <Form.Item label="现行内容">
            <Typography.Text data-testid="correction-current" style={{ whiteSpace: 'pre-wrap' }}>
              {formatValue(inForce, field.field, nameOf)}
            </Typography.Text>
          </Form.Item>
        )}
        {field && (
          <Form.Item
            key={field.pointer}
            name="value"
            label="更正为"
            rules={[{ required: !optional, message: '请填写更正后的内容' }]}
          >
            <ValueInput field={field} members={members} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="更正理由"
          rules={[
            { required: true, whitespace: true, message: '请填写更正理由' },
            { max: 500, message: '不能超过 500 个字' },
          ]}
        >
          <Input.TextArea aria-label="更正理由" autoSize={{ minRows: 2 }} maxLength={500} />
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
