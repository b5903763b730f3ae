/** The check's conclusion: 符合要求, or 存在问题，需整改 with what to rectify and by when; notes. */
import { Alert, Card, Col, Input, Radio, Row, Typography } from 'antd';
import { DateField } from '../forms/date-field';
import type { SpotState } from './spot-state';

export function SpotConclusion({
  state,
  problems,
  onChange,
}: {
  state: SpotState;
  problems: boolean;
  onChange: (patch: Partial<SpotState>) => void;
}) {
  return (
    <Card size="small" title="抽查结论" data-testid="spot-conclusion">
      {problems && state.conclusion === 'compliant' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="有样本被判定为“有问题”，但结论为“符合要求”。请确认。"
        />
      )}
      <Radio.Group
        aria-label="抽查结论"
        data-testid="spot-conclusion-choice"
        value={state.conclusion}
        onChange={(e) => onChange({ conclusion: e.target.value as 'compliant' | 'rectify' })}
        options={[
          { value: 'compliant', label: '符合要求' },
          { value: 'rectify', label: '存在问题，需整改' },
        ]}
      />
      {state.conclusion === 'rectify' && (
        <Row gutter={16} style={{ marginTop: 12 }}>
          <Col span={16}>
            <Typography.Text>需整改的内容</Typography.Text>
            <Input.TextArea
              aria-label="需整改的内容"
              data-testid="spot-rectify-what"
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={state.rectifyWhat}
              onChange={(e) => onChange({ rectifyWhat: e.target.value })}
            />
          </Col>
          <Col span={8}>
            <Typography.Text>整改期限</Typography.Text>
            <DateField
              aria-label="整改期限"
              data-testid="spot-rectify-by"
              value={state.rectifyBy}
              onChange={(v) => onChange({ rectifyBy: v })}
            />
          </Col>
        </Row>
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text>其他说明（可选）</Typography.Text>
        <Input.TextArea
          aria-label="其他说明"
          data-testid="spot-notes"
          maxLength={5000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={state.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
        />
      </div>
    </Card>
  );
}
