/**
 * Hosts the editors (renderer/editors/, written separately): a new entry gets a fresh draft
 * id first, so the URL always names the draft and a reload continues where typing stopped.
 */
import { useEffect } from 'react';
import { App, Result, Button } from 'antd';
import { ActivityEditor, MeetingEditor, WorkItemEditor } from '../editors';
import { DraftBookProvider, newDraftId, type DraftKind } from '../drafts';
import { useBook } from '../app/book-context';
import { NEW_ENTRY_TITLES } from '../app/labels';
import { navigate } from '../app/routes';

const EDITORS = { meeting: MeetingEditor, activity: ActivityEditor, work: WorkItemEditor } as const;

export function NewEntryRedirect({ kind }: { kind: DraftKind }) {
  useEffect(() => {
    navigate({ page: 'draft', kind, id: newDraftId() }, { replace: true });
  }, [kind]);
  return null;
}

export function EditorPage({ kind, draftId }: { kind: DraftKind; draftId: string }) {
  const { bookId, readOnly, refresh } = useBook();
  const { message } = App.useApp();
  if (readOnly) {
    return (
      <Result
        status="info"
        title="记录本为只读"
        subTitle="只读的记录本不能新建或封存记录；草稿仍保存在本机。"
        extra={<Button onClick={() => navigate({ page: 'drafts' })}>返回草稿</Button>}
      />
    );
  }
  const Editor = EDITORS[kind];
  return (
    // The editor brings its own heading and actions; the page only provides the book.
    <section aria-label={NEW_ENTRY_TITLES[kind]} data-testid={`editor-page-${kind}`}>
      <DraftBookProvider bookId={bookId}>
        <Editor
          bookId={bookId}
          draftId={draftId}
          onSealed={(seq: number) => {
            message.success(`已封存为第 ${seq} 条记录`);
            void refresh();
            navigate({ page: 'entry', seq }, { replace: true });
          }}
          onCancel={() => navigate({ page: 'drafts' })}
        />
      </DraftBookProvider>
    </section>
  );
}
