/**
 * A sealed meeting, read-only: attendance (expected, present, absent with leave notes, 列席),
 * topics, decisions with votes and pass/fail, quorum, filing deadline, election, minutes.
 * Rule results come from the evaluation sealed with the entry; when a correction changed
 * the facts, the service's re-evaluation is shown beside it.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { MeetingEvaluation, MeetingInput } from '../../db/contract';
import { FieldValue, useEntryView } from './entry-context';
import { getAt, inputBase } from './fields';
import { AttachmentsList } from './attachments-list';
import { ListValue, useListCorrected } from './list-value';

const H = ({ children }: { children: string }) => <Typography.Title level={5} style={{ marginTop: 20 }}>{children}</Typography.Title>;

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <Tag color={ok ? 'success' : 'error'}>{ok ? yes : no}</Tag>;
}

export function MeetingBody({ currentEvaluation }: { currentEvaluation?: MeetingEvaluation }) {
  const { original, names } = useEntryView();
  const m = (getAt(original, inputBase(original)) ?? {}) as Partial<MeetingInput>;
  // The service seals `{v, input, computed, flags}`; for meetings `computed` is the evaluation.
  const computed = getAt(original, ['computed']) as MeetingEvaluation | undefined;
  const ev = computed && 'quorum' in computed ? computed : undefined;
  const present = m.presentIds ?? [];
  const absent = m.absent ?? [];
  const guests = m.guests ?? [];
  const topics = m.topics ?? [];
  const decisions = m.decisions ?? [];
  const name = (id: string) => names.get(id) ?? ev?.expected.find((e) => e.memberId === id)?.name ?? `（成员 ${id.slice(0, 8)}）`;
  // Attendance corrected as whole lists is shown list against list, not item by item.
  const presentCorrected = useListCorrected(['presentIds']);
  const absentCorrected = useListCorrected(['absent']);
  const presentText = (v: unknown) => (Array.isArray(v) && v.length > 0
    ? `${(v as string[]).map(name).join('、')}（共 ${v.length} 人）` : '（无）');
  const absentText = (v: unknown) => (Array.isArray(v) && v.length > 0
    ? (v as { memberId: string; leaveNote?: string }[]).map((a) => `${name(a.memberId)}（请假说明：${a.leaveNote || '未填写'}）`).join('\n')
    : '（无）');

  return (
    <div data-testid="meeting-body">
      <Descriptions size="small" bordered column={2} items={[
        { key: 'type', label: '会议类型', children: <FieldValue path={['type']} /> },
        { key: 'number', label: '会议次序', children: <>第 <FieldValue path={['number']} /> 次</> },
        ...(m.title !== undefined ? [{ key: 'title', label: '标题', span: 2, children: <FieldValue path={['title']} /> }] : []),
        { key: 'mode', label: '会议形式', children: <FieldValue path={['mode']} /> },
        { key: 'place', label: '地点', children: <FieldValue path={['place']} /> },
        { key: 'start', label: '开始时间', children: <FieldValue path={['startAt']} /> },
        { key: 'end', label: '结束时间', children: <FieldValue path={['endAt']} /> },
        { key: 'chair', label: '主持人', children: <FieldValue path={['chairId']} /> },
        { key: 'recorder', label: '记录人', children: <FieldValue path={['recorder']} /> },
        { key: 'sep', label: '单独召开', span: 2, children: <FieldValue path={['heldSeparately']} /> },
      ]} />

      <H>出席情况</H>
      <Descriptions size="small" bordered column={1} items={[
        ...(ev ? [{ key: 'exp', label: `应到（${ev.expected.length} 人）`, children: ev.expected.map((e) => e.name).join('、') || '（无）' }] : []),
        {
          key: 'pre', label: `实到（${present.length} 人）`,
          children: presentCorrected ? <ListValue path={['presentIds']} format={presentText} />
            : present.length ? present.map((id, i) => <span key={id}>{i > 0 && '、'}<FieldValue path={['presentIds', i]} /></span>) : '（无）',
        },
        ...(absentCorrected ? [{
          key: 'abs', label: `缺席（${absent.length} 人）`, children: <ListValue path={['absent']} format={absentText} multiline />,
        }] : []),
        ...(ev ? [{
          key: 'quorum', label: '法定人数',
          children: <span data-testid="quorum-result"><Verdict ok={ev.quorum.met} yes="达到" no="未达到" /> {ev.quorum.message}</span>,
        }] : []),
      ]} />
      {absent.length > 0 && !absentCorrected && (
        <Table size="small" pagination={false} style={{ marginTop: 8 }} rowKey="i"
          dataSource={absent.map((a, i) => ({ ...a, i }))}
          columns={[
            { title: '缺席成员', width: 160, render: (_, a) => name(a.memberId) },
            { title: '请假说明', render: (_, a) => <FieldValue path={['absent', a.i, 'leaveNote']} multiline /> },
          ]} />
      )}
      {guests.length > 0 && (
        <Descriptions size="small" bordered column={1} style={{ marginTop: 8 }} items={[{
          key: 'guests', label: '列席（不计入到会人数，无表决权）',
          children: guests.map((g, i) => (
            <div key={i}><FieldValue path={['guests', i, 'name']} />{g.unit !== undefined && <>（<FieldValue path={['guests', i, 'unit']} />）</>}</div>
          )),
        }]} />
      )}

      <H>议题</H>
      {topics.map((t, i) => (
        <div key={i} style={{ marginBottom: 12 }} data-testid={`topic-${i}`}>
          <Typography.Text strong>议题 {i + 1}：<FieldValue path={['topics', i, 'title']} /></Typography.Text>
          <Descriptions size="small" column={1} items={[
            { key: 'd', label: '讨论情况', children: <FieldValue path={['topics', i, 'discussion']} multiline /> },
            ...(t.dissent ? [{ key: 'x', label: '不同意见', children: <FieldValue path={['topics', i, 'dissent']} multiline /> }] : []),
          ]} />
        </div>
      ))}

      {decisions.length > 0 && (
        <>
          <H>决议与表决</H>
          <Table size="small" pagination={false} rowKey="i" data-testid="decisions"
            dataSource={decisions.map((d, i) => ({ ...d, i }))}
            columns={[
              { title: '决议', render: (_, d) => <FieldValue path={['decisions', d.i, 'text']} /> },
              { title: '同意', width: 80, render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'for']} /> },
              { title: '反对', width: 80, render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'against']} /> },
              { title: '弃权', width: 80, render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'abstain']} /> },
              {
                title: '结果', width: 220, render: (_, d) => {
                  const r = ev?.decisions[d.i];
                  return r ? <span><Verdict ok={r.passed} yes="通过" no="未通过" /> {r.message}</span> : '—';
                },
              },
            ]} />
        </>
      )}

      {m.election && ev?.election && (
        <>
          <H>选举</H>
          <Descriptions size="small" bordered column={2} items={[
            { key: 'b', label: '选举对象', children: <FieldValue path={['election', 'body']} /> },
            { key: 's', label: '应选名额', children: <FieldValue path={['election', 'seats']} /> },
            { key: 've', label: '应到有选举权人数', children: <FieldValue path={['election', 'votingExpected']} /> },
            { key: 'vp', label: '实到有选举权人数', children: <FieldValue path={['election', 'votingPresent']} /> },
            { key: 'bc', label: '收回选票', children: <FieldValue path={['election', 'ballotsCast']} /> },
            { key: 'c', label: '差额选举', children: <FieldValue path={['election', 'competitive']} /> },
            {
              key: 'cand', label: '候选人得票', span: 2,
              children: m.election.candidates.map((c, i) => (
                <div key={i}><FieldValue path={['election', 'candidates', i, 'name']} />：<FieldValue path={['election', 'candidates', i, 'votes']} /> 票</div>
              )),
            },
            {
              key: 'r', label: '结果', span: 2,
              children: <><Verdict ok={ev.election.thresholdMet && ev.election.marginMet} yes="有效" no="不符合规定" /> {ev.election.message}
                {ev.election.elected.length > 0 && `；当选：${ev.election.elected.join('、')}`}</>,
            },
          ]} />
        </>
      )}

      {ev && (
        <>
          <H>纪要备案</H>
          <Typography.Paragraph data-testid="filing-deadline">
            {ev.filing.message}
          </Typography.Paragraph>
        </>
      )}

      <H>会议纪要</H>
      <div style={{ background: '#fafafa', padding: 12, border: '1px solid #f0f0f0' }}>
        <FieldValue path={['minutes']} multiline />
      </div>

      <AttachmentsList />

      {currentEvaluation && (
        <Alert style={{ marginTop: 16 }} type="info" showIcon data-testid="current-evaluation"
          title="按更正后的内容重新检查"
          description={<>
            <div>法定人数：{currentEvaluation.quorum.met ? '达到' : '未达到'}（{currentEvaluation.quorum.message}）</div>
            {currentEvaluation.decisions.map((d, i) => <div key={i}>决议 {i + 1}：{d.passed ? '通过' : '未通过'}（{d.message}）</div>)}
            {currentEvaluation.flags.map((f) => <div key={f.code}>{f.message}</div>)}
          </>} />
      )}
    </div>
  );
}
