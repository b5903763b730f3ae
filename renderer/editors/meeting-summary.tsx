/**
 * The meeting as it will be sealed: every field of the parsed input (names resolved from
 * the roster) followed by the service's rule results for exactly this input.
 */
import { Alert, Flex, Tag, Typography } from 'antd';
import {
  MEETING_MODES,
  MEETING_TYPES,
  type MeetingEvaluation,
  type MeetingInput,
  type MemberView,
} from '../../db/contract';
import { memberName } from './use-book-context';
import { dutyLabels } from '../ledger/duty-picker';
import { Prose, SummaryTable, attachmentsText, orEmpty, type SummaryRow } from './summary-parts';

export interface MeetingPayload {
  input: MeetingInput;
  evaluation: MeetingEvaluation | null;
  evaluationError: string | null;
}

const time = (s: string) => s.replace('T', ' ');

export function MeetingSummary({ payload, roster }: { payload: MeetingPayload; roster: readonly MemberView[] }) {
  const { input: m, evaluation: ev, evaluationError } = payload;
  const names = (ids: readonly string[]) => (ids.length ? ids.map((id) => memberName(roster, id)).join('、') : '无');
  const rows: SummaryRow[] = [
    { label: '会议类型', value: MEETING_TYPES[m.type] },
    { label: '会议名称', value: orEmpty(m.title) },
    { label: '会议次序', value: `第 ${m.number} 次` },
    { label: '会议形式', value: MEETING_MODES[m.mode] },
    { label: '时间', value: `${time(m.startAt)} 至 ${time(m.endAt)}` },
    { label: '地点', value: orEmpty(m.place) },
    { label: '主持人', value: `${memberName(roster, m.chairId)}${m.chairDelegated ? '（受委托主持）' : ''}` },
    { label: '记录人', value: m.recorder },
    { label: `实到（${m.presentIds.length} 人）`, value: names(m.presentIds) },
    {
      label: `缺席（${m.absent.length} 人）及请假说明`,
      value: m.absent.length
        ? m.absent.map((a) => `${memberName(roster, a.memberId)}：${a.leaveNote || '（未填写）'}`).join('；')
        : '无',
    },
    {
      label: `列席（${m.guests.length} 人，不计人数、无表决权）`,
      value: m.guests.length ? m.guests.map((g) => (g.unit ? `${g.name}（${g.unit}）` : g.name)).join('、') : '无',
    },
    ...m.topics.map((t, i) => ({
      label: `议题 ${i + 1}`,
      value: (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t.title}</Typography.Text>
          <div>
            <Typography.Text type="secondary">讨论情况：</Typography.Text>
            <Prose text={t.discussion} />
          </div>
          <div>
            <Typography.Text type="secondary">不同意见：</Typography.Text>
            <Prose text={t.dissent} />
          </div>
        </Flex>
      ),
    })),
    ...m.decisions.map((d, i) => ({
      label: `决议 ${i + 1}`,
      value: (
        <>
          <div>{d.text}</div>
          <Typography.Text>
            同意 {d.votes.for} 票，反对 {d.votes.against} 票，弃权 {d.votes.abstain} 票
          </Typography.Text>
          {ev?.decisions[i] && (
            <Tag color={ev.decisions[i].passed ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
              {ev.decisions[i].passed ? '通过' : '未通过'}
            </Tag>
          )}
        </>
      ),
    })),
    { label: '会议纪要', value: <Prose text={m.minutes} /> },
    { label: '单独召开', value: m.heldSeparately ? '是，未与理事会或其他会议合并' : '否（未确认单独召开）' },
    ...(m.election
      ? [
          {
            label: '选举',
            value: (
              <>
                <div>
                  {m.election.body}（{m.election.competitive ? '差额选举' : '等额选举'}
                  {m.election.byElection ? '，补选' : ''}）
                </div>
                <div>
                  应到有选举权 {m.election.votingExpected} 人，实到 {m.election.votingPresent} 人，收回选票{' '}
                  {m.election.ballotsCast} 张，应选 {m.election.seats} 名
                </div>
                <div>候选人得票：{m.election.candidates.map((c) => `${c.name} ${c.votes} 票`).join('；')}</div>
              </>
            ),
          },
        ]
      : []),
    { label: '附件', value: attachmentsText(m.attachments) },
    { label: '体现的职责', value: dutyLabels(m.duties) },
  ];

  return (
    <Flex vertical gap={12}>
      <SummaryTable rows={rows} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        规则检查结果（随记录一并封存）
      </Typography.Title>
      {evaluationError && (
        <Alert type="warning" showIcon title={`暂时无法取得规则检查结果：${evaluationError}。封存时服务仍会检查。`} />
      )}
      {ev && (
        <Flex vertical gap={4} data-testid="seal-rule-results">
          <div>
            <Tag color={ev.quorum.met ? 'green' : 'red'}>{ev.quorum.met ? '达到法定人数' : '未达到法定人数'}</Tag>
            {ev.quorum.message}
          </div>
          <div>
            应到 {ev.expected.length} 人：{ev.expected.map((e) => e.name).join('、') || '无'}
          </div>
          <div>纪要备案：{ev.filing.message}</div>
          {ev.election && <div>选举：{ev.election.message}</div>}
        </Flex>
      )}
    </Flex>
  );
}
