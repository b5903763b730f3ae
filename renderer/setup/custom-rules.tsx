/**
 * The parameters of a 自定义 profile, as the service lists them (profiles.list): labels, bounds,
 * the 超过 / 以上 words and the starting values all come from db/rules. The values the
 * organisation sets are the profile's overrides, keyed by the parameter's path.
 */
import { Col, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { CustomRuleParam, ThresholdView } from '../../db/contract';

/** Overrides by parameter path (`committee.quorum` …); a parameter not set keeps its starting value. */
export type CustomRuleValues = Record<string, number | ThresholdView | null>;

function ThresholdInput({
  param,
  value,
  words,
  onChange,
}: {
  param: Extract<CustomRuleParam, { kind: 'threshold' }>;
  value: ThresholdView;
  words: { strict: string; notStrict: string };
  onChange: (t: ThresholdView) => void;
}) {
  const strictOptions = [
    { value: true, label: words.strict },
    { value: false, label: words.notStrict },
  ];
  return (
    <Space wrap style={{ display: 'flex', marginTop: 4 }}>
      <span>{param.base}的</span>
      <InputNumber
        aria-label={`${param.label}分子`}
        min={1}
        max={value.den}
        value={value.num}
        onChange={(n) => onChange({ ...value, num: n ?? 1 })}
        style={{ width: 64 }}
      />
      <span>/</span>
      <InputNumber
        aria-label={`${param.label}分母`}
        min={1}
        max={100}
        value={value.den}
        onChange={(d) => onChange({ ...value, den: d ?? 1, num: Math.min(value.num, d ?? 1) })}
        style={{ width: 64 }}
      />
      <Select
        aria-label={`${param.label}口径`}
        value={value.strict}
        options={strictOptions}
        style={{ width: 150 }}
        onChange={(strict: boolean) => onChange({ ...value, strict })}
      />
    </Space>
  );
}

function ParamInput({
  param,
  value,
  words,
  onChange,
}: {
  param: CustomRuleParam;
  value: number | ThresholdView | null;
  words: { strict: string; notStrict: string };
  onChange: (v: number | ThresholdView | null) => void;
}) {
  switch (param.kind) {
    case 'threshold':
      return <ThresholdInput param={param} value={value as ThresholdView} words={words} onChange={onChange} />;
    case 'count':
      return (
        <Space style={{ display: 'flex', marginTop: 4 }}>
          <InputNumber
            aria-label={param.label}
            min={param.min}
            max={param.max}
            value={value as number}
            onChange={(n) => onChange(n ?? param.min)}
          />
          <span>{param.unit}</span>
        </Space>
      );
    case 'days':
      return (
        <Space style={{ display: 'flex', marginTop: 4 }}>
          <InputNumber
            aria-label={param.label}
            min={param.min}
            max={param.max}
            value={value as number | null}
            placeholder={param.emptyMeans}
            onChange={(n) => onChange(n ?? null)}
          />
          <span>
            {param.unit}（空为{param.emptyMeans}）
          </span>
        </Space>
      );
  }
}

export function CustomRules({
  params,
  words,
  value,
  onChange,
}: {
  params: CustomRuleParam[];
  words: { strict: string; notStrict: string };
  value: CustomRuleValues;
  onChange: (v: CustomRuleValues) => void;
}) {
  return (
    <div
      data-testid="custom-rules"
      style={{ marginTop: 16, padding: 16, background: '#fafafa', border: '1px solid #f0f0f0' }}
    >
      <Typography.Paragraph type="secondary">
        自定义方案以北京方案为起点，可调整下列参数；“{words.strict}”与“{words.notStrict}”的区别决定临界情况。
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        {params.map((param) => (
          <Col span={12} key={param.key}>
            <Typography.Text>{param.label}</Typography.Text>
            <ParamInput
              param={param}
              words={words}
              value={param.key in value ? value[param.key]! : param.value}
              onChange={(v) => onChange({ ...value, [param.key]: v })}
            />
          </Col>
        ))}
      </Row>
    </div>
  );
}
