/** Drafts page: a 述职 or 年度总结 draft saved as .docx (what people wrote, with the record's facts). */
import { Button } from 'antd';
import type { DraftRecord } from '../drafts';
import { useApi } from '../api-context';
import type { WorkItemForm } from '../editors/work-item-form-state';
import { useDocumentDownload } from './use-document-download';

/** Only the two work-item types a .docx is made of; anything else shows no button. */
export function docxDraftOf(d: DraftRecord): {
  type: 'annual-report' | 'annual-summary';
  title: string;
  year: number;
  reporterId?: string;
  work: string;
  problems: string;
  plan: string;
} | null {
  if (d.kind !== 'work') return null;
  const f = d.data as Partial<WorkItemForm> | null;
  if (!f || (f.type !== 'annual-report' && f.type !== 'annual-summary')) return null;
  const year = Number(f.year);
  return {
    type: f.type,
    title: f.title?.trim() || d.title || '年度报告',
    year: Number.isInteger(year) && year > 1920 ? year : new Date().getFullYear(),
    ...(f.reporterId ? { reporterId: f.reporterId } : {}),
    work: f.work ?? '',
    problems: f.problems ?? '',
    plan: f.plan ?? '',
  };
}

export function DraftDocxButton({ bookId, draft }: { bookId: string; draft: DraftRecord }) {
  const api = useApi();
  const { busy, download } = useDocumentDownload();
  const doc = docxDraftOf(draft);
  if (!doc) return null;
  return (
    <Button
      type="link"
      loading={busy !== null}
      data-testid={`draft-docx-${draft.id}`}
      onClick={() => void download('docx', () => api['documents.fromDraft']({ bookId, draft: doc }))}
    >
      保存为 .docx
    </Button>
  );
}
