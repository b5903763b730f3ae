/**
 * 体现的职责: the clerk ticks which of the nine duties (000 第三章) an entry shows. The service
 * suggests some from the entry's kind and words (duties.suggest, deterministic keyword rules);
 * a suggestion is only a hint — only what is ticked is sealed and counted in the ledger. Left
 * empty, it can be added later as a correction.
 *
 * Used by each editor with one line: `<DutyPicker kind="activity" form={form} setForm={setForm} />`,
 * the form holding `duties?: DutyId[]` (the editors' check passes it to the contract's input).
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Flex, Form, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { DUTIES, DUTY_IDS, DUTY_SCOPES, type DutyId } from '../../db/contract';
import type { DutySuggestion } from '../../db/rules';
import { useApi } from '../api-context';

export interface DutyForm {
  type?: string;
  duties?: DutyId[];
}

/** Every string the clerk typed in the form (what the suggestion rules read). */
export function formText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) formText(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) formText(v, out);
  return out;
}

/** The duties to seal with the entry: none ticked is no field at all (older entries read the same). */
export function dutiesOf(form: DutyForm): DutyId[] | undefined {
  return form.duties && form.duties.length > 0 ? DUTY_IDS.filter((d) => form.duties!.includes(d)) : undefined;
}

/** The confirmation dialog's line: the ticked duties by name, or 未标注. */
export function dutyLabels(duties: readonly DutyId[] | undefined): string {
  return duties && duties.length > 0 ? duties.map((d) => DUTIES[d]).join('、') : '未标注';
}

const SUGGEST_DELAY_MS = 500;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function DutyPicker<F extends DutyForm>({
  kind,
  form,
  setForm,
}: {
  kind: 'meeting' | 'activity' | 'work';
  form: F;
  setForm: (change: Partial<F>) => void;
}) {
  const api = useApi();
  const { duties: _ticked, attachments: _files, ...rest } = form as F & { attachments?: unknown };
  const text = useSettled(formText(rest).join('\n').slice(0, 100_000), SUGGEST_DELAY_MS);
  const type = form.type;
  // A plain effect, not a query: the editors also render outside the app's query cache (their tests),
  // and a suggestion is a hint that may fail quietly (the clerk ticks by hand).
  const [suggestions, setSuggestions] = useState<DutySuggestion[]>([]);
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => api['duties.suggest']({ kind, ...(type ? { type } : {}), text }))
      .then((s) => {
        if (live) setSuggestions(s);
      })
      .catch(() => {
        if (live) setSuggestions([]);
      });
    return () => {
      live = false;
    };
  }, [api, kind, type, text]);
  const ticked = form.duties ?? [];
  const reasons = new Map(suggestions.map((s) => [s.duty, s.reason]));
  const open = suggestions.filter((s) => !ticked.includes(s.duty));
  const set = (next: DutyId[]) => setForm({ duties: DUTY_IDS.filter((d) => next.includes(d)) } as Partial<F>);

  return (
    <Form.Item
      label="体现的职责（可不填）"
      extra="勾选本记录体现的九项职责。只有勾选的职责计入年度台账的职责覆盖；封存后也可通过更正补充。"
    >
      <Flex vertical gap={8} data-testid="duty-picker">
        <Checkbox.Group value={ticked} onChange={(v) => set(v)} aria-label="体现的职责">
          <Flex wrap gap={10}>
            {DUTY_IDS.map((d, i) => (
              <Tooltip key={d} title={reasons.has(d) ? `${DUTY_SCOPES[d]}（建议：${reasons.get(d)}）` : DUTY_SCOPES[d]}>
                <Checkbox value={d} data-testid={`duty-${d}`}>
                  {i + 1}. {DUTIES[d]}
                  {reasons.has(d) && !ticked.includes(d) && (
                    <Tag color="gold" style={{ marginLeft: 4 }}>
                      建议
                    </Tag>
                  )}
                </Checkbox>
              </Tooltip>
            ))}
          </Flex>
        </Checkbox.Group>
        {open.length > 0 && (
          <Flex align="center" gap={8} wrap>
            <Typography.Text type="secondary">
              <BulbOutlined /> 根据内容建议：{open.map((s) => s.label).join('、')}
            </Typography.Text>
            <Button size="small" data-testid="duty-accept" onClick={() => set([...ticked, ...open.map((s) => s.duty)])}>
              采纳建议（{open.length} 项）
            </Button>
          </Flex>
        )}
      </Flex>
    </Form.Item>
  );
}
