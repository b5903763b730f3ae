/**
 * What the app computed for one sampled entry, shown beside the four-word checklist (准确、
 * 规范、完整、原始): quorum and vote results, the filing deadline and whether it was met, leave
 * notes, late recording, clock anomalies, corrections with their reasons, attachments present
 * and hashed. Built from the service's proven reads only (entries.get's detail, the year
 * ledger's filing row, the attachment store's hash check); pure, so it is tested alone.
 */
import { readEntryBody, type EntryDetail, type MeetingEvaluation, type SpotFact } from '../contract';
import type { LedgerMeetingRow } from '../rules';

export interface AttachmentCheck {
  hash: string;
  name: string;
  state: 'ok' | 'missing' | 'damaged';
}

export interface FactSources {
  detail: EntryDetail;
  /** For meetings: the year ledger's filing figure of this meeting (null when it is not in a ledger row). */
  filing: LedgerMeetingRow['filing'] | null;
  attachments: AttachmentCheck[];
}

const FILING_STATES: Record<string, SpotFact['state']> = {
  'on-time': 'ok',
  'not-required': 'info',
  pending: 'info',
  late: 'problem',
  overdue: 'problem',
  'calendar-missing': 'info',
  invalid: 'problem',
};

function meetingFacts(evaluation: MeetingEvaluation | undefined, input: unknown, sources: FactSources): SpotFact[] {
  const facts: SpotFact[] = [];
  if (evaluation) {
    facts.push({
      label: '到会人数',
      value: evaluation.quorum.message,
      state: evaluation.quorum.met ? 'ok' : 'problem',
    });
    evaluation.decisions.forEach((d, i) =>
      facts.push({ label: `表决结果（决议 ${i + 1}）`, value: d.message, state: d.passed ? 'ok' : 'problem' }),
    );
    if (evaluation.election)
      facts.push({
        label: '选举结果',
        value: evaluation.election.message,
        state: evaluation.election.thresholdMet && evaluation.election.marginMet ? 'ok' : 'problem',
      });
  } else {
    facts.push({ label: '到会人数', value: '封存时的规则计算结果无法读取', state: 'problem' });
  }
  const filing = sources.filing;
  if (filing) {
    // The ledger's own sentence: the deadline, the day filed (or not yet), on time or late.
    facts.push({ label: '纪要备案', value: filing.message, state: FILING_STATES[filing.status] ?? 'info' });
  }
  const absent = (input as { absent?: { memberId: string; leaveNote?: string }[] }).absent ?? [];
  const names = new Map(evaluation?.expected.map((e) => [e.memberId, e.name]) ?? []);
  for (const a of absent) {
    const note = a.leaveNote?.trim();
    facts.push({
      label: `请假说明（${names.get(a.memberId) ?? a.memberId}）`,
      value: note ? note : '缺席且没有请假说明',
      state: note ? 'ok' : 'problem',
    });
  }
  if (absent.length === 0) facts.push({ label: '请假说明', value: '无缺席成员', state: 'info' });
  return facts;
}

export function spotFacts(sources: FactSources): SpotFact[] {
  const { detail } = sources;
  const facts: SpotFact[] = [];
  const read = readEntryBody(detail.summary.kind, detail.current);
  if (!read.ok) facts.push({ label: '记录内容', value: read.problem, state: 'problem' });
  if (read.ok && read.body.kind === 'meeting')
    facts.push(...meetingFacts(detail.currentEvaluation ?? read.body.computed, read.body.input, sources));

  const late = detail.summary.flags.find((f) => f.code === 'late-recording');
  facts.push(
    late
      ? { label: '记录及时性', value: late.message, state: 'problem' }
      : { label: '记录及时性', value: `记录于 ${detail.summary.recordedAt.slice(0, 10)}，未发现事后补记`, state: 'ok' },
  );
  for (const flag of detail.summary.flags) {
    if (flag.code !== 'late-recording') facts.push({ label: '规则提示', value: flag.message, state: 'problem' });
  }
  facts.push(
    detail.ledgerFlags.includes('clock-behind')
      ? { label: '时钟', value: '封存时间早于上一条记录（电脑时钟曾被调回）', state: 'problem' }
      : { label: '时钟', value: '封存时间顺序正常', state: 'ok' },
  );
  if (detail.corrections.length === 0) facts.push({ label: '更正', value: '未更正', state: 'info' });
  // One fact per correction entry (several fields changed together are one correction).
  const bySeq = new Map<number, typeof detail.corrections>();
  for (const c of detail.corrections) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  for (const [seq, changes] of bySeq) {
    const c = changes[0]!;
    facts.push({
      label: `更正（第 ${seq} 条）`,
      value: `更正了${changes.map((x) => x.fieldLabel).join('、')}；理由：${c.reason}${c.by ? `（更正人：${c.by}）` : ''}`,
      state: c.reason.trim() ? 'info' : 'problem',
    });
  }
  if (sources.attachments.length === 0) facts.push({ label: '附件', value: '无附件', state: 'info' });
  for (const a of sources.attachments) {
    const shown = a.name || `${a.hash.slice(0, 12)}…`;
    facts.push({
      label: `附件（${shown}）`,
      value:
        a.state === 'ok'
          ? `已保存，内容与封存的哈希一致（SHA-256 ${a.hash.slice(0, 16)}…）`
          : a.state === 'missing'
            ? '数据包中没有这个附件'
            : '附件内容与封存的哈希不符',
      state: a.state === 'ok' ? 'ok' : 'problem',
    });
  }
  facts.push({ label: '记录哈希', value: detail.hash, state: 'info' });
  return facts;
}
