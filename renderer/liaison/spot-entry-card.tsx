/**
 * One sampled entry of a spot check: what the app computed for it (quorum, votes, filing,
 * leave notes, late recording, clock, corrections, attachments) beside the four-word
 * checklist and the liaison's note. The entry itself opens read-only in its book.
 */
import { Button, Card, Col, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { SpotEntryFacts } from '../../db/contract';
import { CHECK_WORDS, type CheckKey, type FindingState, type Mark } from './spot-state';

const FACT_ICON = {
  ok: <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="符合" />,
  problem: <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-label="问题" />,
  info: <InfoCircleFilled style={{ color: '#8c8c8c' }} aria-label="说明" />,
};

export function SpotEntryCard({
  index,
  entry,
  finding,
  onChange,
  onOpen,
}: {
  index: number;
  entry: SpotEntryFacts;
  finding: FindingState;
  onChange: (finding: FindingState) => void;
  onOpen: (seq: number) => void;
}) {
  const setCheck = (key: CheckKey, mark: Mark) => onChange({ ...finding, checks: { ...finding.checks, [key]: mark } });
  const allOk = () =>
    onChange({
      ...finding,
      checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' },
    });
  const problems = CHECK_WORDS.filter((w) => finding.checks[w.key] === 'problem').length;
  return (
    <Card
      size="small"
      data-testid={`spot-entry-${entry.seq}`}
      title={
        <Space wrap>
          <Typography.Text type="secondary">{`样本 ${index + 1}`}</Typography.Text>
          <Tag>{`第 ${entry.seq} 条`}</Tag>
          <Tag color="blue">{entry.kindLabel}</Tag>
          <Typography.Text strong>{entry.title}</Typography.Text>
          <Typography.Text type="secondary">{entry.date}</Typography.Text>
        </Space>
      }
      extra={
        <Button size="small" type="link" onClick={() => onOpen(entry.seq)} data-testid="spot-entry-open">
          查看原记录
        </Button>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Typography.Text type="secondary">程序核算的情况</Typography.Text>
          <ul style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }} data-testid="spot-entry-facts">
            {entry.facts.length === 0 && <li>（该类记录没有可核算的规则项）</li>}
            {entry.facts.map((f, i) => (
              <li key={`${f.label}-${i}`} style={{ marginBottom: 4 }} data-state={f.state}>
                <Space align="start">
                  {FACT_ICON[f.state]}
                  <span>
                    <Typography.Text strong>{f.label}：</Typography.Text>
                    <Typography.Text type={f.state === 'problem' ? 'danger' : undefined}>{f.value}</Typography.Text>
                  </span>
                </Space>
              </li>
            ))}
          </ul>
        </Col>
        <Col xs={24} lg={11}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary">联络员判定</Typography.Text>
            <Button size="small" onClick={allOk} data-testid="spot-entry-all-ok">
              四项均符合
            </Button>
          </Space>
          <div style={{ marginTop: 6 }}>
            {CHECK_WORDS.map((w) => (
              <div key={w.key} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 6 }}>
                <span style={{ width: 36, fontWeight: 600 }}>{w.label}</span>
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  aria-label={`第 ${entry.seq} 条 ${w.label}`}
                  data-testid={`spot-check-${entry.seq}-${w.key}`}
                  value={finding.checks[w.key]}
                  onChange={(e) => setCheck(w.key, e.target.value as Mark)}
                  options={[
                    { value: 'ok', label: '符合' },
                    { value: 'problem', label: '有问题' },
                  ]}
                />
              </div>
            ))}
          </div>
          <Input.TextArea
            aria-label={`第 ${entry.seq} 条 说明`}
            data-testid={`spot-note-${entry.seq}`}
            placeholder={problems > 0 ? '请写明发现的问题（必填）' : '说明（可选）'}
            status={problems > 0 && finding.note.trim() === '' ? 'warning' : undefined}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            value={finding.note}
            onChange={(e) => onChange({ ...finding, note: e.target.value })}
          />
        </Col>
      </Row>
    </Card>
  );
}
