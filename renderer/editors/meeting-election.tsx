/**
 * Optional election (党员大会, by-elections: 001 templates 4–9): voters expected and present,
 * ballots, seats, competitive or uncontested, candidates with their votes. Thresholds
 * (4/5 of voters, 差额 ≥ 20%) are judged by the service and shown in the rule panel.
 */
import { Alert, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { candidate, election } from '../../db/contract';
import { chooseRule, zodRule } from '../forms/zod-form';
import { emptyCandidate, type ElectionForm } from './meeting-form-state';
import { removeAt, typedNumber, type MeetingSectionProps } from './meeting-section-props';

const COUNTS: { key: 'votingExpected' | 'votingPresent' | 'ballotsCast' | 'seats'; label: string; suffix: string }[] = [
  { key: 'votingExpected', label: '应到有选举权人数', suffix: '人' },
  { key: 'votingPresent', label: '实到有选举权人数', suffix: '人' },
  { key: 'ballotsCast', label: '收回选票', suffix: '张' },
  { key: 'seats', label: '应选名额', suffix: '名' },
];

const shape = election.shape;

export function MeetingElection({ form, setForm, groupErrors: errors }: MeetingSectionProps) {
  const e = form.election;
  const setElection = (change: (current: ElectionForm) => ElectionForm) =>
    setForm((f) => ({ ...f, election: change(f.election) }));

  return (
    <section aria-labelledby="election-heading">
      <Typography.Title level={5} id="election-heading">
        选举
      </Typography.Title>
      <Form.Item name="hasElection" valuePropName="checked" noStyle>
        <Checkbox id="has-election" data-testid="has-election">
          本次会议进行了选举（党员大会选举或补选）
        </Checkbox>
      </Form.Item>
      {form.hasElection && (
        <div style={{ marginTop: 12 }}>
          {errors.election && <Alert type="error" showIcon title={errors.election} style={{ marginBottom: 8 }} />}
          <Form.Item
            name={['election', 'body']}
            label="选举对象"
            htmlFor="election-body"
            rules={[zodRule(shape.body, true)]}
          >
            <Input id="election-body" data-testid="election-body" maxLength={100} />
          </Form.Item>
          <Row gutter={8}>
            {COUNTS.map(({ key, label, suffix }) => (
              <Col xs={12} md={6} key={key}>
                <Form.Item
                  name={['election', key]}
                  label={label}
                  htmlFor={`election-${key}`}
                  rules={[zodRule(shape[key], true, typedNumber)]}
                >
                  <Input
                    id={`election-${key}`}
                    data-testid={`election-${key}`}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    suffix={suffix}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Flex gap={24} wrap>
            <Form.Item
              name={['election', 'competitive']}
              label="选举方式"
              htmlFor="election-competitive"
              rules={[chooseRule()]}
            >
              <Radio.Group
                id="election-competitive"
                aria-label="选举方式"
                options={[
                  { value: true, label: '差额选举' },
                  { value: false, label: '等额选举' },
                ]}
              />
            </Form.Item>
            <Form.Item name={['election', 'byElection']} label="是否补选" htmlFor="election-by" valuePropName="checked">
              <Checkbox id="election-by">补选</Checkbox>
            </Form.Item>
          </Flex>
          {e.candidates.map((_, i) => (
            <Row gutter={8} key={i} align="bottom">
              <Col xs={14} md={12}>
                <Form.Item
                  name={['election', 'candidates', i, 'name']}
                  label={`候选人 ${i + 1} 姓名`}
                  htmlFor={`candidate-name-${i}`}
                  rules={[zodRule(candidate.shape.name, true)]}
                >
                  <Input id={`candidate-name-${i}`} data-testid={`candidate-name-${i}`} maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={8} md={8}>
                <Form.Item
                  name={['election', 'candidates', i, 'votes']}
                  label="得票"
                  htmlFor={`candidate-votes-${i}`}
                  rules={[zodRule(candidate.shape.votes, true, typedNumber)]}
                >
                  <Input
                    id={`candidate-votes-${i}`}
                    data-testid={`candidate-votes-${i}`}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    suffix="票"
                  />
                </Form.Item>
              </Col>
              <Col xs={2} md={4}>
                {e.candidates.length > 1 && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除候选人 ${i + 1}`}
                    style={{ marginBottom: 24 }}
                    onClick={() => setElection((cur) => ({ ...cur, candidates: removeAt(cur.candidates, i) }))}
                  />
                )}
              </Col>
            </Row>
          ))}
          {errors['election.candidates'] && (
            <Typography.Text type="danger">{errors['election.candidates']}</Typography.Text>
          )}
          <div>
            <Button
              icon={<PlusOutlined />}
              data-testid="candidate-add"
              onClick={() => setElection((cur) => ({ ...cur, candidates: [...cur.candidates, emptyCandidate()] }))}
            >
              添加候选人
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
