/** Activities, work items and the organisation's own entries (set-up, re-election). */
import type { ActivityType, Organisation } from '../contract';
import { addDays } from './demo-dates';
import { SUPERVISING_OFFICE, type DemoBookState } from './demo-book-state';
import {
  ACTIVITIES,
  annualWork,
  IDEOLOGY_EVENTS,
  MAJOR_MATTERS,
  OTHER_WORK,
  REPORT_MATTERS,
} from './demo-activity-text';
import { foundingMembers } from './demo-roster-changes';
import { BOOK, memberRef, seqRef, type DemoStep } from './demo-step';

export const SOCIETY = '北京市某某科技学会';

/** The book is opened once the supervising office has approved the group (成立批复). */
export function buildBookCreation(book: DemoBookState, termStart: string, recordAt: string): DemoStep {
  const approval = book.approval(addDays(termStart, -4));
  const organisation: Organisation = {
    societyName: SOCIETY,
    orgName: `${SOCIETY}党建工作小组`,
    form: 'work-group',
    termStart,
    termEnd: termEndOf(termStart),
    supervisingOffice: SUPERVISING_OFFICE,
    contactPerson: book.people.staff(),
    recorder: book.recorder,
    approval,
    note: '任期与学会第五届理事会相同',
  };
  book.organisation = organisation;
  const { members, keys } = foundingMembers(book, termStart, approval);
  // books.create seals the genesis entry, the organisation's set-up and one entry per founder.
  return book.step(
    'books.create',
    { organisation, profile: { id: 'beijing-work-group' }, members },
    recordAt,
    { memberKeys: keys },
    2 + members.length,
  );
}

/** Five years, ending the day before the fifth anniversary (任期与理事会相同). */
export function termEndOf(termStart: string): string {
  return addDays(`${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`, -1);
}

export function buildActivity(book: DemoBookState, type: ActivityType, date: string, recordAt: string): DemoStep {
  const { random, roster } = book;
  const leader = roster.withRole(date, 'leader')[0];
  const text = random.pick(ACTIVITIES[type])(random, Number(date.slice(0, 4)), leader?.person.name ?? '');
  const active = roster.activeOn(date);
  const participants = random.sample(
    active,
    Math.max(Math.ceil(active.length * 0.6), active.length - random.int(0, 2)),
  );
  book.year.activities++;
  return book.step(
    'activities.seal',
    {
      bookId: BOOK,
      activity: {
        type,
        title: text.title,
        date,
        ...(text.extraDays > 0 ? { endDate: addDays(date, text.extraDays) } : {}),
        place: text.place,
        organizer: text.organizer,
        participantIds: participants.map((m) => memberRef(m.key)),
        otherParticipants: text.otherParticipants,
        content: text.content,
        outcome: text.outcome,
        attachments: [],
      },
    },
    recordAt,
  );
}

type WorkKind = 'report' | 'ideology' | 'major-matter' | 'other';

export function buildWorkItem(
  book: DemoBookState,
  kind: WorkKind,
  date: string,
  recordAt: string,
  meetingKey?: string,
): DemoStep {
  const { random } = book;
  const year = Number(date.slice(0, 4));
  let item: Record<string, unknown>;
  if (kind === 'report') {
    const r = random.pick(REPORT_MATTERS);
    item = { type: 'report', title: r.title, to: SUPERVISING_OFFICE, matter: r.matter, reply: r.reply };
  } else if (kind === 'ideology') {
    const e = random.pick(IDEOLOGY_EVENTS);
    item = {
      type: 'ideology',
      title: `${year}年${e.event}意识形态风险研判及舆情应对预案`,
      event: `${year}年${e.event}`,
      eventKind: e.eventKind,
      assessment: '会议规模较大，邀请境内外专家作报告，存在个别言论偏离学术主题的风险；宣传材料和网络直播需严格审核。',
      plan: '明确秘书长为舆情应对第一责任人；报告内容会前审核；设立现场和网络舆情监测岗；发现问题第一时间报告党建委。',
    };
  } else if (kind === 'major-matter' && meetingKey) {
    const m = random.pick(MAJOR_MATTERS);
    item = {
      type: 'major-matter',
      title: m.title,
      category: m.category,
      amountYuan: random.int(12, 60) * 10_000,
      deliberation: m.deliberation,
      outcome: m.outcome,
      meetingSeq: seqRef(meetingKey),
    };
  } else {
    const o = random.pick(OTHER_WORK);
    item = { type: 'other', title: o.title, content: o.content };
  }
  return book.step('work.seal', { bookId: BOOK, item: { ...item, date, attachments: [] } }, recordAt);
}

/** The leader's yearly report to the group and the 党建委 (000 第五章). */
export function buildAnnualReport(book: DemoBookState, year: number, date: string, recordAt: string): DemoStep {
  const leader = book.roster.withRole(date, 'leader')[0]!;
  return book.step(
    'work.seal',
    {
      bookId: BOOK,
      item: {
        type: 'annual-report',
        title: `${year}年度党建工作小组组长述职`,
        date,
        year,
        reporterId: memberRef(leader.key),
        ...annualWork(year, book.year.meetings, book.year.activities),
        attachments: [],
      },
    },
    recordAt,
  );
}

export function buildAnnualSummary(book: DemoBookState, year: number, date: string, recordAt: string): DemoStep {
  return book.step(
    'work.seal',
    {
      bookId: BOOK,
      item: {
        type: 'annual-summary',
        title: `${year}年度党建工作书面总结`,
        date,
        year,
        ...annualWork(year, book.year.meetings, book.year.activities),
        attachments: [],
      },
    },
    recordAt,
  );
}

/** 换届 with the board (换届同步): the work item, dated before the old term ends. */
export function buildReElection(book: DemoBookState, date: string, recordAt: string): DemoStep {
  const termStart = addDays(book.organisation.termEnd, 1);
  const approval = book.approval(addDays(date, -3));
  book.nextTerm = { termStart, approval };
  return book.step(
    'work.seal',
    {
      bookId: BOOK,
      item: {
        type: 're-election',
        title: '党建工作小组随理事会同步换届',
        date,
        newTermStart: termStart,
        newTermEnd: termEndOf(termStart),
        content: '学会召开会员代表大会完成理事会换届，党建工作小组同步换届，新一届成员人选经党建委审核批复。',
        approvalDocNo: approval.docNo,
        attachments: [],
      },
    },
    recordAt,
  );
}

/** On the first day of the new term, the organisation record takes the new term and its approval. */
export function buildTermUpdate(book: DemoBookState, recordAt: string): DemoStep {
  const next = book.nextTerm;
  if (!next) throw new Error('演示数据：换届之前不能变更任期');
  book.nextTerm = undefined;
  book.organisation = {
    ...book.organisation,
    termStart: next.termStart,
    termEnd: termEndOf(next.termStart),
    approval: next.approval,
    note: '任期与本届理事会相同',
  };
  return book.step(
    'org.update',
    {
      bookId: BOOK,
      organisation: book.organisation,
      reason: `随理事会换届，新一届任期自${next.termStart}起（${next.approval.docNo}）`,
    },
    recordAt,
  );
}
