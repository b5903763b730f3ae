/**
 * A sealed meeting, read-only: attendance (expected, present, absent with leave notes, 列席),
 * topics, decisions with votes and pass/fail, quorum, filing deadline, election, minutes.
 * The layout is the meeting's own; every label comes from the meeting's description (the
 * editor's labels). Rule results come from the evaluation sealed with the entry; when a
 * correction changed the facts, the service's re-evaluation is shown beside it.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import {
  chineseDate,
  MEETING_DESCRIPTION,
  getAt,
  labelOf,
  type FilingLink,
  type MeetingEvaluation,
  type MeetingInput,
} from '../../db/contract';
import { FieldValue, useEntryView, useWholeCorrected } from './entry-context';
import { AttachmentsList } from './attachments-list';

const H = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ marginTop: 20 }}>
    {children}
  </Typography.Title>
);
const L = (...keys: string[]) => labelOf(MEETING_DESCRIPTION, keys);
/** What one item of a list is called (议题, 决议). */
const MEETING_ITEM = (key: string) => {
  const field = MEETING_DESCRIPTION.fields.find((f) => f.path[0] === key);
  return field?.show === 'list' ? field.item : L(key);
};

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <Tag color={ok ? 'success' : 'error'}>{ok ? yes : no}</Tag>;
}

export function MeetingBody({
  meeting: m,
  evaluation: ev,
  currentEvaluation,
  filed,
}: {
  /** The sealed input, parsed (readEntryBody). */
  meeting: MeetingInput;
  /** The evaluation sealed with it. */
  evaluation: MeetingEvaluation | undefined;
  currentEvaluation?: MeetingEvaluation | undefined;
  /** The filing work item that filed the minutes, if any. */
  filed?: FilingLink | undefined;
}) {
  const { nameOf } = useEntryView();
  const present = m.presentIds;
  const absent = m.absent;
  const guests = m.guests;
  const topics = m.topics;
  const decisions = m.decisions;
  const name = (id: string) => ev?.expected.find((e) => e.memberId === id)?.name ?? nameOf(id);
  // Attendance corrected as whole lists is shown list against list, not item by item.
  const presentCorrected = useWholeCorrected(['presentIds']);
  const absentCorrected = useWholeCorrected(['absent']);
  const presentText = (v: unknown) =>
    Array.isArray(v) && v.length > 0 ? `${v.map((id) => name(String(id))).join('、')}（共 ${v.length} 人）` : '（无）';
  const absentText = (v: unknown) =>
    Array.isArray(v) && v.length > 0
      ? v
          .map((a: unknown) => {
            const note = getAt(a, ['leaveNote']);
            return `${name(String(getAt(a, ['memberId'])))}（${L('absent', 'leaveNote')}：${typeof note === 'string' && note ? note : '未填写'}）`;
          })
          .join('\n')
      : '（无）';

  return (
    <div data-testid="meeting-body">
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'type', label: L('type'), children: <FieldValue path={['type']} /> },
          { key: 'number', label: L('number'), children: <FieldValue path={['number']} /> },
          ...(m.title !== undefined
            ? [{ key: 'title', label: L('title'), span: 2, children: <FieldValue path={['title']} /> }]
            : []),
          { key: 'mode', label: L('mode'), children: <FieldValue path={['mode']} /> },
          { key: 'place', label: L('place'), children: <FieldValue path={['place']} /> },
          { key: 'start', label: L('startAt'), children: <FieldValue path={['startAt']} /> },
          { key: 'end', label: L('endAt'), children: <FieldValue path={['endAt']} /> },
          { key: 'chair', label: L('chairId'), children: <FieldValue path={['chairId']} /> },
          ...(m.chairDelegated
            ? [{ key: 'delegated', label: L('chairDelegated'), children: <FieldValue path={['chairDelegated']} /> }]
            : []),
          { key: 'recorder', label: L('recorder'), children: <FieldValue path={['recorder']} /> },
          { key: 'sep', label: L('heldSeparately'), span: 2, children: <FieldValue path={['heldSeparately']} /> },
        ]}
      />

      <H>出席情况</H>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          ...(ev
            ? [
                {
                  key: 'exp',
                  label: `应到（${ev.expected.length} 人）`,
                  children: ev.expected.map((e) => e.name).join('、') || '（无）',
                },
              ]
            : []),
          {
            key: 'pre',
            label: `${L('presentIds')}（${present.length} 人）`,
            children: presentCorrected ? (
              <FieldValue path={['presentIds']} format={presentText} />
            ) : (
              <FieldValue path={['presentIds']} />
            ),
          },
          ...(absentCorrected
            ? [
                {
                  key: 'abs',
                  label: `${L('absent')}（${absent.length} 人）`,
                  children: <FieldValue path={['absent']} format={absentText} multiline />,
                },
              ]
            : []),
          ...(ev
            ? [
                {
                  key: 'quorum',
                  label: '法定人数',
                  children: (
                    <span data-testid="quorum-result">
                      <Verdict ok={ev.quorum.met} yes="达到" no="未达到" /> {ev.quorum.message}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {absent.length > 0 && !absentCorrected && (
        <Table
          size="small"
          pagination={false}
          style={{ marginTop: 8 }}
          rowKey="i"
          dataSource={absent.map((a, i) => ({ ...a, i }))}
          columns={[
            { title: L('absent', 'memberId'), width: 160, render: (_, a) => name(a.memberId) },
            {
              title: L('absent', 'leaveNote'),
              render: (_, a) => <FieldValue path={['absent', a.i, 'leaveNote']} multiline />,
            },
          ]}
        />
      )}
      {guests.length > 0 && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'guests',
              label: `${L('guests')}（不计入到会人数，无表决权）`,
              children: guests.map((g, i) => (
                <div key={i}>
                  <FieldValue path={['guests', i, 'name']} />
                  {g.unit !== undefined && (
                    <>
                      （<FieldValue path={['guests', i, 'unit']} />）
                    </>
                  )}
                </div>
              )),
            },
          ]}
        />
      )}

      <H>{L('topics')}</H>
      {topics.map((t, i) => (
        <div key={i} style={{ marginBottom: 12 }} data-testid={`topic-${i}`}>
          <Typography.Text strong>
            {MEETING_ITEM('topics')} {i + 1}：<FieldValue path={['topics', i, 'title']} />
          </Typography.Text>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'd',
                label: L('topics', 'discussion'),
                children: <FieldValue path={['topics', i, 'discussion']} multiline />,
              },
              ...(t.dissent
                ? [
                    {
                      key: 'x',
                      label: L('topics', 'dissent'),
                      children: <FieldValue path={['topics', i, 'dissent']} multiline />,
                    },
                  ]
                : []),
            ]}
          />
        </div>
      ))}

      {decisions.length > 0 && (
        <>
          <H>{L('decisions')}</H>
          <Table
            size="small"
            pagination={false}
            rowKey="i"
            data-testid="decisions"
            dataSource={decisions.map((d, i) => ({ ...d, i }))}
            columns={[
              { title: MEETING_ITEM('decisions'), render: (_, d) => <FieldValue path={['decisions', d.i, 'text']} /> },
              {
                title: L('decisions', 'votes', 'for'),
                width: 80,
                render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'for']} />,
              },
              {
                title: L('decisions', 'votes', 'against'),
                width: 80,
                render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'against']} />,
              },
              {
                title: L('decisions', 'votes', 'abstain'),
                width: 80,
                render: (_, d) => <FieldValue path={['decisions', d.i, 'votes', 'abstain']} />,
              },
              {
                title: '结果',
                width: 220,
                render: (_, d) => {
                  const r = ev?.decisions[d.i];
                  return r ? (
                    <span>
                      <Verdict ok={r.passed} yes="通过" no="未通过" /> {r.message}
                    </span>
                  ) : (
                    '—'
                  );
                },
              },
            ]}
          />
        </>
      )}

      {m.election && ev?.election && (
        <>
          <H>选举</H>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'b', label: L('election', 'body'), children: <FieldValue path={['election', 'body']} /> },
              { key: 's', label: L('election', 'seats'), children: <FieldValue path={['election', 'seats']} /> },
              {
                key: 've',
                label: L('election', 'votingExpected'),
                children: <FieldValue path={['election', 'votingExpected']} />,
              },
              {
                key: 'vp',
                label: L('election', 'votingPresent'),
                children: <FieldValue path={['election', 'votingPresent']} />,
              },
              {
                key: 'bc',
                label: L('election', 'ballotsCast'),
                children: <FieldValue path={['election', 'ballotsCast']} />,
              },
              {
                key: 'c',
                label: L('election', 'competitive'),
                children: <FieldValue path={['election', 'competitive']} />,
              },
              {
                key: 'cand',
                label: L('election', 'candidates'),
                span: 2,
                children: m.election.candidates.map((c, i) => (
                  <div key={i}>
                    <FieldValue path={['election', 'candidates', i, 'name']} />：
                    <FieldValue path={['election', 'candidates', i, 'votes']} />
                  </div>
                )),
              },
              {
                key: 'r',
                label: '结果',
                span: 2,
                children: (
                  <>
                    <Verdict ok={ev.election.thresholdMet && ev.election.marginMet} yes="有效" no="不符合规定" />{' '}
                    {ev.election.message}
                    {ev.election.elected.length > 0 && `；当选：${ev.election.elected.join('、')}`}
                  </>
                ),
              },
            ]}
          />
        </>
      )}

      {ev && (
        <>
          <H>纪要备案</H>
          <Typography.Paragraph data-testid="filing-deadline">
            {filed ? (
              <>
                <Verdict ok={!filed.late} yes="已备案" no="逾期备案" /> {chineseDate(filed.date)}报送{filed.to}备案（第{' '}
                {filed.seq} 条记录）
                {filed.late && `；${ev.filing.message.replace(/；?尚未备案。?$/, '')}`}
              </>
            ) : (
              ev.filing.message
            )}
          </Typography.Paragraph>
        </>
      )}

      <H>{L('minutes')}</H>
      <div style={{ background: '#fafafa', padding: 12, border: '1px solid #f0f0f0' }}>
        <FieldValue path={['minutes']} multiline />
      </div>

      <AttachmentsList />

      {currentEvaluation && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          data-testid="current-evaluation"
          title="按更正后的内容重新检查"
          description={
            <>
              <div>
                法定人数：{currentEvaluation.quorum.met ? '达到' : '未达到'}（{currentEvaluation.quorum.message}）
              </div>
              {currentEvaluation.decisions.map((d, i) => (
                <div key={i}>
                  决议 {i + 1}：{d.passed ? '通过' : '未通过'}（{d.message}）
                </div>
              ))}
              {currentEvaluation.flags.map((f) => (
                <div key={f.code}>{f.message}</div>
              ))}
            </>
          }
        />
      )}
    </div>
  );
}
