/** What the service returns. Outputs are typed (z.custom), inputs are validated. */
import type { RuleFlag, MeetingEvaluation } from './meetings';
import type { Organisation } from './organisation';

export interface ProblemView {
  code: string;
  seq?: number;
  missing?: { from: number; to: number };
  message: string;
}
export interface VerifyView {
  ok: boolean;
  size: number;
  root: string | null;
  problems: ProblemView[];
  ms: number;
  checkedAt: string;
  full: boolean;
}

export interface BookSummary {
  bookId: string;
  name: string;
  size: number;
  orgName?: string;
  readOnly: boolean;
  reason?: string;
  /** The demo book (示例记录本，非正式记录), kept in its own database apart from the real books. */
  demo?: true;
  /** A copy imported from a signed bundle (the liaison's): 导入的记录本 · 只读. */
  imported?: boolean;
  /** The liaison's own book (联络员工作记录): its key signs receipts; never a society's bundle. */
  liaison?: true;
}

/** The full verify of this session: running (with progress) or done (with its report). */
export interface VerificationView {
  state: 'waiting' | 'running' | 'done';
  done: number;
  total: number;
  report?: VerifyView;
}

/** A failed full verify, remembered across restarts: the book stays read-only. */
export interface AlarmView {
  at: string;
  problems: ProblemView[];
}

export interface BookStatus extends BookSummary {
  keyId: string;
  publicKey: string;
  /** One line for `ssh-keygen -Y verify -f allowed_signers`. */
  allowedSigners: string;
  createdAt: string;
  /** The latest check: the quick check on open, the full verify once it is done. */
  integrity: VerifyView;
  verification: VerificationView;
  alarm?: AlarmView;
}

export interface ProfileView {
  id: string;
  label: string;
  /** Human-readable rule lines (Chinese), for the UI and print. */
  rules: string[];
  params: unknown;
}

export interface OrgView {
  organisation: Organisation | null;
  profile: ProfileView;
  composition: RuleFlag[];
  memberCount: number;
}

export interface EntrySummary {
  seq: number;
  kind: string;
  kindLabel: string;
  title: string;
  /** The date of the event (meeting day, activity day), `YYYY-MM-DD`. */
  date: string;
  recordedAt: string;
  flags: RuleFlag[];
  memberIds: string[];
  correctedBy: number[];
  /** For corrections: the entry it corrects. */
  targetSeq?: number;
  /** Set when the entry failed its proof on read: the row then shows this, never the stored text. */
  problem?: ProblemView;
  /** For meetings: the 会议纪要备案 work item that filed its minutes (the first one sealed). */
  filed?: FilingLink;
}

export interface FilingLink {
  /** Seq of the filing work item. */
  seq: number;
  date: string;
  to: string;
  /** Whether it was filed after the profile's deadline. */
  late: boolean;
}

export interface EntryPage {
  total: number;
  items: EntrySummary[];
}

/** One search result: the entry's (proven) timeline row and a snippet with the matches marked (see SNIPPET_MARK_START). */
export interface SearchHit extends EntrySummary {
  snippet: string;
}

export interface SearchPage {
  /** Matching entries; when `capped`, at least this many (counting stops there). */
  total: number;
  capped: boolean;
  items: SearchHit[];
}

export interface CorrectionView {
  seq: number;
  field: string;
  fieldLabel: string;
  previous: unknown;
  value: unknown;
  reason: string;
  by: string;
  recordedAt: string;
}

export interface EntryDetail {
  summary: EntrySummary;
  hash: string;
  prev: string;
  author: string;
  /** The body exactly as sealed. */
  original: unknown;
  corrections: CorrectionView[];
  /** The body with every correction applied, in seq order. */
  current: unknown;
  /** For meetings: the rules re-evaluated on the current reading (when corrected). */
  currentEvaluation?: MeetingEvaluation;
  ledgerFlags: string[];
}

export interface SealResult {
  seq: number;
  hash: string;
  recordedAt: string;
  flags: RuleFlag[];
}

export interface MeetingSealResult extends SealResult {
  evaluation: MeetingEvaluation;
}

export interface ObligationView {
  code: string;
  ok: boolean;
  message: string;
}

export interface YearView {
  year: number;
  meetingsHeld: number;
  meetingsRequired: number;
  items: ObligationView[];
}

export interface CalendarView {
  builtInYears: number[];
  importedYears: number[];
}

/** How this install protects the book's private signing key, said plainly (设置、创建记录本后). */
export interface SecurityView {
  keyProtection: 'os' | 'weak' | 'none';
  /** One line, e.g. “签名私钥由系统密钥库保护”. */
  title: string;
  /** What it means for someone who copies the data folder or uses this computer. */
  explanation: string;
}

/** A threshold as the rules hold it: num/den of a base, 超过 (strict) or 以上 (not strict). */
export interface ThresholdView {
  num: number;
  den: number;
  strict: boolean;
}

/** One parameter a 自定义 profile may set; `key` is its override path (profile.overrides). */
export type CustomRuleParam =
  | { key: string; kind: 'count'; label: string; unit: string; min: number; max: number; value: number }
  | { key: string; kind: 'threshold'; label: string; base: string; value: ThresholdView }
  | {
      key: string;
      kind: 'days';
      label: string;
      unit: string;
      min: number;
      max: number;
      value: number | null;
      emptyMeans: string;
    };

/** A rule profile described by db/rules: for the wizard, the settings and the custom rules. */
export interface ProfileDescription {
  id: string;
  label: string;
  /** One line for choosing between profiles. */
  summary: string;
  /** Every rule the book checks under this profile, one sentence each. */
  rules: string[];
  /** The parameters a 自定义 profile may set, with this profile's values. */
  params: CustomRuleParam[];
}

export interface ProfileCatalog {
  profiles: ProfileDescription[];
  /** Words for the two kinds of threshold, for the custom rules editor. */
  thresholdWords: { strict: string; notStrict: string };
}
