/**
 * The ledger's two pictures (ECharts, SVG renderer so print and screenshots are sharp):
 * meetings and attendance through the year, and coverage of the nine duties. Clicking a bar
 * opens the entries behind it.
 */
import ReactECharts from 'echarts-for-react';
import type { YearLedger } from '../../db/rules';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function MonthlyChart({
  ledger,
  onOpen,
}: {
  ledger: YearLedger;
  onOpen: (seqs: number[], title: string) => void;
}) {
  const months = ledger.months;
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['有效会议', '人数不足的会议', '活动', '出勤率'], bottom: 0 },
    grid: { left: 40, right: 48, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: months.map((m) => `${m.month}月`) },
    yAxis: [
      { type: 'value', name: '次', minInterval: 1 },
      { type: 'value', name: '出勤率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: '有效会议',
        type: 'bar',
        stack: 'meetings',
        data: months.map((m) => m.quorateMeetings),
        itemStyle: { color: '#cf1322' },
      },
      {
        name: '人数不足的会议',
        type: 'bar',
        stack: 'meetings',
        data: months.map((m) => m.meetings - m.quorateMeetings),
        itemStyle: { color: '#ffa39e' },
      },
      { name: '活动', type: 'bar', data: months.map((m) => m.activities), itemStyle: { color: '#1677ff' } },
      {
        name: '出勤率',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: months.map((m) => pct(m.attendanceRate)),
        itemStyle: { color: '#389e0d' },
      },
    ],
  };
  const onEvents = {
    click: (p: { dataIndex: number; seriesName: string }) => {
      const m = months[p.dataIndex];
      if (!m) return;
      const seqs = p.seriesName === '活动' ? m.activitySeqs : m.meetingSeqs;
      if (seqs.length) onOpen(seqs, `${m.month}月的${p.seriesName === '活动' ? '活动' : '会议'}`);
    },
  };
  return (
    <div data-testid="ledger-chart-months" role="img" aria-label="全年会议、活动与出勤率（按月）">
      <ReactECharts option={option} opts={{ renderer: 'svg' }} style={{ height: 280 }} onEvents={onEvents} notMerge />
    </div>
  );
}

export function DutyChart({ ledger, onOpen }: { ledger: YearLedger; onOpen: (seqs: number[], title: string) => void }) {
  const rows = [...ledger.duties.rows].reverse();
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['已标注的记录', '建议补充标注'], bottom: 0 },
    grid: { left: 110, right: 24, top: 8, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1, name: '条' },
    yAxis: { type: 'category', data: rows.map((r) => r.label) },
    series: [
      {
        name: '已标注的记录',
        type: 'bar',
        stack: 'd',
        data: rows.map((r) => r.seqs.length),
        itemStyle: { color: '#cf1322' },
      },
      {
        name: '建议补充标注',
        type: 'bar',
        stack: 'd',
        data: rows.map((r) => r.suggestedSeqs.length),
        itemStyle: { color: '#d9d9d9' },
      },
    ],
  };
  const onEvents = {
    click: (p: { dataIndex: number; seriesName: string }) => {
      const r = rows[p.dataIndex];
      if (!r) return;
      const suggested = p.seriesName === '建议补充标注';
      const seqs = suggested ? r.suggestedSeqs : r.seqs;
      if (seqs.length) onOpen(seqs, `${r.label}${suggested ? '（建议补充标注）' : ''}`);
    },
  };
  return (
    <div data-testid="ledger-chart-duties" role="img" aria-label="九项职责的覆盖情况">
      <ReactECharts option={option} opts={{ renderer: 'svg' }} style={{ height: 300 }} onEvents={onEvents} notMerge />
    </div>
  );
}
