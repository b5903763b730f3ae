/**
 * Optional election (党员大会, by-elections: 001 templates 4–9): voters expected and present,
 * ballots, seats, competitive or uncontested, candidates with their votes. Thresholds
 * (4/5 of voters, 差额 ≥ 20%) are judged by the service and shown in the rule panel.
 */
import { Alert, Button, Checkbox, Col, Flex, Input, Radio, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Field } from './field';
import { emptyCandidate, type ElectionForm } from './meeting-form-state';
import { removeAt, replaceAt, type MeetingSectionProps } from './meeting-section-props';

const COUNTS: { key: 'votingExpected' | 'votingPresent' | 'ballotsCast' | 'seats'; label: string; suffix: string }[] = [
  { key: 'votingExpected', label: '应到有选举权人数', suffix: '人' },
  { key: 'votingPresent', label: '实到有选举权人数', suffix: '人' },
  { key: 'ballotsCast', label: '收回选票', suffix: '张' },
  { key: 'seats', label: '应选名额', suffix: '名' },
];

export function MeetingElection({ form, setForm, errors }: MeetingSectionProps) {
  const e = form.election;
  const setElection = (change: Partial<ElectionForm> | ((current: ElectionForm) => ElectionForm)) =>
    setForm((f) => ({
      ...f,
      election: typeof change === 'function' ? change(f.election) : { ...f.election, ...change },
    }));

  return (
    <section aria-labelledby="election-heading">
      <Typography.Title level={5} id="election-heading">
        选举
      </Typography.Title>
      <Checkbox
        id="has-election"
        data-testid="has-election"
        checked={form.hasElection}
        onChange={(ev) => setForm({ hasElection: ev.target.checked })}
      >
        本次会议进行了选举（党员大会选举或补选）
      </Checkbox>
      {form.hasElection && (
        <div style={{ marginTop: 12 }}>
          {errors.election && <Alert type="error" showIcon title={errors.election} style={{ marginBottom: 8 }} />}
          <Field label="选举对象" htmlFor="election-body" name="election.body" errors={errors} required>
            <Input
              id="election-body"
              data-testid="election-body"
              maxLength={100}
              value={e.body}
              onChange={(ev) => setElection({ body: ev.target.value })}
            />
          </Field>
          <Row gutter={8}>
            {COUNTS.map(({ key, label, suffix }) => (
              <Col xs={12} md={6} key={key}>
                <Field label={label} htmlFor={`election-${key}`} name={`election.${key}`} errors={errors} required>
                  <Input
                    id={`election-${key}`}
                    data-testid={`election-${key}`}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    suffix={suffix}
                    value={e[key]}
                    onChange={(ev) => setElection({ [key]: ev.target.value })}
                  />
                </Field>
              </Col>
            ))}
          </Row>
          <Flex gap={24} wrap>
            <Field label="选举方式" htmlFor="election-competitive" name="election.competitive" errors={errors} required>
              <Radio.Group
                id="election-competitive"
                aria-label="选举方式"
                value={e.competitive}
                onChange={(ev) => setElection({ competitive: ev.target.value as boolean })}
                options={[
                  { value: true, label: '差额选举' },
                  { value: false, label: '等额选举' },
                ]}
              />
            </Field>
            <Field label="是否补选" htmlFor="election-by" name="election.byElection" errors={errors}>
              <Checkbox
                id="election-by"
                checked={e.byElection}
                onChange={(ev) => setElection({ byElection: ev.target.checked })}
              >
                补选
              </Checkbox>
            </Field>
          </Flex>
          {e.candidates.map((c, i) => (
            <Row gutter={8} key={i} align="bottom">
              <Col xs={14} md={12}>
                <Field
                  label={`候选人 ${i + 1} 姓名`}
                  htmlFor={`candidate-name-${i}`}
                  name={`election.candidates.${i}.name`}
                  errors={errors}
                  required
                >
                  <Input
                    id={`candidate-name-${i}`}
                    data-testid={`candidate-name-${i}`}
                    maxLength={50}
                    value={c.name}
                    onChange={(ev) =>
                      setElection((cur) => ({
                        ...cur,
                        candidates: replaceAt(cur.candidates, i, { name: ev.target.value }),
                      }))
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} md={8}>
                <Field
                  label="得票"
                  htmlFor={`candidate-votes-${i}`}
                  name={`election.candidates.${i}.votes`}
                  errors={errors}
                  required
                >
                  <Input
                    id={`candidate-votes-${i}`}
                    data-testid={`candidate-votes-${i}`}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    suffix="票"
                    value={c.votes}
                    onChange={(ev) =>
                      setElection((cur) => ({
                        ...cur,
                        candidates: replaceAt(cur.candidates, i, { votes: ev.target.value }),
                      }))
                    }
                  />
                </Field>
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
