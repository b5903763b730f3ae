/**
 * The type-specific fields of a work item, drawn from `FIELDS[type]`: switching the type
 * shows only that type's fields (their values stay in the draft in case the recorder
 * switches back). Every input has a label and `data-testid="work-<field>"`.
 */
import { Alert, Input, Radio, Select } from 'antd';
import type { z } from 'zod';
import { prose, workItemInput, type EntrySummary, type MemberView } from '../../db/contract';
import { LongText } from '../forms/long-text';
import { Field } from './field';
import type { FieldErrors } from './types';
import type { FormUpdate } from './use-editor-draft';
import { meetingEntryLabel } from './use-meeting-entries';
import { FIELDS, type FieldSpec, type WorkItemForm } from './work-item-form-state';

export interface WorkItemFieldsProps {
  form: WorkItemForm;
  setForm: (change: FormUpdate<WorkItemForm>) => void;
  errors: FieldErrors;
  roster: MemberView[];
  meetings: EntrySummary[];
  meetingsError: string | null;
}

/** The contract's schema of one field of one type (its limit drives the counter). */
function contractField(type: WorkItemForm['type'], key: string): z.ZodType {
  const option = workItemInput.options.find((o) => o.shape.type.value === type);
  return (option?.shape as Record<string, z.ZodType> | undefined)?.[key] ?? prose();
}

export function WorkItemFields(props: WorkItemFieldsProps) {
  const { form, errors, meetingsError } = props;
  const needsMeetings = FIELDS[form.type].some((s) => s.kind === 'meeting');
  return (
    <div data-testid={`work-fields-${form.type}`}>
      {needsMeetings && meetingsError && (
        <Alert type="error" showIcon title={meetingsError} style={{ marginBottom: 12 }} />
      )}
      {FIELDS[form.type].map((spec) => (
        <Field
          key={spec.key}
          label={spec.label}
          htmlFor={`work-${spec.key}`}
          name={spec.key}
          errors={errors}
          required={spec.required}
          extra={spec.hint}
        >
          <SpecInput spec={spec} {...props} />
        </Field>
      ))}
    </div>
  );
}

function SpecInput({ spec, form, setForm, roster, meetings }: WorkItemFieldsProps & { spec: FieldSpec }) {
  const id = `work-${spec.key}`;
  const value = form[spec.key];
  const set = (v: string) => setForm({ [spec.key]: v });
  switch (spec.kind) {
    case 'line':
      return (
        <Input id={id} data-testid={id} maxLength={spec.max} value={value} onChange={(e) => set(e.target.value)} />
      );
    case 'prose':
      return (
        <LongText
          schema={contractField(form.type, spec.key)}
          id={id}
          data-testid={id}
          autoSize={{ minRows: 4 }}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'date':
      return <Input id={id} data-testid={id} type="date" value={value} onChange={(e) => set(e.target.value)} />;
    case 'year':
      return (
        <Input
          id={id}
          data-testid={id}
          type="number"
          min={1921}
          max={2100}
          step={1}
          inputMode="numeric"
          suffix="年度"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'money':
      return (
        <Input
          id={id}
          data-testid={id}
          type="number"
          min={0}
          step={0.01}
          inputMode="decimal"
          suffix="元"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          id={id}
          data-testid={id}
          aria-label={spec.label}
          value={value || undefined}
          onChange={(e) => set(String(e.target.value))}
          options={Object.entries(spec.choices ?? {}).map(([v, label]) => ({ value: v, label }))}
        />
      );
    case 'member':
      return (
        <Select
          id={id}
          data-testid={id}
          showSearch={{ optionFilterProp: 'label' }}
          value={value || undefined}
          onChange={(v: string) => set(v)}
          placeholder="从成员名册中选择"
          style={{ width: '100%' }}
          options={roster.map((m) => ({ value: m.memberId, label: `${m.person.name}（${m.roleLabel}）` }))}
        />
      );
    case 'meeting':
      return (
        <Select
          id={id}
          data-testid={id}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear={!spec.required}
          value={value || undefined}
          onChange={(v?: string) => set(v ?? '')}
          placeholder={meetings.length ? '从已封存的会议记录中选择' : '记录本中还没有已封存的会议记录'}
          style={{ width: '100%' }}
          options={meetings.map((e) => ({ value: String(e.seq), label: meetingEntryLabel(e) }))}
        />
      );
  }
}
