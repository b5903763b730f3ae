/**
 * The type-specific fields of a work item, drawn from `FIELDS[type]`: switching the type
 * shows only that type's fields (their values stay in the draft in case the recorder
 * switches back). Every input has a label and `data-testid="work-<field>"`.
 */
import { Alert, Form, Input, Radio, Select } from 'antd';
import type { z } from 'zod';
import { prose, workItemInput, type EntrySummary, type MemberView } from '../../db/contract';
import { LongText } from '../forms/long-text';
import { zodRule } from '../forms/zod-form';
import { numberOrUndefined } from './form-values';
import { meetingEntryLabel } from './use-meeting-entries';
import { FIELDS, type FieldSpec, type WorkItemForm } from './work-item-form-state';

export interface WorkItemFieldsProps {
  type: WorkItemForm['type'];
  roster: MemberView[];
  meetings: EntrySummary[];
  meetingsError: string | null;
}

/** The contract's schema of one field of one type (its limit drives the counter). */
function contractField(type: WorkItemForm['type'], key: string): z.ZodType {
  const option = workItemInput.options.find((o) => o.shape.type.value === type);
  return (option?.shape as Record<string, z.ZodType> | undefined)?.[key] ?? prose();
}

/** Text inputs hold what was typed; the contract wants numbers for these kinds. */
const readsNumber = new Set<FieldSpec['kind']>(['year', 'money', 'meeting']);
const asTyped = (value: unknown) => (typeof value === 'string' ? numberOrUndefined(value) : value);
/** Selects and radios show nothing picked for '' (the draft's empty value) and give '' back when cleared. */
const picked = { getValueProps: (v: unknown) => ({ value: v || undefined }), normalize: (v: unknown) => v ?? '' };

export function WorkItemFields(props: WorkItemFieldsProps) {
  const { type, meetingsError } = props;
  const needsMeetings = FIELDS[type].some((s) => s.kind === 'meeting');
  return (
    <div data-testid={`work-fields-${type}`}>
      {needsMeetings && meetingsError && (
        <Alert type="error" showIcon title={meetingsError} style={{ marginBottom: 12 }} />
      )}
      {FIELDS[type].map((spec) => (
        <Form.Item
          key={`${type}-${spec.key}`}
          name={spec.key}
          label={spec.label}
          htmlFor={`work-${spec.key}`}
          required={spec.required}
          extra={spec.hint}
          rules={[
            zodRule(contractField(type, spec.key), spec.required, readsNumber.has(spec.kind) ? asTyped : undefined),
          ]}
          {...(spec.kind === 'member' || spec.kind === 'meeting' || spec.kind === 'choice' ? picked : {})}
        >
          {specInput(spec, props)}
        </Form.Item>
      ))}
    </div>
  );
}

function specInput(spec: FieldSpec, { type, roster, meetings }: WorkItemFieldsProps) {
  const id = `work-${spec.key}`;
  switch (spec.kind) {
    case 'line':
      return <Input id={id} data-testid={id} maxLength={spec.max} />;
    case 'prose':
      return <LongText schema={contractField(type, spec.key)} id={id} data-testid={id} autoSize={{ minRows: 4 }} />;
    case 'date':
      return <Input id={id} data-testid={id} type="date" />;
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
        />
      );
    case 'money':
      return <Input id={id} data-testid={id} type="number" min={0} step={0.01} inputMode="decimal" suffix="元" />;
    case 'choice':
      return (
        <Radio.Group
          id={id}
          data-testid={id}
          aria-label={spec.label}
          options={Object.entries(spec.choices ?? {}).map(([v, label]) => ({ value: v, label }))}
        />
      );
    case 'member':
      return (
        <Select
          id={id}
          data-testid={id}
          showSearch={{ optionFilterProp: 'label' }}
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
          placeholder={meetings.length ? '从已封存的会议记录中选择' : '记录本中还没有已封存的会议记录'}
          style={{ width: '100%' }}
          options={meetings.map((e) => ({ value: String(e.seq), label: meetingEntryLabel(e) }))}
        />
      );
  }
}
