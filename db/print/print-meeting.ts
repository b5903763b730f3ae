/**
 * A meeting in the form of the paper book's meeting page: 会议名称 / 第×次, 时间 to the
 * minute, 地点, 主持人, 记录人, 应到 / 实到 / 缺席人员及原因 / 列席人员, the computed quorum,
 * 议题 with discussion and dissent, 会议内容, 决议 and 表决结果, 选举, 备案, signature lines.
 * Labels come from the meeting's description; rule results from the evaluation sealed with it.
 */
import {
  MEETING_DESCRIPTION,
  MEETING_TYPES,
  chineseDate,
  chineseDateTime,
  getAt,
  labelOf,
  type FilingLink,
  type MeetingEvaluation,
  type MeetingInput,
} from '../contract';
import { attachmentsHtml, valueHtml, type EntryReading } from './print-fields';
import { esc, row } from './print-html';

const L = (...keys: string[]) => labelOf(MEETING_DESCRIPTION, keys);
const field = (key: string) => MEETING_DESCRIPTION.fields.find((f) => f.path.length === 1 && f.path[0] === key);

function verdict(ok: boolean, yes: string, no: string): string {
  return `<span class="verdict">${ok ? yes : `✕ ${no}`}</span>`;
}

export interface MeetingPrint {
  reading: EntryReading;
  meeting: MeetingInput;
  evaluation: MeetingEvaluation | undefined;
  /** Re-evaluated on the corrected reading, when a correction changed a rule result. */
  currentEvaluation?: MeetingEvaluation | undefined;
  filed?: FilingLink | undefined;
}

export function meetingBody({
  reading: r,
  meeting: m,
  evaluation: ev,
  currentEvaluation,
  filed,
}: MeetingPrint): string {
  const v = (...keys: (string | number)[]) => valueHtml(r, keys, undefined);
  const f = (key: string) => valueHtml(r, [key], field(key));
  const name = (id: string) => ev?.expected.find((e) => e.memberId === id)?.name ?? r.nameOf(id);
  const typeLabel = MEETING_TYPES[m.type] ?? m.type;
  const title = m.title !== undefined ? f('title') : esc(typeLabel);
  const time = `${f('startAt')}${m.endAt !== undefined ? ` 至 ${f('endAt')}` : ''}`;
  const people = (ids: string[]) => (ids.length ? `${ids.map(name).join('、')}（共 ${ids.length} 人）` : '（无）');
  const absentText = (list: unknown) =>
    Array.isArray(list) && list.length > 0
      ? list
          .map((a: unknown) => {
            const note = getAt(a, ['leaveNote']);
            return `${name(String(getAt(a, ['memberId'])))}：${typeof note === 'string' && note ? note : '未说明原因'}`;
          })
          .join('\n')
      : '（无）';
  const guestsText = (list: unknown) =>
    Array.isArray(list) && list.length > 0
      ? list
          .map(
            (g: unknown) =>
              `${String(getAt(g, ['name']))}${typeof getAt(g, ['unit']) === 'string' ? `（${String(getAt(g, ['unit']))}）` : ''}`,
          )
          .join('、')
      : '（无）';
  const form = [
    row(L('title'), `${title}（${f('type')}，${f('number')}）`, 3),
    row('时间', time, 3),
    row('地点', f('place'), 3),
    `<tr><th>${esc(L('mode'))}</th><td>${f('mode')}</td><th>单独召开</th><td>${f('heldSeparately')}</td></tr>`,
    `<tr><th>${esc(L('chairId'))}</th><td>${f('chairId')}${m.chairDelegated ? '（受组长（书记）委托主持）' : ''}</td><th>${esc(L('recorder'))}</th><td>${f('recorder')}</td></tr>`,
    ...(ev
      ? [row(`应到（${ev.expected.length} 人）`, esc(ev.expected.map((e) => e.name).join('、') || '（无）'), 3)]
      : []),
    row(
      `${L('presentIds')}（${m.presentIds.length} 人）`,
      valueHtml(r, ['presentIds'], undefined, (x) => people(Array.isArray(x) ? x.map(String) : [])),
      3,
    ),
    row('缺席人员及原因', valueHtml(r, ['absent'], undefined, absentText), 3),
    row(
      '列席人员',
      `${valueHtml(r, ['guests'], undefined, guestsText)}${m.guests.length ? '<span class="muted">（不计入到会人数，无表决权）</span>' : ''}`,
      3,
    ),
    ...(ev ? [row('法定人数', `${verdict(ev.quorum.met, '达到', '未达到')}\u3000${esc(ev.quorum.message)}`, 3)] : []),
  ];
  const topics = m.topics
    .map(
      (t, i) =>
        `<h4>${i + 1}. ${v('topics', i, 'title')}</h4>` +
        `<div class="prose"><span class="sans">${esc(L('topics', 'discussion'))}：</span>${v('topics', i, 'discussion')}</div>` +
        (t.dissent
          ? `<div class="prose"><span class="sans">${esc(L('topics', 'dissent'))}：</span>${v('topics', i, 'dissent')}</div>`
          : ''),
    )
    .join('');
  const decisions =
    m.decisions.length === 0
      ? ''
      : `<h3>${esc(L('decisions'))}</h3><table class="list"><thead><tr><th class="num">序号</th><th>决议内容</th>` +
        `<th class="num">${esc(L('decisions', 'votes', 'for'))}</th><th class="num">${esc(L('decisions', 'votes', 'against'))}</th><th class="num">${esc(L('decisions', 'votes', 'abstain'))}</th><th>表决结果</th></tr></thead><tbody>` +
        m.decisions
          .map((_, i) => {
            const d = ev?.decisions[i];
            return (
              `<tr><td class="num">${i + 1}</td><td>${v('decisions', i, 'text')}</td><td class="num">${v('decisions', i, 'votes', 'for')}</td>` +
              `<td class="num">${v('decisions', i, 'votes', 'against')}</td><td class="num">${v('decisions', i, 'votes', 'abstain')}</td>` +
              `<td>${d ? `${verdict(d.passed, '通过', '未通过')}<br><span class="muted">${esc(d.message)}</span>` : '—'}</td></tr>`
            );
          })
          .join('') +
        '</tbody></table>';
  const election =
    m.election && ev?.election
      ? `<h3>选举</h3><table class="form"><tbody>` +
        `<tr><th>${esc(L('election', 'body'))}</th><td>${v('election', 'body')}</td><th>${esc(L('election', 'seats'))}</th><td>${v('election', 'seats')}</td></tr>` +
        `<tr><th>${esc(L('election', 'votingExpected'))}</th><td>${v('election', 'votingExpected')}</td><th>${esc(L('election', 'votingPresent'))}</th><td>${v('election', 'votingPresent')}</td></tr>` +
        `<tr><th>${esc(L('election', 'ballotsCast'))}</th><td>${v('election', 'ballotsCast')}</td><th>${esc(L('election', 'competitive'))}</th><td>${m.election.competitive ? '差额选举' : '等额选举'}</td></tr>` +
        row(
          L('election', 'candidates'),
          m.election.candidates
            .map((_, i) => `${v('election', 'candidates', i, 'name')}：${v('election', 'candidates', i, 'votes')} 票`)
            .join('<br>'),
          3,
        ) +
        row(
          '选举结果',
          `${verdict(ev.election.thresholdMet && ev.election.marginMet, '有效', '不符合规定')}\u3000${esc(ev.election.message)}${ev.election.elected.length ? `；当选：${esc(ev.election.elected.join('、'))}` : ''}`,
          3,
        ) +
        '</tbody></table>'
      : '';
  const filing = ev
    ? `<h3>纪要备案</h3><p>${
        filed
          ? `${verdict(!filed.late, '已备案', '逾期备案')}\u3000${esc(chineseDate(filed.date))}报送${esc(filed.to)}备案（第 ${filed.seq} 条记录）`
          : esc(ev.filing.message)
      }</p>`
    : '';
  const recheck = currentEvaluation
    ? `<p class="corr"><b>按更正后的内容重新检查：</b>法定人数${currentEvaluation.quorum.met ? '达到' : '未达到'}（${esc(currentEvaluation.quorum.message)}）` +
      currentEvaluation.decisions.map((d, i) => `；决议 ${i + 1} ${d.passed ? '通过' : '未通过'}`).join('') +
      '</p>'
    : '';
  const signatures =
    `<div class="signatures"><div>主持人（签字）：</div><div>记录人（签字）：</div></div>` +
    `<p class="footnote">会议时间：${esc(chineseDateTime(m.startAt))}\u3000\u3000签字日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日</p>`;
  return (
    `<table class="form"><tbody>${form.join('')}</tbody></table>` +
    `<h3>${esc(L('topics'))}</h3>${topics}` +
    `<h3>会议内容（${esc(L('minutes'))}）</h3><div class="prose">${f('minutes')}</div>` +
    decisions +
    election +
    filing +
    recheck +
    attachmentsHtml(r) +
    `<div class="keep">${signatures}</div>`
  );
}
