/**
 * Ledger page: 起草述职报告 / 起草台账总结. The service writes the year's facts from the sealed
 * records; the result becomes a work-item draft (IndexedDB) that opens in the work-item editor,
 * where people write the 【请填写：…】 parts and seal it, or save it as .docx from the drafts page.
 */
import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { RecordDraft, RecordDraftKind } from '../../db/contract';
import { useApi } from '../api-context';
import { navigate } from '../app/routes';
import { newDraftId, saveDraft } from '../drafts';
import { toShownError } from '../editors/api-error';
import { emptyWorkItemForm, type WorkItemForm } from '../editors/work-item-form-state';

/** The work-item editor's form for a draft from the records (dated today, to be sealed when written). */
export function recordDraftForm(d: RecordDraft, today: string): WorkItemForm {
  return {
    ...emptyWorkItemForm(),
    type: d.type,
    title: d.title,
    date: today,
    year: String(d.year),
    reporterId: d.reporterId ?? '',
    work: d.work,
    problems: d.problems,
    plan: d.plan,
  };
}

function localToday(): string {
  const t = new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

export function RecordDraftButtons({ bookId, year, disabled }: { bookId: string; year: number; disabled?: boolean }) {
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<RecordDraftKind | null>(null);
  const start = async (kind: RecordDraftKind) => {
    setBusy(kind);
    try {
      const d = await api['drafts.fromRecords']({ bookId, year, kind });
      const id = newDraftId();
      await saveDraft({ id, bookId, kind: 'work', title: d.title, data: recordDraftForm(d, localToday()) });
      message.success(`已根据 ${d.sources.length} 条记录起草，请补写【请填写】处的内容`);
      navigate({ page: 'draft', kind: 'work', id });
    } catch (e) {
      message.error(`没有生成草稿：${toShownError(e).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button
        icon={<EditOutlined />}
        loading={busy === 'shuzhi'}
        disabled={disabled || busy !== null}
        data-testid="draft-shuzhi"
        onClick={() => void start('shuzhi')}
      >
        起草述职报告
      </Button>
      <Button
        icon={<EditOutlined />}
        loading={busy === 'ledger-summary'}
        disabled={disabled || busy !== null}
        data-testid="draft-ledger-summary"
        onClick={() => void start('ledger-summary')}
      >
        起草台账总结
      </Button>
    </Space>
  );
}
