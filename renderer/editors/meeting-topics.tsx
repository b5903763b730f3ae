/**
 * 议题 (title, discussion, dissent: 不同意见有言必录) and 决议 with their votes. Each decision
 * shows the service's verdict (通过 / 未通过) next to its votes as soon as it is known.
 */
import { Button, Card, Col, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { decision, topic, votes, type MeetingEvaluation } from '../../db/contract';
import { LongText } from '../forms/long-text';
import { zodRule } from '../forms/zod-form';
import { emptyDecision, emptyTopic } from './meeting-form-state';
import { removeAt, typedNumber, type MeetingSectionProps } from './meeting-section-props';

const VOTE_FIELDS: { key: 'for' | 'against' | 'abstain'; label: string }[] = [
  { key: 'for', label: '同意' },
  { key: 'against', label: '反对' },
  { key: 'abstain', label: '弃权' },
];

export function MeetingTopics({ form, setForm }: MeetingSectionProps) {
  return (
    <section aria-labelledby="topics-heading">
      <Typography.Title level={5} id="topics-heading">
        议题与讨论
      </Typography.Title>
      {form.topics.map((_, i) => (
        <Card
          key={i}
          size="small"
          style={{ marginBottom: 12 }}
          title={`议题 ${i + 1}`}
          extra={
            form.topics.length > 1 && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除议题 ${i + 1}`}
                onClick={() => setForm((f) => ({ ...f, topics: removeAt(f.topics, i) }))}
              >
                删除
              </Button>
            )
          }
        >
          <Form.Item
            name={['topics', i, 'title']}
            label={`议题 ${i + 1} 名称`}
            htmlFor={`topic-title-${i}`}
            rules={[zodRule(topic.shape.title, true)]}
          >
            <Input id={`topic-title-${i}`} data-testid={`topic-title-${i}`} maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['topics', i, 'discussion']}
            label="讨论情况"
            htmlFor={`topic-discussion-${i}`}
            rules={[zodRule(topic.shape.discussion)]}
          >
            <LongText
              schema={topic.shape.discussion}
              id={`topic-discussion-${i}`}
              data-testid={`topic-discussion-${i}`}
              autoSize={{ minRows: 3 }}
            />
          </Form.Item>
          <Form.Item
            name={['topics', i, 'dissent']}
            label="不同意见（有言必录，照实记载发言人和意见）"
            htmlFor={`topic-dissent-${i}`}
            rules={[zodRule(topic.shape.dissent)]}
          >
            <LongText
              schema={topic.shape.dissent}
              id={`topic-dissent-${i}`}
              data-testid={`topic-dissent-${i}`}
              autoSize={{ minRows: 2 }}
            />
          </Form.Item>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        data-testid="topic-add"
        onClick={() => setForm((f) => ({ ...f, topics: [...f.topics, emptyTopic()] }))}
      >
        添加议题
      </Button>
    </section>
  );
}

export function MeetingDecisions({
  form,
  setForm,
  groupErrors: errors,
  evaluation,
}: MeetingSectionProps & { evaluation: MeetingEvaluation | null }) {
  return (
    <section aria-labelledby="decisions-heading">
      <Typography.Title level={5} id="decisions-heading">
        决议与表决
      </Typography.Title>
      {form.decisions.length === 0 && (
        <Typography.Paragraph type="secondary">本次会议如有表决事项，请逐项添加决议并填写票数。</Typography.Paragraph>
      )}
      {form.decisions.map((_, i) => {
        const verdict = evaluation?.decisions[i];
        return (
          <Card
            key={i}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Flex gap={8} align="center">
                <span>决议 {i + 1}</span>
                {verdict && (
                  <Tag color={verdict.passed ? 'green' : 'red'} data-testid={`decision-result-${i}`}>
                    {verdict.passed ? '通过' : '未通过'}
                  </Tag>
                )}
              </Flex>
            }
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除决议 ${i + 1}`}
                onClick={() => setForm((f) => ({ ...f, decisions: removeAt(f.decisions, i) }))}
              >
                删除
              </Button>
            }
          >
            <Form.Item
              name={['decisions', i, 'text']}
              label={`决议 ${i + 1} 内容`}
              htmlFor={`decision-text-${i}`}
              rules={[zodRule(decision.shape.text, true)]}
            >
              <Input.TextArea
                id={`decision-text-${i}`}
                data-testid={`decision-text-${i}`}
                maxLength={500}
                autoSize={{ minRows: 1, maxRows: 4 }}
              />
            </Form.Item>
            <Row gutter={8}>
              {VOTE_FIELDS.map(({ key, label }) => (
                <Col span={8} key={key}>
                  <Form.Item
                    name={['decisions', i, key]}
                    label={`${label}票`}
                    htmlFor={`votes-${key}-${i}`}
                    rules={[zodRule(votes.shape[key], true, typedNumber)]}
                  >
                    <Input
                      id={`votes-${key}-${i}`}
                      data-testid={`votes-${key}-${i}`}
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      suffix="票"
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {errors[`decisions.${i}.votes`] && (
              <Typography.Paragraph type="danger">{errors[`decisions.${i}.votes`]}</Typography.Paragraph>
            )}
            {verdict && (
              <Typography.Text type={verdict.passed ? 'success' : 'danger'}>{verdict.message}</Typography.Text>
            )}
          </Card>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        data-testid="decision-add"
        onClick={() => setForm((f) => ({ ...f, decisions: [...f.decisions, emptyDecision()] }))}
      >
        添加决议
      </Button>
    </section>
  );
}
