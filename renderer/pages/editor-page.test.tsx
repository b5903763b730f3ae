import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { EditorPage, NewEntryRedirect } from './editor-page';
import { useDraftBookId } from '../drafts';
import { BOOK, fakeApi, renderInBook, status } from '../test/kit';
import type { EditorProps } from '../editors';

const seen: EditorProps[] = [];
function FakeEditor(props: EditorProps) {
  seen.push(props);
  return (
    <div
      data-testid="fake-editor"
      data-draft={props.draftId}
      data-book={props.bookId}
      data-context-book={useDraftBookId() ?? ''}
    />
  );
}
vi.mock('../editors', () => ({ MeetingEditor: FakeEditor, ActivityEditor: FakeEditor, WorkItemEditor: FakeEditor }));

describe('editor page', () => {
  it('gives a new entry a fresh draft id in the URL', async () => {
    window.history.replaceState(null, '', '/#/new/activity');
    renderInBook(<NewEntryRedirect kind="activity" />, fakeApi({ 'books.status': () => status() }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/draft\/activity\/[0-9a-f-]{36}$/));
  });

  it('mounts the editor with book and draft, and opens the sealed entry afterwards', async () => {
    const api = fakeApi({ 'books.status': () => status() });
    renderInBook(<EditorPage kind="meeting" draftId="d-123" />, api);
    const editor = await screen.findByTestId('fake-editor');
    expect(editor).toHaveAttribute('data-draft', 'd-123');
    expect(editor).toHaveAttribute('data-book', BOOK);
    expect(editor).toHaveAttribute('data-context-book', BOOK);
    const calls = api['books.status'].mock.calls.length;
    act(() => seen.at(-1)?.onSealed(42));
    await waitFor(() => expect(window.location.hash).toBe('#/entry/42'));
    await waitFor(() => expect(api['books.status'].mock.calls.length).toBeGreaterThan(calls));
  });

  it('does not offer an editor on a read-only book', async () => {
    renderInBook(
      <EditorPage kind="work" draftId="d-9" />,
      fakeApi({ 'books.status': () => status({ readOnly: true }) }),
      [status({ readOnly: true })],
    );
    expect(await screen.findByText('记录本为只读')).toBeInTheDocument();
    expect(screen.queryByTestId('fake-editor')).toBeNull();
  });
});
