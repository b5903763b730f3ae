/**
 * What the filing documents read, and only through the service's own reads: the roster, the
 * organisation, one proven entry with its corrections applied (entries.get), the year's list.
 * Never raw database rows: a document says what the screen says, after the same proof.
 */
import {
  ServiceError,
  type Contract,
  type EntryDetail,
  type EntrySummary,
  type MeetingEvaluation,
  type MeetingInput,
  type MemberView,
  type OrgView,
  type ServiceOf,
} from '../contract';

export type BookReads = Pick<
  ServiceOf<Contract>,
  'org.get' | 'members.list' | 'entries.get' | 'entries.list' | 'ledger.year' | 'ledger.report' | 'entries.check'
>;

export interface ReadMeeting {
  seq: number;
  summary: EntrySummary;
  /** The current reading (every correction applied), as the entry view shows it. */
  input: MeetingInput;
  /**
   * The rules on the current reading. Sealed results (with their messages, which quote the
   * votes) serve an uncorrected meeting; a corrected one is evaluated again, since a corrected
   * vote that leaves the outcome unchanged would otherwise print the original figures.
   */
  evaluation: MeetingEvaluation;
  corrections: EntryDetail['corrections'];
}

export async function readOrg(
  reads: BookReads,
  bookId: string,
): Promise<OrgView & { organisation: NonNullable<OrgView['organisation']> }> {
  const org = await reads['org.get']({ bookId });
  if (!org.organisation)
    throw new ServiceError('no-organisation', '记录本还没有登记组织信息，无法生成备案文书；请先在“设置”中填写组织信息');
  return org as OrgView & { organisation: NonNullable<OrgView['organisation']> };
}

export async function readRoster(reads: BookReads, bookId: string, on?: string): Promise<MemberView[]> {
  return reads['members.list']({ bookId, ...(on ? { on } : {}) });
}

interface DomainReading {
  input?: unknown;
  computed?: unknown;
}

export async function readMeeting(reads: BookReads, bookId: string, seq: number): Promise<ReadMeeting> {
  const detail = await reads['entries.get']({ bookId, seq });
  if (detail.summary.kind !== 'meeting') {
    throw new ServiceError('not-a-meeting', `第 ${seq} 条是“${detail.summary.kindLabel}”，不是会议记录`, 'seq');
  }
  const current = detail.current as DomainReading;
  const original = detail.original as DomainReading;
  if (!current || typeof current !== 'object' || !current.input) {
    throw new ServiceError('unreadable-entry', `第 ${seq} 条会议记录的内容无法识别，不能生成文书`, 'seq');
  }
  const input = current.input as MeetingInput;
  // Not filed yet: whether it is still due or overdue is today's answer, not the seal's.
  const stale = detail.corrections.length > 0 || !detail.summary.filed;
  const evaluation = stale ? await evaluateNow(reads, bookId, seq, input) : (original.computed as MeetingEvaluation);
  return { seq, summary: detail.summary, input, evaluation, corrections: detail.corrections };
}

/** The rules on `input` today, as the editor's live panel reads them (`entries.check`). */
async function evaluateNow(reads: BookReads, bookId: string, seq: number, input: MeetingInput) {
  const check = await reads['entries.check']({ bookId, entry: { kind: 'meeting', meeting: input } });
  if (!check.evaluation) {
    throw new ServiceError('unreadable-entry', `第 ${seq} 条会议记录无法按规则检查，不能生成文书`, 'seq');
  }
  return check.evaluation;
}

/** Every entry summary of a year (the timeline's proven rows), page by page. */
export async function readYear(reads: BookReads, bookId: string, year: number): Promise<EntrySummary[]> {
  const out: EntrySummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await reads['entries.list']({ bookId, year, offset, limit: 500 });
    out.push(...page.items);
    if (page.items.length < 500 || out.length >= page.total) return out;
  }
}

export function nameOf(roster: readonly MemberView[], id: string): string {
  return roster.find((m) => m.memberId === id)?.person.name ?? BLANK_NAME;
}
const BLANK_NAME = '×××';
