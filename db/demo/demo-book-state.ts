/**
 * What the generator keeps between steps: the roster, the organisation record, the running
 * numbers (meetings in the term, approval document numbers), the book's size, and the year's
 * counts the 述职 quotes. Every step is made through `step()`, which keeps the size right.
 */
import type { MethodName, Organisation } from '../contract';
import type { DemoStep } from './demo-step';
import { People } from './demo-people';
import { DemoRandom } from './demo-random';
import { Roster } from './demo-roster';

export const SUPERVISING_OFFICE = '北京市科协社会组织党建工作委员会';
export const FILING_OFFICE = `${SUPERVISING_OFFICE}办公室`;

export interface MeetingFacts {
  key: string;
  number: number;
  date: string;
  at: string;
  chairKey: string;
  presentKeys: string[];
  absent: { key: string; note: string }[];
  votes: { for: number; against: number; abstain: number }[];
  place?: string;
}

export class DemoBookState {
  readonly random: DemoRandom;
  readonly people: People;
  readonly roster = new Roster();
  organisation!: Organisation;
  readonly recorder: string;
  readonly guests: { name: string; unit: string }[];
  size = 0;
  firstYear = 0;
  /** 第×次: counts in the current term (re-election starts it again). */
  meetingNumber = 0;
  /** Set by the 换届 work item, taken by the organisation update on the new term's first day. */
  nextTerm: { termStart: string; approval: { docNo: string; date: string } } | undefined;
  readonly year = { meetings: 0, activities: 0 };
  /** The year's sealed meetings, for filings, corrections and “三重一大” that point at them. */
  readonly meetings = new Map<string, MeetingFacts>();
  private readonly approvals = new Map<number, number>();

  constructor(seed: number) {
    this.random = new DemoRandom(seed);
    this.people = new People(this.random);
    this.recorder = this.people.staff();
    this.guests = [
      { name: this.people.staff(), unit: `${SUPERVISING_OFFICE}（党建联络员）` },
      { name: this.people.staff(), unit: '学会秘书处（副秘书长）' },
      { name: this.people.staff(), unit: '学会监事会（监事长）' },
    ];
  }

  /** The next 批复 of the supervising office issued on `date`, e.g. 京科协党建〔2025〕7号. */
  approval(date: string): { docNo: string; date: string } {
    const year = Number(date.slice(0, 4));
    const n = (this.approvals.get(year) ?? this.random.int(1, 5)) + this.random.int(1, 3);
    this.approvals.set(year, n);
    return { docNo: `京科协党建〔${year}〕${n}号`, date };
  }

  /** A step sealing `seals` entries (one, except books.create). */
  step(
    method: MethodName,
    input: Record<string, unknown>,
    at: string,
    extra: Partial<DemoStep> = {},
    seals = 1,
  ): DemoStep {
    this.size += seals;
    return { method, input, at, ...extra, size: this.size };
  }

  startYear(): void {
    this.year.meetings = 0;
    this.year.activities = 0;
    this.meetings.clear();
  }
}
