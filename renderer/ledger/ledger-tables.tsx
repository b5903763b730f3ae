/** The ledger's tables: meetings with their filing, attendance per member, duties with evidence, 五个清, anomalies. */
import { Table, Tag, Typography } from 'antd';
import type { LedgerAttendanceRow, LedgerDuty, LedgerMeetingRow, YearLedger } from '../../db/rules';
import { EntryLink, EntryLinks } from './entry-links';

const FILING: Record<string, { text: string; color: string }> = {
  'on-time': { text: '按时备案', color: 'green' },
  late: { text: '逾期备案', color: 'orange' },
  pending: { text: '待备案', color: 'blue' },
  overdue: { text: '逾期未备案', color: 'red' },
  'not-required': { text: '无备案要求', color: 'default' },
  'calendar-missing': { text: '缺少节假日数据', color: 'gold' },
  invalid: { text: '日期有误', color: 'red' },
};

export const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const zh = (d: string | null) =>
  d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '—';

export function MeetingsTable({ ledger }: { ledger: YearLedger }) {
  const refs = ledger.entries;
  return (
    <Table<LedgerMeetingRow>
      data-testid="ledger-meetings-table"
      size="small"
      pagination={false}
      rowKey="seq"
      dataSource={ledger.meetings.rows}
      locale={{ emptyText: `${ledger.year}年还没有${ledger.meetingLabel}的记录` }}
      columns={[
        { title: '记录', dataIndex: 'seq', width: 80, render: (seq: number) => <EntryLink seq={seq} refs={refs} /> },
        { title: '日期', dataIndex: 'date', width: 120, render: zh },
        {
          title: '会议',
          dataIndex: 'title',
          render: (t: string, r) => (
            <>
              {`第${r.number}次 ${t}`}
              {r.corrected && <Tag style={{ marginLeft: 6 }}>已更正</Tag>}
            </>
          ),
        },
        { title: '应到/实到', width: 90, render: (_, r) => `${r.expected} / ${r.present}` },
        {
          title: '有效',
          dataIndex: 'quorate',
          width: 90,
          render: (q: boolean) => (q ? <Tag color="green">有效</Tag> : <Tag color="red">人数不足</Tag>),
        },
        { title: '备案截止', width: 120, render: (_, r) => zh(r.filing.deadline) },
        {
          title: '备案',
          width: 200,
          render: (_, r) => {
            const f = FILING[r.filing.status] ?? { text: r.filing.status, color: 'default' };
            return (
              <span title={r.filing.message}>
                <Tag color={f.color}>
                  {f.text}
                  {r.filing.daysLate > 0 ? ` ${r.filing.daysLate} 天` : ''}
                </Tag>
                {r.filing.filedSeq !== null && <EntryLink seq={r.filing.filedSeq} refs={refs} />}
              </span>
            );
          },
        },
      ]}
    />
  );
}

export function AttendanceTable({ ledger }: { ledger: YearLedger }) {
  return (
    <Table<LedgerAttendanceRow>
      data-testid="ledger-attendance-table"
      size="small"
      pagination={false}
      rowKey="memberId"
      dataSource={ledger.attendance}
      locale={{ emptyText: '这一年没有会议，无出勤可统计' }}
      columns={[
        { title: '成员', dataIndex: 'name', width: 100 },
        { title: '应到', dataIndex: 'expected', width: 64 },
        { title: '实到', dataIndex: 'present', width: 64 },
        {
          title: '出勤率',
          dataIndex: 'rate',
          width: 80,
          render: (r: number | null) => <span data-testid="attendance-rate">{percent(r)}</span>,
        },
        {
          title: '缺席的会议',
          dataIndex: 'absentSeqs',
          render: (s: number[]) => <EntryLinks seqs={s} refs={ledger.entries} empty="全勤" />,
        },
      ]}
    />
  );
}

export function DutiesTable({ ledger }: { ledger: YearLedger }) {
  return (
    <Table<LedgerDuty>
      data-testid="ledger-duties-table"
      size="small"
      pagination={false}
      rowKey="duty"
      dataSource={ledger.duties.rows}
      columns={[
        { title: '序号', width: 56, render: (_, __, i) => i + 1 },
        { title: '职责', dataIndex: 'label', width: 140, render: (l: string, r) => <span title={r.scope}>{l}</span> },
        {
          title: '有记录为证',
          dataIndex: 'seqs',
          render: (s: number[], r) => (
            <span data-testid={`duty-${r.duty}`}>
              <EntryLinks seqs={s} refs={ledger.entries} empty="尚无标注的记录" />
            </span>
          ),
        },
        {
          title: '建议补充标注（未确认，不计入）',
          dataIndex: 'suggestedSeqs',
          width: 260,
          render: (s: number[]) => <EntryLinks seqs={s} refs={ledger.entries} empty="" />,
        },
      ]}
    />
  );
}

export function FiveClearList({ ledger }: { ledger: YearLedger }) {
  return (
    <Table
      data-testid="ledger-five-clear"
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={ledger.fiveClear}
      columns={[
        { title: '项目', dataIndex: 'label', width: 150 },
        {
          title: '记录本中',
          dataIndex: 'status',
          width: 90,
          render: (s: string) => (s === 'facts' ? <Tag color="green">有记载</Tag> : <Tag>不记载</Tag>),
        },
        { title: '情况', dataIndex: 'facts', render: (f: string[]) => f.map((x) => <div key={x}>{x}</div>) },
        {
          title: '依据',
          dataIndex: 'seqs',
          width: 180,
          render: (s: number[]) => <EntryLinks seqs={s} refs={ledger.entries} empty="" />,
        },
      ]}
    />
  );
}

export function AnomaliesList({ ledger }: { ledger: YearLedger }) {
  const rows = [
    ...ledger.lateRecordings.map((x) => ({ key: `l${x.seq}`, type: '迟录', seq: x.seq, note: x.message })),
    ...ledger.clockAnomalies.map((x) => ({ key: `c${x.seq}`, type: '时钟异常', seq: x.seq, note: x.message })),
    ...ledger.corrections.map((x) => ({
      key: `r${x.seq}`,
      type: '更正',
      seq: x.seq,
      note: `更正第 ${x.targetSeq} 条：${x.reason}`,
    })),
  ];
  if (rows.length === 0) return <Typography.Text type="secondary">这一年没有迟录、时钟异常或更正。</Typography.Text>;
  return (
    <Table
      data-testid="ledger-anomalies"
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        {
          title: '类别',
          dataIndex: 'type',
          width: 90,
          render: (t: string) => <Tag color={t === '更正' ? 'blue' : 'orange'}>{t}</Tag>,
        },
        {
          title: '记录',
          dataIndex: 'seq',
          width: 80,
          render: (s: number) => <EntryLink seq={s} refs={ledger.entries} />,
        },
        { title: '说明', dataIndex: 'note' },
      ]}
    />
  );
}
