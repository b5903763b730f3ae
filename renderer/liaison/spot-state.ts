/**
 * The spot check being filled in: the drawn sample (as the service answered it), one finding
 * per sampled entry (the four words 准确/规范/完整/原始 and a note), the conclusion. Kept as a
 * draft in IndexedDB (renderer/drafts) under a key of its own, so an unfinished check survives
 * a reload or a detour to the entry itself, and never shows in a book's drafts list.
 */
import type { SpotDrawView } from '../../db/contract';
import { deleteDraft, getDraft, saveDraft, type DraftKind } from '../drafts';

export type Mark = 'ok' | 'problem';
export const CHECK_WORDS = [
  { key: 'accurate', label: '准确' },
  { key: 'standard', label: '规范' },
  { key: 'complete', label: '完整' },
  { key: 'original', label: '原始' },
] as const;
export type CheckKey = (typeof CHECK_WORDS)[number]['key'];

export interface FindingState {
  seq: number;
  checks: Partial<Record<CheckKey, Mark>>;
  note: string;
}

export interface SpotState {
  draw: SpotDrawView;
  findings: FindingState[];
  conclusion?: 'compliant' | 'rectify';
  rectifyWhat: string;
  rectifyBy?: string;
  notes: string;
}

export function startState(draw: SpotDrawView): SpotState {
  return {
    draw,
    findings: draw.entries.map((e) => ({ seq: e.seq, checks: {}, note: '' })),
    rectifyWhat: '',
    notes: '',
  };
}

/** How many of the sampled entries have all four words marked. */
export function checkedCount(state: SpotState): number {
  return state.findings.filter((f) => CHECK_WORDS.every((w) => f.checks[w.key] !== undefined)).length;
}

export function hasProblem(state: SpotState): boolean {
  return state.findings.some((f) => CHECK_WORDS.some((w) => f.checks[w.key] === 'problem'));
}

/** What is still missing before the check can be sealed (Chinese, one line each). */
export function missingBeforeSeal(state: SpotState): string[] {
  const missing: string[] = [];
  for (const f of state.findings) {
    const open = CHECK_WORDS.filter((w) => f.checks[w.key] === undefined).map((w) => w.label);
    if (open.length > 0) missing.push(`第 ${f.seq} 条记录尚未判定：${open.join('、')}`);
    const problem = CHECK_WORDS.some((w) => f.checks[w.key] === 'problem');
    if (problem && f.note.trim() === '') missing.push(`第 ${f.seq} 条记录有问题，请在说明中写明问题`);
  }
  if (!state.conclusion) missing.push('请选择抽查结论');
  if (state.conclusion === 'rectify') {
    if (state.rectifyWhat.trim() === '') missing.push('请写明需整改的内容');
    if (!state.rectifyBy) missing.push('请选择整改期限');
  }
  return missing;
}

/** The `spotChecks.seal` input of a complete state (call after `missingBeforeSeal` is empty). */
export function sealInput(state: SpotState, requestId: string) {
  const { draw } = state;
  return {
    requestId,
    bookId: draw.bookId,
    size: draw.size,
    root: draw.root,
    sample: {
      seed: draw.sample.seed,
      count: draw.sample.count,
      populationSize: draw.sample.populationSize,
      scope: draw.sample.select,
      seqs: draw.sample.seqs,
    },
    findings: state.findings.map((f) => ({
      seq: f.seq,
      checks: {
        accurate: f.checks.accurate ?? 'problem',
        standard: f.checks.standard ?? 'problem',
        complete: f.checks.complete ?? 'problem',
        original: f.checks.original ?? 'problem',
      },
      note: f.note,
    })),
    conclusion: state.conclusion ?? 'rectify',
    ...(state.conclusion === 'rectify' ? { rectify: { what: state.rectifyWhat, by: state.rectifyBy ?? '' } } : {}),
    ...(state.notes.trim() ? { notes: state.notes } : {}),
  };
}

/** The draft's key: one unfinished check per checked book; the key is not a book id, so no book lists it. */
export function spotDraftId(bookId: string): string {
  return `spot-check-${bookId}`;
}
/** The draft table's kind is the editors'; a spot check is kept beside them under its own key. */
const SPOT_KIND = 'spot-check' as unknown as DraftKind;

export async function loadSpotDraft(bookId: string): Promise<{ state: SpotState; savedAt: number } | null> {
  const record = await getDraft<SpotState>(spotDraftId(bookId));
  if (!record || record.data.draw.bookId !== bookId) return null;
  return { state: record.data, savedAt: record.updatedAt };
}

export async function saveSpotDraft(state: SpotState): Promise<void> {
  const id = spotDraftId(state.draw.bookId);
  await saveDraft({ id, bookId: id, kind: SPOT_KIND, title: `抽查 ${state.draw.orgName}`, data: state });
}

export async function dropSpotDraft(bookId: string): Promise<void> {
  await deleteDraft(spotDraftId(bookId));
}
