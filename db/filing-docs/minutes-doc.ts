/**
 * 会议纪要 of any meeting, in the order of the paper book's meeting page: 会议名称 / 第×次, 时间,
 * 地点, 主持人, 记录人, 应到 / 实到 / 缺席人员及原因 / 列席人员, 议题, 会议内容 (with dissent),
 * 决议 and 表决结果, the quorum result, 备案, signature lines. Built from the current reading;
 * every correction is listed, with the original value, so the paper says what the book says.
 */
import { MEETING_MODES, MEETING_TYPES, beijingTime, chineseDate, type MemberView } from '../contract';
import { nameOf, type ReadMeeting } from './book-reads';
import { BLANK, FONT_HEADING, SIZE, blankLine, formTable, heading, para, paras, title, type Block } from './docx-parts';

const label = (text: string) => ({ text, label: true });

function timeRange(startAt: string, endAt: string): string {
  const day = chineseDate(startAt.slice(0, 10));
  const sameDay = startAt.slice(0, 10) === endAt.slice(0, 10);
  return `${day} ${startAt.slice(11, 16)}—${sameDay ? '' : `${chineseDate(endAt.slice(0, 10))} `}${endAt.slice(11, 16)}`;
}

function names(roster: MemberView[], ids: readonly string[]): string {
  return ids.map((id) => nameOf(roster, id)).join('、');
}

/** A corrected value as people read it: votes as votes, member ids as names, lists joined. */
function shown(v: unknown, roster: MemberView[]): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (typeof v === 'string') return roster.some((m) => m.memberId === v) ? nameOf(roster, v) : v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => shown(x, roster)).join('、') || '（空）';
  const o = v as Record<string, unknown>;
  if (typeof o.for === 'number' && typeof o.against === 'number' && typeof o.abstain === 'number') {
    return `同意 ${o.for} 票，反对 ${o.against} 票，弃权 ${o.abstain} 票`;
  }
  if (typeof o.memberId === 'string')
    return `${nameOf(roster, o.memberId)}${typeof o.leaveNote === 'string' && o.leaveNote ? `（${o.leaveNote}）` : ''}`;
  if (typeof o.name === 'string') return typeof o.unit === 'string' && o.unit ? `${o.name}（${o.unit}）` : o.name;
  return JSON.stringify(v);
}

export function meetingTypeLabel(m: ReadMeeting): string {
  return MEETING_TYPES[m.input.type];
}

export function minutesDocument(orgName: string, roster: MemberView[], m: ReadMeeting): Block[] {
  const i = m.input;
  const e = m.evaluation;
  const typeLabel = meetingTypeLabel(m);
  const chair = `${nameOf(roster, i.chairId)}${i.chairDelegated ? '（受委托主持）' : ''}`;
  const expected = e.expected.map((x) => x.name);
  const absent = i.absent
    .map((a) => `${nameOf(roster, a.memberId)}（${a.leaveNote.trim() || '未说明原因'}）`)
    .join('；');
  const guests = i.guests.map((g) => (g.unit ? `${g.name}（${g.unit}）` : g.name)).join('、');
  const basics = formTable(
    [
      { cells: [label('会议名称'), { text: i.title ?? typeLabel, span: 3 }] },
      { cells: [label('会议次数'), { text: `第${i.number}次` }, label('会议形式'), { text: MEETING_MODES[i.mode] }] },
      { cells: [label('时间'), { text: timeRange(i.startAt, i.endAt), span: 3 }] },
      {
        cells: [
          label('地点'),
          { text: i.place ?? (i.mode === 'correspondence' ? '（通讯形式，无会场）' : BLANK), span: 3 },
        ],
      },
      { cells: [label('主持人'), { text: chair }, label('记录人'), { text: i.recorder }] },
      { cells: [label('应到'), { text: `${expected.length}人：${expected.join('、')}`, span: 3 }] },
      { cells: [label('实到'), { text: `${i.presentIds.length}人：${names(roster, i.presentIds)}`, span: 3 }] },
      { cells: [label('缺席人员及原因'), { text: absent || '无', span: 3 }] },
      { cells: [label('列席人员'), { text: guests || '无', span: 3 }] },
    ],
    { columns: 4, widths: [2000, 2422, 2000, 2422] },
  );

  const blocks: Block[] = [
    para(orgName, { align: 'center', font: FONT_HEADING, before: 120 }),
    title(`第${i.number}次${typeLabel}纪要`),
    basics,
    blankLine(),
    heading('一、会议议题'),
    ...i.topics.map((t, n) => para(`${n + 1}. ${t.title}`, { indent: true })),
    heading('二、会议内容'),
  ];
  i.topics.forEach((t, n) => {
    blocks.push(para(`（${'一二三四五六七八九十'[n] ?? n + 1}）${t.title}`, { indent: true, keepNext: true }));
    blocks.push(...paras(t.discussion || '（未记录讨论情况）', { indent: true }));
    blocks.push(...paras(`不同意见：${t.dissent.trim() || '无'}`, { indent: true }));
  });
  if (i.minutes.trim()) blocks.push(heading('三、会议纪要'), ...paras(i.minutes, { indent: true }));
  blocks.push(heading(`${i.minutes.trim() ? '四' : '三'}、决议及表决结果`));
  if (i.decisions.length === 0) blocks.push(para('本次会议未形成决议。', { indent: true }));
  i.decisions.forEach((d, n) => {
    const verdict = e.decisions[n]?.message ?? '';
    blocks.push(para(`${n + 1}. ${d.text}`, { indent: true }));
    // The rule's verdict already states the votes; without one, the votes alone.
    blocks.push(
      para(
        `表决结果：${verdict || `同意 ${d.votes.for} 票，反对 ${d.votes.against} 票，弃权 ${d.votes.abstain} 票。`}`,
        { indent: true },
      ),
    );
  });
  if (i.election && e.election) {
    const el = i.election;
    blocks.push(heading('选举情况'));
    blocks.push(
      para(
        `选举${el.body}，应到有选举权人数 ${el.votingExpected} 人，实到 ${el.votingPresent} 人，收回选票 ${el.ballotsCast} 张，应选 ${el.seats} 名，采取${el.competitive ? '差额' : '等额'}选举。`,
        { indent: true },
      ),
    );
    blocks.push(
      para(`得票情况：${el.candidates.map((c) => `${c.name} ${c.votes} 票`).join('，')}。`, { indent: true }),
    );
    blocks.push(para(`当选：${e.election.elected.join('、') || '无'}。${e.election.message}`, { indent: true }));
  }
  blocks.push(heading('规则核对'));
  blocks.push(para(`到会情况：${e.quorum.message}`, { indent: true }));
  blocks.push(para(`备案情况：${filingText(m)}`, { indent: true }));
  if (m.corrections.length > 0) {
    blocks.push(heading('更正说明'));
    blocks.push(para('本纪要按更正后的记录生成，原始记录与更正如下：', { indent: true }));
    for (const c of m.corrections) {
      blocks.push(
        para(
          `第 ${c.seq} 条更正（${beijingTime(c.recordedAt)}，更正人：${c.by || BLANK}）：“${c.fieldLabel}”原为“${shown(c.previous, roster)}”，更正为“${shown(c.value, roster)}”。原因：${c.reason}`,
          { indent: true, size: SIZE.form },
        ),
      );
    }
  }
  blocks.push(blankLine());
  blocks.push(para('主持人（签字）：________　　　记录人（签字）：________', { before: 240 }));
  blocks.push(
    para(`（依据记录本第 ${m.seq} 条记录生成，该记录封存于 ${beijingTime(m.summary.recordedAt)}）`, {
      size: SIZE.small,
      before: 240,
    }),
  );
  return blocks;
}

function filingText(m: ReadMeeting): string {
  const f = m.summary.filed;
  if (f) return `已于${chineseDate(f.date)}报送${f.to}备案${f.late ? '（逾期）' : ''}。`;
  return m.evaluation.filing.message;
}
