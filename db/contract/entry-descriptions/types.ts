/**
 * How one field of a sealed entry reads in the record book: where it sits in the entry's
 * input (`path`, relative to the input), its label (the editor form's own label, without
 * the form's hints such as “（可不填）”) and how its value is shown. One description per entry
 * kind lists its fields in the paper book's order; the entry view, the correction dialog and
 * (later) print draw from it, so a label is written once.
 */

/** Shows that need nothing more than the value (and, for people, the roster of the day). */
export type PlainShow =
  /** One line of text. */
  | 'text'
  /** Prose: kept line breaks (content, minutes, discussion). */
  | 'longText'
  /** `YYYY-MM-DD` as 2025年3月18日. */
  | 'date'
  /** `YYYY-MM-DDTHH:mm` (Beijing time) as 2025年3月18日 09:30. */
  | 'dateTime'
  /** A member id, shown as the member's name. */
  | 'person'
  /** Member ids, shown as names joined with 、. */
  | 'people'
  /** Attachment references: names, sizes and a download button. */
  | 'attachments'
  /** Key fingerprints, hashes, signatures: monospace, copyable. */
  | 'code'
  /** The seq of another entry of the book, shown as 第 N 条记录 with a link. */
  | 'entryRef'
  /** A custom profile's overrides (自定义参数), shown as rule sentences. */
  | 'ruleParams'
  /** A correction entry's JSON pointer into the corrected entry, shown by that entry's label. */
  | 'correctedField'
  /** A correction entry's new value, shown as the corrected field shows its values. */
  | 'correctedValue'
  /** A correction entry's several changes together: each field by its label, with its new value. */
  | 'correctionChanges';

interface FieldBase {
  /** Keys from the entry's input to the value, e.g. `['person', 'name']`. */
  path: readonly string[];
  label: string;
  /** Shown only in the folded 技术信息 section (ids, keys, signatures). */
  technical?: boolean;
  /** Never corrected: a member's identity (a wrong person leaves and the right one joins). */
  fixed?: boolean;
}

export interface PlainField extends FieldBase {
  show: PlainShow;
}
export interface NumberField extends FieldBase {
  show: 'number';
  /** Written after the number: 人, 票, 元, 年. */
  unit?: string;
  /** Written before it, e.g. 第 (第 3 次). */
  prefix?: string;
}
export interface BooleanField extends FieldBase {
  show: 'boolean';
  /** What 是 / 否 mean here, when plain 是 / 否 would not read well (e.g. 差额选举 / 等额选举). */
  yes?: string;
  no?: string;
}
export interface EnumField extends FieldBase {
  show: 'enum';
  /** Code → Chinese label; the contract's own tables (MEETING_TYPES, MEMBER_ROLES …). */
  options: Readonly<Record<string, string>>;
}
/** A list of codes, each shown by its label, joined with 、 (体现的职责). */
export interface EnumListField extends FieldBase {
  show: 'enumList';
  options: Readonly<Record<string, string>>;
}
export interface ApprovalField extends FieldBase {
  show: 'approval';
  /** The form's labels of the approval's two parts. */
  parts: { docNo: string; date: string };
}
/** `{ for, against, abstain }`: a small table 同意 / 反对 / 弃权. */
export interface VotesField extends FieldBase {
  show: 'votes';
}
/** A list of sub-records (议题, 决议, 缺席, 列席, 候选人), each with its own fields. */
export interface ListField extends FieldBase {
  show: 'list';
  /** What one item is called, numbered from 1 as the forms do: 议题 1, 决议 2. */
  item: string;
  /** A person field of the item that names it instead of its number (缺席: the member). */
  namedBy?: string;
  fields: readonly FieldDescription[];
}

export type FieldDescription =
  PlainField | NumberField | BooleanField | EnumField | EnumListField | ApprovalField | VotesField | ListField;
export type Show = FieldDescription['show'];

export interface EntryDescription {
  /** The kind's name in the book, e.g. 活动记录. */
  title: string;
  fields: readonly FieldDescription[];
}
