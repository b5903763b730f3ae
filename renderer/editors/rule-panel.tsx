/**
 * The live checks beside an editor, from `entries.check` (the seal's own checks): for a meeting
 * the counts, quorum in the profile's own words (e.g. 超过应到人数的2/3), each decision, the
 * filing deadline (working days, computed by the service) and the election; for every kind the
 * checks grouped as 须修改后才能封存 / 将随记录一并封存的提示 / 已通过.
 * The renderer decides no rule itself.
 */
import { Alert, Card, Col, Divider, Flex, Row, Spin, Statistic, Tag, Typography } from 'antd';
import type { EntryCheck, MeetingEvaluation, OrgView } from '../../db/contract';
import { CheckGroups } from './check-groups';

export interface RulePanelProps {
  check: EntryCheck | null;
  pending: boolean;
  error: string | null;
  org: OrgView | null;
  /** Meetings only: the form's own counts beside the service's. */
  absentCount?: number;
  guestCount?: number;
  /** What the panel waits for before the first answer. */
  waitingText?: string;
}

export function RulePanel({
  check,
  pending,
  error,
  org,
  absentCount = 0,
  guestCount = 0,
  waitingText = '正在检查…',
}: RulePanelProps) {
  return (
    <Card
      data-testid="rule-panel"
      size="small"
      aria-live="polite"
      title={
        <Flex gap={8} align="center">
          封存前检查{pending && <Spin size="small" />}
        </Flex>
      }
      extra={org && <Tag>{org.profile.label}</Tag>}
    >
      {error && <Alert type="error" showIcon title={`规则检查暂不可用：${error}`} style={{ marginBottom: 8 }} />}
      {!check && !error && <Typography.Text type="secondary">{waitingText}</Typography.Text>}
      {check && (
        <Flex vertical gap={8}>
          {check.evaluation && (
            <EvaluationView evaluation={check.evaluation} absentCount={absentCount} guestCount={guestCount} />
          )}
          <CheckGroups check={check} />
        </Flex>
      )}
      {org && org.profile.rules.length > 0 && (
        <>
          <Divider size="small" />
          <Typography.Text type="secondary">本组织执行的规则：</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {org.profile.rules.map((r) => (
              <li key={r}>
                <Typography.Text type="secondary">{r}</Typography.Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function EvaluationView({
  evaluation: ev,
  absentCount,
  guestCount,
}: {
  evaluation: MeetingEvaluation;
  absentCount: number;
  guestCount: number;
}) {
  return (
    <Flex vertical gap={8}>
      <Row gutter={8}>
        <Col span={6}>
          <Statistic title="应到" value={ev.expected.length} suffix="人" />
        </Col>
        <Col span={6}>
          <Statistic title="实到" value={ev.presentCount} suffix="人" />
        </Col>
        <Col span={6}>
          <Statistic title="缺席" value={absentCount} suffix="人" />
        </Col>
        <Col span={6}>
          <Statistic title="列席" value={guestCount} suffix="人" />
        </Col>
      </Row>
      <div data-testid="quorum-result">
        <Tag color={ev.quorum.met ? 'green' : 'red'}>{ev.quorum.met ? '达到法定人数' : '未达到法定人数'}</Tag>
        <Typography.Text>{ev.quorum.message}</Typography.Text>
      </div>
      {ev.decisions.map((d, i) => (
        <div key={i} data-testid={`rule-decision-${i}`}>
          <Tag color={d.passed ? 'green' : 'red'}>
            决议 {i + 1}：{d.passed ? '通过' : '未通过'}
          </Tag>
          <Typography.Text>{d.message}</Typography.Text>
        </div>
      ))}
      <div data-testid="filing-deadline">
        <Typography.Text strong>纪要备案：</Typography.Text>
        {ev.filing.deadline && <Tag color="blue">最迟 {ev.filing.deadline}</Tag>}
        <Typography.Text>{ev.filing.message}</Typography.Text>
      </div>
      {ev.election && (
        <div data-testid="election-result">
          <Tag color={ev.election.thresholdMet ? 'green' : 'red'}>
            {ev.election.thresholdMet ? '到会人数符合选举要求' : '到会人数不足'}
          </Tag>
          <Tag color={ev.election.marginMet ? 'green' : 'orange'}>
            {ev.election.marginMet ? '差额比例符合' : '差额比例不足'}
          </Tag>
          <Typography.Paragraph style={{ margin: 0 }}>{ev.election.message}</Typography.Paragraph>
          {ev.election.elected.length > 0 && <Typography.Text>当选：{ev.election.elected.join('、')}</Typography.Text>}
        </div>
      )}
    </Flex>
  );
}
