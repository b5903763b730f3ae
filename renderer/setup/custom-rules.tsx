/**
 * Parameters of a 自定义 profile. The service starts a custom profile from the Beijing rules
 * and applies these as dotted overrides (db/rules resolveProfile); each threshold keeps the
 * 超过 / 以上 distinction, which decides real cases.
 */
import { Col, InputNumber, Row, Select, Space, Typography } from 'antd';

export interface Threshold { num: number; den: number; strict: boolean }
export interface CustomRuleValues {
  meetingsPerYear: number;
  quorum: Threshold;
  decision: Threshold;
  /** null: no filing deadline. */
  filingDays: number | null;
}

export const CUSTOM_DEFAULTS: CustomRuleValues = {
  meetingsPerYear: 2,
  quorum: { num: 2, den: 3, strict: true },
  decision: { num: 1, den: 2, strict: false },
  filingDays: 3,
};

/** The `profile.overrides` object the contract carries to db/rules. */
export function toOverrides(v: CustomRuleValues): Record<string, unknown> {
  return {
    'meetings.meetingsPerYear': v.meetingsPerYear,
    'committee.quorum': v.quorum,
    'committee.decision': v.decision,
    'filing.workingDays': v.filingDays,
  };
}

function describeThreshold(t: Threshold, base: string): string {
  return t.strict ? `超过${base}的${t.num}/${t.den}` : `${base}的${t.num}/${t.den}以上`;
}

/** One line for the review step. */
export function describeCustomRules(v: CustomRuleValues): string {
  return [
    `每年至少召开 ${v.meetingsPerYear} 次会议`,
    `到会须${describeThreshold(v.quorum, '应到人数')}`,
    `决议须经${describeThreshold(v.decision, '实到人数')}同意`,
    v.filingDays === null ? '纪要不设备案期限' : `纪要 ${v.filingDays} 个工作日内备案`,
  ].join('；') + '。';
}

function ThresholdInput({ label, base, value, onChange }: {
  label: string; base: string; value: Threshold; onChange: (t: Threshold) => void;
}) {
  const strictOptions = [{ value: true, label: '超过' }, { value: false, label: '以上（含本数）' }];
  return (
    <div>
      <Typography.Text>{label}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 4 }}>
        <span>{base}的</span>
        <InputNumber aria-label={`${label}分子`} min={1} max={value.den} value={value.num}
          onChange={(n) => onChange({ ...value, num: n ?? 1 })} style={{ width: 64 }} />
        <span>/</span>
        <InputNumber aria-label={`${label}分母`} min={1} max={100} value={value.den}
          onChange={(d) => onChange({ ...value, den: d ?? 1, num: Math.min(value.num, d ?? 1) })} style={{ width: 64 }} />
        <Select aria-label={`${label}口径`} value={value.strict} options={strictOptions} style={{ width: 150 }}
          onChange={(strict: boolean) => onChange({ ...value, strict })} />
      </Space>
    </div>
  );
}

export function CustomRules({ value, onChange }: { value: CustomRuleValues; onChange: (v: CustomRuleValues) => void }) {
  return (
    <div data-testid="custom-rules" style={{ marginTop: 16, padding: 16, background: '#fafafa', border: '1px solid #f0f0f0' }}>
      <Typography.Paragraph type="secondary">
        自定义方案以北京方案为起点，可调整下列参数；“超过”不含本数，“以上”含本数。
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col span={12}>
          <Typography.Text>每年至少召开会议（次）</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <InputNumber aria-label="每年至少召开会议次数" min={0} max={24} value={value.meetingsPerYear}
              onChange={(n) => onChange({ ...value, meetingsPerYear: n ?? 0 })} />
          </div>
        </Col>
        <Col span={12}>
          <Typography.Text>纪要备案期限（工作日，空为不要求）</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <InputNumber aria-label="纪要备案期限" min={1} max={60} value={value.filingDays}
              onChange={(n) => onChange({ ...value, filingDays: n ?? null })} />
          </div>
        </Col>
        <Col span={12}>
          <ThresholdInput label="到会人数" base="应到人数" value={value.quorum} onChange={(quorum) => onChange({ ...value, quorum })} />
        </Col>
        <Col span={12}>
          <ThresholdInput label="决议通过" base="实到人数" value={value.decision} onChange={(decision) => onChange({ ...value, decision })} />
        </Col>
      </Row>
    </div>
  );
}
