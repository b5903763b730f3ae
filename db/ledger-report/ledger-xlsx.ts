/**
 * The yearly ledger as an Excel workbook (exceljs): one sheet per table, Chinese headers,
 * dates as real Excel dates, rates as percentages, each figure's entries as 第 N 条 lists.
 * Written from the same YearLedger value the ledger page shows, so the two never disagree.
 */
import ExcelJS from 'exceljs';
import type { YearLedger } from '../rules';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FILING_LABELS: Record<string, string> = {
  'on-time': '按时备案',
  late: '逾期备案',
  pending: '待备案',
  overdue: '逾期未备案',
  'not-required': '无备案要求',
  'calendar-missing': '缺少节假日数据',
  invalid: '日期有误',
};
const STATUS_LABELS: Record<string, string> = { met: '已完成', due: '尚未完成', missed: '未完成', warning: '需注意' };

/** `YYYY-MM-DD` → the Excel date of that day (UTC midnight: exceljs writes UTC, so the day never shifts). */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

export function seqList(seqs: readonly number[]): string {
  return seqs.map((s) => `第 ${s} 条`).join('、');
}

interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Record<string, unknown>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

const DATE = 'yyyy"年"m"月"d"日"';
const PCT = '0.0%';

export async function ledgerWorkbook(l: YearLedger): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建工作小组工作记录本';
  wb.created = excelDate(l.today) ?? new Date(0);

  const f = l.filing;
  const r = l.reports;
  const overview: [string, number | string, string, readonly number[]][] = [
    [
      `应召开${l.meetingLabel}（次）`,
      l.meetings.required,
      `${l.profileLabel}：每年至少${l.meetings.required}次${l.meetings.perHalfYear ? '，每半年至少一次' : ''}`,
      [],
    ],
    [
      `有效${l.meetingLabel}（次）`,
      l.meetings.held,
      '到会人数达到规定的会议',
      l.meetings.rows.filter((m) => m.quorate).map((m) => m.seq),
    ],
    ...l.meetings.halves.map((h): [string, number, string, number[]] => [
      `${h.label}有效会议（次）`,
      h.held,
      STATUS_LABELS[h.status] ?? h.status,
      h.seqs,
    ]),
    ['会议总数（次）', l.meetings.total, '', l.meetings.rows.map((m) => m.seq)],
    ['到会人数不足（次）', l.meetings.inquorate.count, '不计入有效会议', l.meetings.inquorate.seqs],
    [
      '按时备案（次）',
      f.onTime.count,
      f.required ? `形成纪要后${f.workingDays}个工作日内报送${f.filedWith}` : '规则未规定备案',
      f.onTime.seqs,
    ],
    ['逾期备案（次）', f.late.count, '', f.late.seqs],
    ['待备案（次）', f.pending.count, '', f.pending.seqs],
    ['逾期未备案（次）', f.overdue.count, '', f.overdue.seqs],
    [
      r.leaderReport.label,
      r.leaderReport.count ? '已完成' : r.leaderReport.wanted ? '未记录' : '不要求',
      '',
      r.leaderReport.seqs,
    ],
    [
      r.annualSummary.label,
      r.annualSummary.count ? '已完成' : r.annualSummary.wanted ? '未记录' : '不要求',
      '',
      r.annualSummary.seqs,
    ],
    [
      '活动（次）',
      l.activities.total,
      l.activities.byType.map((t) => `${t.label}${t.count}次`).join('，'),
      l.activities.byType.flatMap((t) => t.seqs),
    ],
    ['迟录（条）', l.lateRecordings.length, '事项发生3天后才记录', l.lateRecordings.map((x) => x.seq)],
    ['时钟异常（条）', l.clockAnomalies.length, '封存时系统时间早于前一条', l.clockAnomalies.map((x) => x.seq)],
    ['更正（条）', l.corrections.length, '', l.corrections.map((x) => x.seq)],
    ['有记录为证的职责（项）', l.duties.covered, l.duties.message, []],
  ];
  const ov = sheet(
    wb,
    '概览',
    [
      { header: '项目', key: 'item', width: 26 },
      { header: '数值', key: 'value', width: 12 },
      { header: '说明', key: 'note', width: 60 },
      { header: '相关记录', key: 'seqs', width: 40 },
    ],
    overview.map(([item, value, note, seqs]) => ({ item, value, note, seqs: seqList(seqs) })),
  );
  const rateRow = ov.addRow({ item: '全年出勤率', value: l.attendanceRate ?? '无会议', note: '实到人次 / 应到人次' });
  if (l.attendanceRate !== null) rateRow.getCell('value').numFmt = PCT;
  ov.insertRow(2, { item: '组织', value: l.orgName, note: `${l.year}年度党建工作台账` });
  ov
    .insertRow(3, { item: '统计日期', value: excelDate(l.today), note: '统计至该日已封存的记录' })
    .getCell('value').numFmt = DATE;

  sheet(
    wb,
    '台账事项',
    [
      { header: '状态', key: 'status', width: 10 },
      { header: '事项', key: 'message', width: 80 },
      { header: '相关记录', key: 'seqs', width: 40 },
    ],
    l.obligations.map((o) => ({
      status: STATUS_LABELS[o.status] ?? o.status,
      message: o.message,
      seqs: seqList(o.seqs),
    })),
  );

  sheet(
    wb,
    '会议',
    [
      { header: '记录条目', key: 'seq', width: 10 },
      { header: '会议日期', key: 'date', width: 16, numFmt: DATE },
      { header: '会议次序', key: 'number', width: 10 },
      { header: '会议', key: 'title', width: 36 },
      { header: '应到（人）', key: 'expected', width: 10 },
      { header: '实到（人）', key: 'present', width: 10 },
      { header: '到会率', key: 'rate', width: 10, numFmt: PCT },
      { header: '是否有效', key: 'quorate', width: 10 },
      { header: '单独召开', key: 'separate', width: 10 },
      { header: '备案截止日期', key: 'deadline', width: 16, numFmt: DATE },
      { header: '备案日期', key: 'filed', width: 16, numFmt: DATE },
      { header: '备案记录', key: 'filedSeq', width: 10 },
      { header: '备案情况', key: 'filing', width: 14 },
      { header: '逾期天数', key: 'daysLate', width: 10 },
      { header: '已更正', key: 'corrected', width: 8 },
    ],
    l.meetings.rows.map((m) => ({
      seq: m.seq,
      date: excelDate(m.date),
      number: m.number,
      title: m.title,
      expected: m.expected,
      present: m.present,
      rate: m.expected ? m.present / m.expected : null,
      quorate: m.quorate ? '有效' : '人数不足',
      separate: m.heldSeparately ? '是' : '否',
      deadline: excelDate(m.filing.deadline),
      filed: excelDate(m.filing.filedDate),
      filedSeq: m.filing.filedSeq,
      filing: FILING_LABELS[m.filing.status] ?? m.filing.status,
      daysLate: m.filing.daysLate,
      corrected: m.corrected ? '是' : '否',
    })),
  );

  sheet(
    wb,
    '出勤',
    [
      { header: '成员', key: 'name', width: 12 },
      { header: '应到（次）', key: 'expected', width: 10 },
      { header: '实到（次）', key: 'present', width: 10 },
      { header: '出勤率', key: 'rate', width: 10, numFmt: PCT },
      { header: '缺席的会议', key: 'absent', width: 40 },
    ],
    l.attendance.map((a) => ({
      name: a.name,
      expected: a.expected,
      present: a.present,
      rate: a.rate,
      absent: seqList(a.absentSeqs),
    })),
  );

  sheet(
    wb,
    '活动',
    [
      { header: '活动类型', key: 'label', width: 14 },
      { header: '次数', key: 'count', width: 8 },
      { header: '相关记录', key: 'seqs', width: 50 },
    ],
    l.activities.byType.map((t) => ({ label: t.label, count: t.count, seqs: seqList(t.seqs) })),
  );

  sheet(
    wb,
    '月度',
    [
      { header: '月份', key: 'month', width: 8 },
      { header: '会议（次）', key: 'meetings', width: 10 },
      { header: '有效会议（次）', key: 'quorate', width: 12 },
      { header: '活动（次）', key: 'activities', width: 10 },
      { header: '出勤率', key: 'rate', width: 10, numFmt: PCT },
    ],
    l.months.map((m) => ({
      month: `${m.month}月`,
      meetings: m.meetings,
      quorate: m.quorateMeetings,
      activities: m.activities,
      rate: m.attendanceRate,
    })),
  );

  sheet(
    wb,
    '九项职责',
    [
      { header: '序号', key: 'no', width: 6 },
      { header: '职责', key: 'label', width: 16 },
      { header: '内容', key: 'scope', width: 50 },
      { header: '有记录为证（条）', key: 'count', width: 14 },
      { header: '佐证记录', key: 'seqs', width: 36 },
      { header: '建议补充标注（未确认）', key: 'suggested', width: 36 },
    ],
    l.duties.rows.map((d, i) => ({
      no: i + 1,
      label: d.label,
      scope: d.scope,
      count: d.seqs.length,
      seqs: seqList(d.seqs),
      suggested: seqList(d.suggestedSeqs),
    })),
  );

  sheet(
    wb,
    '五个清',
    [
      { header: '项目', key: 'label', width: 18 },
      { header: '记录本中', key: 'status', width: 12 },
      { header: '情况', key: 'facts', width: 70 },
      { header: '相关记录', key: 'seqs', width: 30 },
    ],
    l.fiveClear.map((c) => ({
      label: c.label,
      status: c.status === 'facts' ? '有记载' : '不记载',
      facts: c.facts.join('\n'),
      seqs: seqList(c.seqs),
    })),
  );

  sheet(
    wb,
    '异常与更正',
    [
      { header: '类别', key: 'type', width: 10 },
      { header: '记录条目', key: 'seq', width: 10 },
      { header: '日期', key: 'date', width: 16, numFmt: DATE },
      { header: '说明', key: 'note', width: 70 },
    ],
    [
      ...l.lateRecordings.map((x) => ({
        type: '迟录',
        seq: x.seq,
        date: excelDate(l.entries[x.seq]?.date),
        note: x.message,
      })),
      ...l.clockAnomalies.map((x) => ({
        type: '时钟异常',
        seq: x.seq,
        date: excelDate(l.entries[x.seq]?.date),
        note: x.message,
      })),
      ...l.corrections.map((x) => ({
        type: '更正',
        seq: x.seq,
        date: excelDate(x.date),
        note: `更正第 ${x.targetSeq} 条：${x.reason}`,
      })),
      ...l.damaged.map((seq) => ({ type: '未通过校验', seq, date: null, note: '该条记录未通过校验，没有计入本台账' })),
    ],
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function ledgerFileName(l: YearLedger): string {
  const org = l.orgName.replace(/[\\/:*?"<>|\r\n]/g, '').slice(0, 60);
  return `${org}${l.year}年度党建工作台账.xlsx`;
}
