/** One timeline row per entry: title, event date, people, flags — derived from the (corrected) body. */
import {
  ACTIVITY_TYPES,
  MEETING_TYPES,
  MEMBER_ROLES,
  WORK_ITEM_TYPES,
  type ActivityInput,
  type EntrySummary,
  type MeetingInput,
  type MemberRole,
  type RuleFlag,
  type WorkItemInput,
} from '../contract';
import { chinaDateOf } from '../rules';
import { asCorrection, isDomainBody } from './entry-body';
import { labelKind } from './kinds';

interface Row {
  seq: number;
  kind: string;
  recordedAt: string;
  body: unknown;
}

type Described = Pick<EntrySummary, 'title' | 'date' | 'memberIds'>;

export function summarize(row: Row, names: (memberId: string) => string): EntrySummary {
  const d = describe(row, names);
  const body = row.body;
  const flags: RuleFlag[] = isDomainBody(body) ? body.flags : [];
  const summary: EntrySummary = {
    seq: row.seq,
    kind: row.kind,
    kindLabel: labelKind(row.kind),
    title: d.title,
    date: d.date || chinaDateOf(row.recordedAt),
    recordedAt: row.recordedAt,
    flags,
    memberIds: d.memberIds,
    correctedBy: [],
  };
  const c = row.kind === 'ledger.correction' ? asCorrection(body) : null;
  if (c) summary.targetSeq = c.target;
  return summary;
}

function describe(row: Row, names: (id: string) => string): Described {
  const body = row.body as Record<string, unknown> | null;
  const input = (isDomainBody(body) ? body.input : body) as Record<string, unknown> | null;
  switch (row.kind) {
    case 'ledger.genesis':
      return { title: `启用记录本“${typeof body?.name === 'string' ? body.name : ''}”`, date: '', memberIds: [] };
    case 'ledger.key-rotation':
      return { title: '更换记录本密钥', date: '', memberIds: [] };
    case 'ledger.correction': {
      const c = asCorrection(body);
      return { title: c ? `更正第 ${c.target} 条记录：${c.reason}` : '更正', date: '', memberIds: [] };
    }
    case 'org.setup':
    case 'org.update': {
      const org = (input?.organisation ?? input) as { orgName?: string } | undefined;
      return { title: `${labelKind(row.kind)}：${org?.orgName ?? ''}`, date: '', memberIds: [] };
    }
    case 'profile.change':
      return { title: '变更规则方案', date: '', memberIds: [] };
    // The liaison's own book (issue 10).
    case 'liaison.setup': {
      const l = input as { name?: string; office?: string } | null;
      return { title: `联络员信息：${l?.name ?? ''}（${l?.office ?? ''}）`, date: '', memberIds: [] };
    }
    case 'spot-check': {
      const c = input as { orgName?: string; sample?: { seqs?: unknown[] } } | null;
      return { title: `抽查${c?.orgName ?? ''}（${c?.sample?.seqs?.length ?? 0} 条）`, date: '', memberIds: [] };
    }
    case 'member.join': {
      const i = input as { memberId: string; person: { name: string }; role: MemberRole; joinedOn: string };
      return {
        title: `${i.person.name} 加入，任${MEMBER_ROLES[i.role] ?? i.role}`,
        date: i.joinedOn,
        memberIds: [i.memberId],
      };
    }
    case 'member.leave': {
      const i = input as { memberId: string; leftOn: string };
      return { title: `${names(i.memberId)} 离任`, date: i.leftOn, memberIds: [i.memberId] };
    }
    case 'member.role': {
      const i = input as { memberId: string; role: MemberRole; changedOn: string };
      return {
        title: `${names(i.memberId)} 改任${MEMBER_ROLES[i.role] ?? i.role}`,
        date: i.changedOn,
        memberIds: [i.memberId],
      };
    }
    case 'meeting': {
      const m = input as unknown as MeetingInput;
      const title = m.title || `第${m.number}次${MEETING_TYPES[m.type] ?? '会议'}`;
      const ids = [m.chairId, ...m.presentIds, ...m.absent.map((a) => a.memberId)];
      return { title, date: m.startAt.slice(0, 10), memberIds: [...new Set(ids)] };
    }
    case 'activity': {
      const a = input as unknown as ActivityInput;
      return { title: `${ACTIVITY_TYPES[a.type]}：${a.title}`, date: a.date, memberIds: a.participantIds };
    }
    case 'work': {
      const w = input as unknown as WorkItemInput;
      const ids = w.type === 'annual-report' ? [w.reporterId] : [];
      return { title: `${WORK_ITEM_TYPES[w.type]}：${w.title}`, date: w.date, memberIds: ids };
    }
    case 'receipt.received': {
      const r = input as { liaison?: { name?: string }; size?: number; checkedOn?: string; conclusion?: string } | null;
      const verdict = r?.conclusion === 'rectify' ? '存在问题，需整改' : '符合要求';
      return {
        title: `收到抽查回执：${r?.liaison?.name ?? ''}抽查前 ${r?.size ?? '?'} 条，${verdict}`,
        date: typeof r?.checkedOn === 'string' ? r.checkedOn : '',
        memberIds: [],
      };
    }
    case 'rectification': {
      const r = input as { receiptSeq?: number; date?: string } | null;
      return {
        title: `整改情况（对应第 ${r?.receiptSeq ?? '?'} 条抽查回执）`,
        date: typeof r?.date === 'string' ? r.date : '',
        memberIds: [],
      };
    }
    default:
      return { title: labelKind(row.kind), date: '', memberIds: [] };
  }
}
