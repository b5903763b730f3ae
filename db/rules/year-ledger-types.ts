/**
 * The yearly ledger (年度台账) as one value: every figure with the entries behind it (seqs),
 * so a screen, an Excel file or the liaison's overview can show a number and open its
 * evidence. Produced by computeYearLedger (year-ledger.ts) from plain facts; no I/O.
 */
import type { DutyId } from '../contract/duties';
import type { FilingStatus } from './filing';
import type { ObligationStatus } from './yearly-obligations';

/** An entry a figure stands on, as a link shows it: 第 N 条 + its title and date. */
export interface LedgerEntryRef {
  seq: number;
  kind: string;
  kindLabel: string;
  title: string;
  date: string;
}

export interface LedgerObligation {
  code: string;
  ok: boolean;
  status: ObligationStatus;
  message: string;
  seqs: number[];
}

export interface LedgerMeetingRow {
  seq: number;
  date: string;
  /** 第×次 (in the term). */
  number: number;
  title: string;
  expected: number;
  present: number;
  quorate: boolean;
  /** The current reading was corrected (figures follow the corrected reading). */
  corrected: boolean;
  heldSeparately: boolean;
  filing: {
    status: FilingStatus;
    /** null when unknown (calendar missing) or not required. */
    deadline: string | null;
    filedDate: string | null;
    /** The 会议纪要备案 work item. */
    filedSeq: number | null;
    /** Calendar days after the deadline (filed late, or still not filed and overdue as of today). */
    daysLate: number;
    message: string;
  };
}

export interface LedgerCount {
  count: number;
  seqs: number[];
}

export interface LedgerHalf {
  label: '上半年' | '下半年';
  held: number;
  seqs: number[];
  status: ObligationStatus;
}

export interface LedgerAttendanceRow {
  memberId: string;
  name: string;
  /** Meetings the member was expected at (应到) in the year. */
  expected: number;
  present: number;
  /** present / expected, 0..1; null when the member was expected nowhere. */
  rate: number | null;
  presentSeqs: number[];
  absentSeqs: number[];
}

export interface LedgerMonth {
  month: number;
  meetings: number;
  quorateMeetings: number;
  activities: number;
  /** Present / expected over the month's meetings, 0..1; null without meetings. */
  attendanceRate: number | null;
  meetingSeqs: number[];
  activitySeqs: number[];
}

export interface LedgerActivityType {
  type: string;
  label: string;
  count: number;
  seqs: number[];
}

export interface LedgerDuty {
  duty: DutyId;
  label: string;
  scope: string;
  /** Entries the clerk tagged with this duty (confirmed, sealed or corrected in). */
  seqs: number[];
  /** Untagged entries whose kind or words suggest it: candidates to confirm, never counted. */
  suggestedSeqs: number[];
}

export interface LedgerDuties {
  rows: LedgerDuty[];
  covered: number;
  excellentAt: number;
  benchmarkAt: number;
  /** What the evaluation can call the year on the tagged evidence. */
  rating: 'benchmark' | 'excellent' | 'none';
  message: string;
}

export interface LedgerFiveClear {
  code: 'business' | 'staff' | 'party-members' | 'leaders' | 'no-party-org';
  label: string;
  /** Whether the book holds the facts; `not-in-book` says where they must come from. */
  status: 'facts' | 'not-in-book';
  facts: string[];
  seqs: number[];
}

export interface LedgerFlagged {
  seq: number;
  message: string;
}

export interface YearLedger {
  year: number;
  /** The day the figures were computed for (Beijing date of the service clock). */
  today: string;
  orgName: string;
  profileLabel: string;
  meetingLabel: string;
  obligations: LedgerObligation[];
  meetings: {
    required: number;
    /** Quorate meetings: the ones that count. */
    held: number;
    total: number;
    inquorate: LedgerCount;
    perHalfYear: boolean;
    halves: LedgerHalf[];
    rows: LedgerMeetingRow[];
  };
  filing: {
    required: boolean;
    workingDays: number | null;
    filedWith: string;
    onTime: LedgerCount;
    late: LedgerCount;
    pending: LedgerCount;
    overdue: LedgerCount;
    unknown: LedgerCount;
  };
  reports: {
    leaderReport: { wanted: boolean; label: string } & LedgerCount;
    annualSummary: { wanted: boolean; label: string } & LedgerCount;
  };
  activities: { total: number; byType: LedgerActivityType[] };
  attendance: LedgerAttendanceRow[];
  /** Present / expected over all the year's meetings, 0..1; null without meetings. */
  attendanceRate: number | null;
  months: LedgerMonth[];
  lateRecordings: LedgerFlagged[];
  clockAnomalies: LedgerFlagged[];
  corrections: { seq: number; targetSeq: number; date: string; reason: string }[];
  duties: LedgerDuties;
  fiveClear: LedgerFiveClear[];
  /** Entries that failed their proof: left out of every figure, named here. */
  damaged: number[];
  /** Every entry a figure links to. */
  entries: Record<number, LedgerEntryRef>;
}
