/**
 * The typed body of a sealed entry. `entries.get` sends `original` and `current` as JSON
 * (`unknown` on the wire, since the ledger stores whatever was sealed); `readEntryBody` parses
 * them, once, with the schema of their kind, so no reader casts.
 *
 * Domain entries are sealed as `{ v: 1, input, computed, flags }` (db/service/entry-body);
 * ledger entries (启用, 密钥更换, 更正) are their own body, read here as `input`.
 */
import { z } from 'zod';
import { line } from '../common';
import { meetingEvaluation, meetingInput, ruleFlag, type MeetingEvaluation, type RuleFlag } from '../meetings';
import { activityInput, workItemInput } from '../activities';
import { memberJoin, memberLeave, memberRoleChange } from '../members';
import { organisation } from '../organisation';
import { profileChoice } from '../profile-choice';
import { liaisonIdentity, spotCheckRecord } from '../liaison';
import { receiptReceivedInput, rectificationInput } from '../receipts';

const text = z.string();

/** Entry 1: the book's name and the key it enrols (db/ledger createBook). */
export const genesisBody = z.object({
  name: text,
  societyName: text.optional(),
  keyId: text,
  publicKey: text,
});

/** 密钥更换: the new key, signed by the key in force and by the new one (db/ledger book-keys). */
export const keyRotationBody = z.object({
  reason: text,
  previousKeyId: text,
  keyId: text,
  publicKey: text,
  signatures: z.object({ previous: text, next: text }),
});

/** 更正: one field, or several together, of an earlier entry (db/ledger correct). */
export const correctionBody = z.object({
  target: z.number().int().min(1),
  targetHash: text,
  field: text.optional(),
  value: z.unknown().optional(),
  changes: z.array(z.object({ field: text, value: z.unknown() })).optional(),
  reason: text,
  by: text.optional(),
});

/** What the recorder entered for each kind: the schemas the service seals and corrects with. */
export const ENTRY_INPUT_SCHEMAS = {
  meeting: meetingInput,
  activity: activityInput,
  work: workItemInput,
  'member.join': memberJoin.extend({ memberId: text }),
  'member.leave': memberLeave,
  'member.role': memberRoleChange,
  'org.setup': z.object({ organisation, profile: profileChoice }),
  'org.update': z.object({ organisation, reason: line(500) }),
  'profile.change': z.object({ profile: profileChoice, reason: line(500) }),
  'ledger.genesis': genesisBody,
  'ledger.key-rotation': keyRotationBody,
  'ledger.correction': correctionBody,
  // The liaison's own book (issue 10).
  'liaison.setup': liaisonIdentity,
  'spot-check': spotCheckRecord,
  'receipt.received': receiptReceivedInput,
  rectification: rectificationInput,
} as const;

export type EntryKind = keyof typeof ENTRY_INPUT_SCHEMAS;
export const ENTRY_KINDS = Object.keys(ENTRY_INPUT_SCHEMAS) as EntryKind[];
export type EntryInputOf<K extends EntryKind> = z.output<(typeof ENTRY_INPUT_SCHEMAS)[K]>;

/** True for the kinds whose body is itself the content (no `{v, input, computed, flags}` wrapper). */
export function isLedgerKind(kind: string): boolean {
  return kind.startsWith('ledger.');
}

/** Where the typed input sits in the sealed body: JSON-pointer segments (corrections point below it). */
export function inputPathOf(kind: string): string[] {
  return isLedgerKind(kind) ? [] : ['input'];
}

export function isEntryKind(kind: string): kind is EntryKind {
  return Object.hasOwn(ENTRY_INPUT_SCHEMAS, kind);
}

/** One sealed entry's body, by kind. `computed` is what the rules decided at sealing. */
export type EntryBody = {
  [K in EntryKind]: {
    kind: K;
    input: EntryInputOf<K>;
    /** Meetings: the sealed evaluation; other kinds: whatever the service computed (or nothing). */
    computed: K extends 'meeting' ? MeetingEvaluation | undefined : unknown;
    flags: RuleFlag[];
  };
}[EntryKind];

export type ReadEntryBody = { ok: true; body: EntryBody } | { ok: false; problem: string };

const domainWrapper = z.object({
  v: z.literal(1),
  input: z.unknown(),
  computed: z.unknown().optional(),
  flags: z.array(ruleFlag).default([]),
});

/** Parses a sealed (or corrected) body of `kind`; a body that does not fit says why, in Chinese. */
export function readEntryBody(kind: string, body: unknown): ReadEntryBody {
  if (!isEntryKind(kind)) return { ok: false, problem: `未知的记录类别“${kind}”` };
  const wrapper = isLedgerKind(kind)
    ? { input: body, computed: undefined, flags: [] }
    : domainWrapper.safeParse(body).data;
  if (!wrapper) return { ok: false, problem: '记录内容的格式不对（缺少填写内容）' };
  const parsed = ENTRY_INPUT_SCHEMAS[kind].safeParse(wrapper.input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      problem: `记录内容与“${kind}”的格式不符${first ? `（${first.path.join('.') || '内容'}：${first.message}）` : ''}`,
    };
  }
  const computed = kind === 'meeting' ? meetingEvaluation.safeParse(wrapper.computed).data : wrapper.computed;
  // The mapped union cannot be narrowed through an index by `kind`; the schema of `kind` parsed `input`.
  return { ok: true, body: { kind, input: parsed.data, computed, flags: wrapper.flags } as EntryBody };
}
