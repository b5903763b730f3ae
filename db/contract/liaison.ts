/**
 * The liaison's side (issue 10): the liaison's own book and identity, the workspace overview
 * of the imported books, the spot check (draw, sealed findings) and the receipt file. Input
 * schemas are used by the contract (index.ts) and by the sealed entries' readers
 * (entry-descriptions/entry-body.ts); the views are what the service answers.
 */
import { z } from 'zod';
import { bookId, dateString, line, optionalLine, prose, seqNumber, yearNumber } from './common';
import type { SealResult } from './views';

/** 联络员信息: who the liaison is (sealed in the liaison's book as kind `liaison.setup`). */
export const liaisonIdentity = z.object({ name: line(50), office: line(200) });
export type LiaisonIdentity = z.output<typeof liaisonIdentity>;

export interface LiaisonView {
  bookId: string;
  name: string;
  office: string;
  /** `SHA256:…` as ssh-keygen prints it. */
  keyId: string;
  /** OpenSSH public key line. */
  publicKey: string;
  /** One allowed_signers line (principal = the liaison book id, namespaces="dangjian-logbook-receipt"). */
  allowedSigners: string;
  createdAt: string;
}

export const WORKSPACE_SORTS = ['org', 'lastImport', 'size', 'attention', 'lastCheck'] as const;
export const workspaceQuery = z.object({
  sort: z.enum(WORKSPACE_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  filter: z
    .object({
      text: optionalLine(100),
      attention: z.boolean().optional(),
      integrity: z.enum(['verified', 'alarm']).optional(),
    })
    .optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200, { message: '每页最多 200 行' }).default(50),
});
export type WorkspaceQuery = z.output<typeof workspaceQuery>;

/** What the rules find open this year for one imported book (db/rules/year-ledger.ts). */
export interface WorkspaceOpen {
  year: number;
  meetingsHeld: number;
  meetingsRequired: number;
  belowRequired: boolean;
  inquorate: number;
  lateFilings: number;
  reportMissing: boolean;
  /** Chinese lines, one per open item. */
  items: string[];
}

export type SpotConclusion = 'compliant' | 'rectify';
export const SPOT_CONCLUSIONS: Record<SpotConclusion, string> = {
  compliant: '符合要求',
  rectify: '存在问题，需整改',
};

export interface WorkspaceRow {
  bookId: string;
  orgName: string;
  profileLabel: string;
  /** ISO time of the last import that changed the book (the pin's verify time). */
  lastImportAt: string;
  /** Entries. */
  size: number;
  /** Bytes of the entries as sealed. */
  bytes: number;
  keyId: string;
  integrity: 'verified' | 'alarm';
  alarmCount: number;
  lastCheck: { liaisonSeq: number; at: string; conclusion: SpotConclusion; checkedSize: number } | null;
  open: WorkspaceOpen;
  attention: boolean;
}

export interface WorkspaceOverview {
  total: number;
  year: number;
  rows: WorkspaceRow[];
}

export const spotScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('kind'), kind: z.string().regex(/^[a-z][a-z.-]{0,40}$/, { message: '记录类别无效' }) }),
  z.object({ type: z.literal('year'), year: yearNumber }),
]);
export type SpotScope = z.output<typeof spotScope>;

export const spotDrawInput = z.object({
  bookId,
  count: z.number().int().min(1, { message: '至少抽查 1 条' }).max(50, { message: '一次最多抽查 50 条' }),
  scope: spotScope,
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: '应为 64 位十六进制数' });

export interface SpotFact {
  label: string;
  value: string;
  state: 'ok' | 'problem' | 'info';
}

export interface SpotEntryFacts {
  seq: number;
  kind: string;
  kindLabel: string;
  title: string;
  date: string;
  facts: SpotFact[];
}

export interface SpotDrawView {
  bookId: string;
  orgName: string;
  size: number;
  root: string;
  sample: {
    method: string;
    seed: string;
    count: number;
    populationSize: number;
    /** Chinese text of the scope, e.g. 全部记录 / 会议记录 / 2025 年. */
    scope: string;
    /** The scope as asked for: send it back as `spotChecks.seal`'s `sample.scope`. */
    select: SpotScope;
    seqs: number[];
  };
  entries: SpotEntryFacts[];
}

export const CHECK_WORDS = { accurate: '准确', standard: '规范', complete: '完整', original: '原始' } as const;
const checkState = z.enum(['ok', 'problem']);

export const SCOPE_TYPES = { all: '全部记录', kind: '按记录类别', year: '按年份' } as const;
export const CHECK_STATES = { ok: '符合', problem: '存在问题' } as const;

/**
 * One sealed spot check (kind `spot-check`, 抽查记录) in the liaison's book, as the entry holds
 * it: the checked book (id, organisation, size, root), the sample (method, seed, population,
 * scope, seqs: enough to re-draw it), one finding per sampled entry and the conclusion.
 */
export const spotCheckRecord = z
  .object({
    bookId,
    orgName: line(200),
    keyId: z.string().max(100),
    size: seqNumber,
    root: hex64,
    sample: z.object({
      method: z.string().max(100),
      seed: hex64,
      count: z.number().int().min(1).max(50),
      populationSize: z.number().int().min(0).max(1e9),
      scope: line(100),
      select: z.object({
        type: z.enum(['all', 'kind', 'year']),
        kind: z.string().max(40).optional(),
        year: yearNumber.optional(),
      }),
      seqs: z.array(seqNumber).max(50),
    }),
    findings: z
      .array(
        z.object({
          seq: seqNumber,
          accurate: checkState,
          standard: checkState,
          complete: checkState,
          original: checkState,
          note: prose(2000),
        }),
      )
      .max(50),
    conclusion: z.enum(['compliant', 'rectify']),
    rectify: z.object({ what: line(2000), by: dateString }).optional(),
    notes: prose(5000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.conclusion === 'rectify' && !r.rectify)
      ctx.addIssue({ code: 'custom', path: ['rectify'], message: '结论为需整改时须写明整改事项和期限' });
  });
export type SpotCheckRecord = z.output<typeof spotCheckRecord>;

/** `spotChecks.seal` input: the record without the org name (the service reads it from the checked book). */
export const spotSealInput = z.object({
  bookId,
  size: seqNumber,
  root: hex64,
  sample: z.object({
    seed: hex64,
    count: z.number().int().min(1).max(50),
    populationSize: z.number().int().min(0).max(1e9),
    /** The scope the draw was asked for (the draw view's `sample.select`). */
    scope: spotScope,
    seqs: z.array(seqNumber).max(50),
  }),
  findings: z
    .array(
      z.object({
        seq: seqNumber,
        checks: z.object({ accurate: checkState, standard: checkState, complete: checkState, original: checkState }),
        note: prose(2000).default(''),
      }),
    )
    .max(50),
  conclusion: z.enum(['compliant', 'rectify']),
  rectify: z.object({ what: line(2000), by: dateString }).optional(),
  notes: prose(5000).optional(),
});
export type SpotSealInput = z.output<typeof spotSealInput>;

export type SpotSealResult = SealResult & { liaisonBookId: string };

export interface SpotCheckSummary {
  liaisonSeq: number;
  bookId: string;
  orgName: string;
  at: string;
  size: number;
  count: number;
  conclusion: SpotConclusion;
}

export interface ReceiptFile {
  fileName: string;
  mediaType: 'application/json';
  dataBase64: string;
  size: number;
}
