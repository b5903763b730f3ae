/**
 * Drafts written from the records (issue 12 item 5): the leader's yearly 述职 report and the
 * year's 台账 summary. Facts and figures come from the sealed, proven entries (meetings held,
 * their decisions, filed minutes, activities, the year's obligations); the wording is left to
 * people as 【请填写：…】 placeholders. The result is a work-item draft: the clerk edits it
 * and seals it like any other work item, or saves it as .docx.
 */
import type { LedgerDuties } from '../rules';
import {
  ACTIVITY_TYPES,
  TEXT_LIMITS,
  WORK_ITEM_TYPES,
  chineseDate,
  type ActivityInput,
  type EntrySummary,
  type MemberView,
  type RecordDraft,
  type RecordDraftKind,
  type WorkItemInput,
} from '../contract';
import { readMeeting, readOrg, readRoster, readYear, type BookReads, type ReadMeeting } from './book-reads';

/**
 * Lists longer than this are cut (with a note): a draft is for editing, not a dump. A busy year
 * is listed shorter still, until the text fits what a work item may hold (TEXT_LIMITS.page).
 */
const LIST_LIMITS = [60, 30, 15, 5, 0];
const LEADER_ROLES = ['leader', 'secretary'];

export const fill = (what: string) => `【请填写：${what}】`;

function listed<T>(items: T[], max: number, line: (t: T, i: number) => string): string[] {
  const out = items.slice(0, max).map(line);
  if (items.length > max) out.push(`……（另有 ${items.length - max} 项，见记录本）`);
  return out;
}

interface YearFacts {
  groupMeetings: ReadMeeting[];
  assemblies: ReadMeeting[];
  activities: { summary: EntrySummary; input: ActivityInput }[];
  work: { summary: EntrySummary; input: WorkItemInput }[];
  damaged: number[];
}

async function readFacts(reads: BookReads, bookId: string, year: number): Promise<YearFacts> {
  const facts: YearFacts = { groupMeetings: [], assemblies: [], activities: [], work: [], damaged: [] };
  for (const s of await readYear(reads, bookId, year)) {
    if (s.problem) {
      facts.damaged.push(s.seq);
      continue;
    }
    if (s.kind === 'meeting') {
      const m = await readMeeting(reads, bookId, s.seq);
      (m.input.type === 'members-assembly' ? facts.assemblies : facts.groupMeetings).push(m);
    } else if (s.kind === 'activity' || s.kind === 'work') {
      const d = await reads['entries.get']({ bookId, seq: s.seq });
      const input = (d.current as { input?: unknown }).input;
      if (!input) continue;
      if (s.kind === 'activity') facts.activities.push({ summary: s, input: input as ActivityInput });
      else facts.work.push({ summary: s, input: input as WorkItemInput });
    }
  }
  // The timeline lists the newest first; a report tells the year from its start.
  const byDate = <T extends { summary: EntrySummary }>(a: T, b: T) =>
    a.summary.date.localeCompare(b.summary.date) || a.summary.seq - b.summary.seq;
  for (const list of [facts.groupMeetings, facts.assemblies, facts.activities, facts.work] as {
    summary: EntrySummary;
  }[][])
    list.sort(byDate);
  return facts;
}

function meetingLines(f: YearFacts, max: number): string[] {
  const quorate = f.groupMeetings.filter((m) => m.evaluation.quorum.met).length;
  const lines = [`本年度共召开会议 ${f.groupMeetings.length} 次，其中到会人数符合规定的 ${quorate} 次。`];
  lines.push(
    ...listed(f.groupMeetings, max, (m, n) => {
      const i = m.input;
      const decisions = i.decisions.map(
        (d) => `${d.text}（同意 ${d.votes.for} 票，反对 ${d.votes.against} 票，弃权 ${d.votes.abstain} 票）`,
      );
      return (
        `${n + 1}. ${chineseDate(i.startAt.slice(0, 10))} 第${i.number}次会议${i.title ? `“${i.title}”` : ''}（第 ${m.seq} 条记录），` +
        `实到 ${i.presentIds.length}/${m.evaluation.expected.length} 人，${m.evaluation.quorum.met ? '到会人数符合规定' : '到会人数不足'}；` +
        `议题：${i.topics.map((t) => t.title).join('；')}；` +
        (decisions.length ? `决议：${decisions.join('；')}。` : '未形成决议。')
      );
    }),
  );
  if (f.assemblies.length > 0) {
    lines.push(`召开党员大会 ${f.assemblies.length} 次：`);
    lines.push(
      ...listed(
        f.assemblies,
        max,
        (m) =>
          `${chineseDate(m.input.startAt.slice(0, 10))} 第${m.input.number}次党员大会（第 ${m.seq} 条记录）${m.input.election ? `，选举${m.input.election.body}，当选：${m.evaluation.election?.elected.join('、') || '无'}` : ''}。`,
      ),
    );
  }
  return lines;
}

function filingLines(f: YearFacts, max: number): string[] {
  const filed = f.groupMeetings.filter((m) => m.summary.filed);
  const late = filed.filter((m) => m.summary.filed!.late);
  const open = f.groupMeetings.filter((m) => !m.summary.filed);
  const lines = [`会议纪要已备案 ${filed.length} 次（其中逾期 ${late.length} 次），尚未备案 ${open.length} 次。`];
  lines.push(
    ...listed(
      filed,
      max,
      (m) =>
        `第${m.input.number}次会议纪要于${chineseDate(m.summary.filed!.date)}报送${m.summary.filed!.to}${m.summary.filed!.late ? '（逾期）' : ''}。`,
    ),
  );
  if (open.length)
    lines.push(
      '尚未备案：',
      ...listed(open, max, (m) => `第${m.input.number}次会议（${chineseDate(m.input.startAt.slice(0, 10))}）`),
    );
  return lines;
}

function activityLines(f: YearFacts, max: number): string[] {
  const byType = new Map<string, number>();
  for (const a of f.activities) byType.set(a.input.type, (byType.get(a.input.type) ?? 0) + 1);
  const counts = [...byType]
    .map(([t, n]) => `${ACTIVITY_TYPES[t as keyof typeof ACTIVITY_TYPES] ?? t} ${n} 次`)
    .join('、');
  const lines = [`本年度共开展活动 ${f.activities.length} 次${counts ? `：${counts}` : ''}。`];
  lines.push(
    ...listed(
      f.activities,
      max,
      (a, n) =>
        `${n + 1}. ${chineseDate(a.input.date)} ${ACTIVITY_TYPES[a.input.type]}“${a.input.title}”（${a.input.place}，第 ${a.summary.seq} 条记录）。`,
    ),
  );
  return lines;
}

function workLines(f: YearFacts, max: number): string[] {
  const relevant = f.work.filter((w) => w.input.type !== 'filing');
  if (relevant.length === 0) return ['本年度记录本中没有其他工作记录。'];
  return listed(
    relevant,
    max,
    (w, n) =>
      `${n + 1}. ${chineseDate(w.input.date)} ${WORK_ITEM_TYPES[w.input.type]}：${w.input.title}（第 ${w.summary.seq} 条记录）。`,
  );
}

/** The duties the clerk tagged entries with (never the untagged suggestions), and what the evaluation can call the year. */
function dutyLines(duties: LedgerDuties, max: number): string[] {
  const covered = duties.rows.filter((d) => d.seqs.length > 0);
  if (covered.length === 0) return ['本年度记录尚未标注所体现的职责（可在记录中勾选“体现的职责”后重新起草）。'];
  return [
    ...listed(covered, max, (d, i) => `${i + 1}. ${d.label}：见第 ${d.seqs.join('、')} 条记录`),
    `（共体现 ${duties.covered} 项职责；${duties.message}）`,
  ];
}

export async function draftFromRecords(
  reads: BookReads,
  bookId: string,
  year: number,
  kind: RecordDraftKind,
): Promise<RecordDraft> {
  const org = await readOrg(reads, bookId);
  const roster = await readRoster(reads, bookId, `${year}-12-31`);
  const facts = await readFacts(reads, bookId, year);
  const ledger = await reads['ledger.year']({ bookId, year });
  const { duties } = await reads['ledger.report']({ bookId, year });
  const owed = ledger.items.filter((i) => !i.ok);
  const leader: MemberView | undefined = roster.find((m) => m.active && LEADER_ROLES.includes(m.role));
  const orgName = org.organisation.orgName;

  const workText = (max: number) =>
    [
      kind === 'shuzhi'
        ? `${fill(`述职人${leader ? `（${leader.roleLabel}${leader.person.name}）` : ''}本年度履行职责的总体情况`)}`
        : fill('本年度党建工作总体情况概述'),
      '',
      '（一）会议召开情况',
      ...meetingLines(facts, max),
      `（规则方案要求本年度至少召开 ${ledger.meetingsRequired} 次，已召开符合要求的会议 ${ledger.meetingsHeld} 次。）`,
      '',
      '（二）会议纪要备案情况',
      ...filingLines(facts, max),
      '',
      '（三）活动开展情况',
      ...activityLines(facts, max),
      '',
      '（四）其他工作',
      ...workLines(facts, max),
      '',
      '（五）九项职责履行情况',
      ...dutyLines(duties, max),
      '',
      fill('工作成效与体会'),
      ...(facts.damaged.length ? ['', `注意：第 ${facts.damaged.join('、')} 条记录未通过校验，未计入本草稿。`] : []),
    ].join('\n');
  let work = '';
  for (const limit of LIST_LIMITS) {
    work = workText(limit);
    if (work.length <= TEXT_LIMITS.page) break;
  }

  const problems = [
    fill('本年度党建工作存在的问题'),
    ...(owed.length
      ? ['', '据年度台账，下列事项尚未完成（供参考）：', ...owed.map((o, i) => `${i + 1}. ${o.message}`)]
      : []),
  ];
  const plan = [fill(kind === 'shuzhi' ? '下一年度工作思路' : '下一年度工作打算')];
  const sources = [...facts.groupMeetings, ...facts.assemblies]
    .map((m) => m.seq)
    .concat(
      facts.activities.map((a) => a.summary.seq),
      facts.work.map((w) => w.summary.seq),
    )
    .sort((a, b) => a - b);

  return {
    type: kind === 'shuzhi' ? 'annual-report' : 'annual-summary',
    title: kind === 'shuzhi' ? `${orgName}${year}年度述职报告` : `${orgName}${year}年度党建工作台账总结`,
    year,
    ...(kind === 'shuzhi' && leader ? { reporterId: leader.memberId } : {}),
    work,
    problems: problems.join('\n'),
    plan: plan.join('\n'),
    sources,
  };
}
