/**
 * The yearly ledger (年度台账, db/rules/year-ledger.ts) as record-book pages: the year's
 * obligations, meetings with quorum and filing, activities, attendance, the nine duties,
 * corrections and late recordings, 五个清, each figure with the entries behind it (第 N 条),
 * and signature lines. Printed through the same pages as entries (pack.ts), each page with its
 * own code.
 */
import { chineseDate } from '../contract';
import type { YearLedger } from '../rules/year-ledger';
import { esc, row } from './print-html';

const FILING: Record<string, string> = {
  'on-time': '按时备案',
  late: '逾期备案',
  pending: '待备案',
  overdue: '逾期未备案',
  'not-required': '无需备案',
  'calendar-missing': '缺少节假日数据',
  invalid: '无法计算',
};
const OBLIGATION: Record<string, string> = { met: '已完成', due: '待完成', missed: '未完成', warning: '需注意' };

function seqs(list: readonly number[]): string {
  return list.length === 0 ? '—' : `第 ${list.join('、')} 条`;
}

function pct(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** A list table; `classes` per column (seq, date, status: kept on one line). */
function table(head: readonly string[], rows: readonly string[][], empty: string, classes: string[] = []): string {
  if (rows.length === 0) return `<p>${esc(empty)}</p>`;
  const td = (c: string, i: number) => (classes[i] ? `<td class="${classes[i]}">${c}</td>` : `<td>${c}</td>`);
  return (
    `<table class="list"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

export function ledgerBody(l: YearLedger, checkpoint: { size: number; fingerprint: string }): string {
  const m = l.meetings;
  const f = l.filing;
  const overview = [
    row('党组织', esc(l.orgName || '（未登记）')),
    row('适用规则', esc(l.profileLabel)),
    row('统计截至', `${esc(chineseDate(l.today))}（校验点第 ${checkpoint.size} 条，${esc(checkpoint.fingerprint)}）`),
    row(
      esc(l.meetingLabel),
      `应开 ${m.required} 次，有效 ${m.held} 次，共召开 ${m.total} 次；未达法定人数 ${m.inquorate.count} 次（${seqs(m.inquorate.seqs)}）`,
    ),
    ...(m.perHalfYear
      ? [
          row(
            '分半年',
            m.halves.map((h) => `${h.label} ${h.held} 次（${OBLIGATION[h.status] ?? h.status}）`).join('；'),
          ),
        ]
      : []),
    row(
      '纪要备案',
      f.required
        ? `按时 ${f.onTime.count}，逾期 ${f.late.count}，待备案 ${f.pending.count}，逾期未备案 ${f.overdue.count}` +
            (f.filedWith
              ? `（报送${esc(f.filedWith)}${f.workingDays !== null ? `，${f.workingDays} 个工作日内` : ''}）`
              : '')
        : '本规则不要求备案',
    ),
    row('活动', `共 ${l.activities.total} 次`),
    row('全年出勤率', pct(l.attendanceRate)),
    row('职责覆盖', `${l.duties.covered} / ${l.duties.rows.length} 项：${esc(l.duties.message)}`),
  ];
  const parts = [
    `<h2>${esc(`${l.year} 年度台账`)}</h2>`,
    `<p class="entry-ref">${esc(l.orgName)} · 数字均由封存的记录计算，每项注明依据的条目</p>`,
    `<table class="form"><tbody>${overview.join('')}</tbody></table>`,
    '<h3>年度要求</h3>',
    table(
      ['结果', '说明', '依据'],
      l.obligations.map((o) => [esc(OBLIGATION[o.status] ?? o.status), esc(o.message), seqs(o.seqs)]),
      '（无）',
      ['status'],
    ),
    `<h3>${esc(l.meetingLabel)}</h3>`,
    table(
      ['条目', '日期', '会议', '应到/实到', '法定人数', '纪要备案'],
      m.rows.map((r) => [
        `第 ${r.seq} 条`,
        esc(chineseDate(r.date)),
        `${esc(r.title)}（第 ${r.number} 次）${r.corrected ? '<br><span class="muted">按更正后的内容统计</span>' : ''}`,
        `${r.expected} / ${r.present}`,
        r.quorate ? '达到' : '✕ 未达到',
        `${esc(FILING[r.filing.status] ?? r.filing.status)}${r.filing.filedSeq !== null ? `（第 ${r.filing.filedSeq} 条）` : ''}${r.filing.daysLate > 0 ? `，晚 ${r.filing.daysLate} 天` : ''}`,
      ]),
      '本年度没有会议记录',
      ['seq', 'date'],
    ),
    '<h3>述职与总结</h3>',
    table(
      ['事项', '次数', '依据'],
      [l.reports.leaderReport, l.reports.annualSummary]
        .filter((r) => r.wanted)
        .map((r) => [esc(r.label), String(r.count), seqs(r.seqs)]),
      '本规则不要求',
    ),
    '<h3>活动</h3>',
    table(
      ['类型', '次数', '依据'],
      l.activities.byType.map((a) => [esc(a.label), String(a.count), seqs(a.seqs)]),
      '本年度没有活动记录',
    ),
    '<h3>出勤</h3>',
    table(
      ['成员', '应到', '实到', '出勤率', '缺席'],
      l.attendance.map((a) => [esc(a.name), String(a.expected), String(a.present), pct(a.rate), seqs(a.absentSeqs)]),
      '本年度没有需要出席的会议',
    ),
    '<h3>职责</h3>',
    table(
      ['职责', '条目数', '依据'],
      l.duties.rows.map((d) => [esc(d.label), String(d.seqs.length), seqs(d.seqs)]),
      '（无）',
    ),
    '<h3>更正、补记与时钟</h3>',
    table(
      ['类别', '条目', '说明'],
      [
        ...l.corrections.map((c) => ['更正', `第 ${c.seq} 条`, `更正第 ${c.targetSeq} 条：${esc(c.reason)}`]),
        ...l.lateRecordings.map((x) => ['补记', `第 ${x.seq} 条`, esc(x.message)]),
        ...l.clockAnomalies.map((x) => ['时钟', `第 ${x.seq} 条`, esc(x.message)]),
        ...l.damaged.map((s) => ['校验失败', `第 ${s} 条`, '未通过校验，未计入任何数字']),
      ],
      '本年度没有更正、补记或时钟异常',
      ['', 'seq'],
    ),
    '<h3>五个清</h3>',
    table(
      ['事项', '记录本中的事实', '依据'],
      l.fiveClear.map((c) => [
        esc(c.label),
        c.status === 'facts' ? esc(c.facts.join('；') || '—') : '记录本中没有，须另行核实',
        seqs(c.seqs),
      ]),
      '（无）',
    ),
    `<div class="keep"><div class="signatures"><div>组长（书记）（签字）：</div><div>记录人（签字）：</div></div>` +
      `<p class="footnote">签字日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日</p></div>`,
  ];
  return parts.join('');
}
