import { describe, expect, it, beforeEach } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import {
  DraftBookProvider,
  deleteDraft,
  draftDatabase,
  getDraft,
  listDrafts,
  resetDraftDatabase,
  saveDraft,
  sealDraft,
  useDraft,
} from './index';
import type { ReactNode } from 'react';

const BOOK = '0b5e3c1a-1111-4222-8333-444455556666';

beforeEach(async () => {
  await draftDatabase().drafts.clear();
});

describe('draft store', () => {
  it('restores a draft after the database is re-opened (as after a restart)', async () => {
    await saveDraft({ id: 'd1', bookId: BOOK, kind: 'meeting', title: '第3次小组会', data: { place: '学会会议室' } });
    resetDraftDatabase();
    const again = await getDraft<{ place: string }>('d1');
    expect(again?.data.place).toBe('学会会议室');
    expect(again?.kind).toBe('meeting');
  });

  it('lists the drafts of one book only, newest first', async () => {
    await saveDraft({ id: 'a', bookId: BOOK, kind: 'meeting', title: '旧', data: {}, updatedAt: 1 });
    await saveDraft({ id: 'b', bookId: BOOK, kind: 'work', title: '新', data: {}, updatedAt: 2 });
    await saveDraft({ id: 'c', bookId: 'ffff0000', kind: 'activity', title: '别的本', data: {}, updatedAt: 3 });
    expect((await listDrafts(BOOK)).map((d) => d.id)).toEqual(['b', 'a']);
    await deleteDraft('b');
    expect((await listDrafts(BOOK)).map((d) => d.id)).toEqual(['a']);
  });

  it('keeps the draft when sealing fails and deletes it only after ok', async () => {
    await saveDraft({ id: 's', bookId: BOOK, kind: 'activity', title: '主题党日', data: { x: 1 } });
    await expect(sealDraft('s', () => Promise.reject(new Error('服务不可用')))).rejects.toThrow('服务不可用');
    expect(await getDraft('s')).toBeDefined();
    let deletedBeforeReturn = false;
    await sealDraft('s', async () => {
      deletedBeforeReturn = (await getDraft('s')) === undefined;
      return { seq: 7 };
    });
    expect(deletedBeforeReturn).toBe(false);
    expect(await getDraft('s')).toBeUndefined();
  });
});

describe('useDraft', () => {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DraftBookProvider bookId={BOOK}>{children}</DraftBookProvider>
  );

  it('autosaves changes and reports the time', async () => {
    const { result } = renderHook(() => useDraft<{ title: string }>('meeting', 'h1'), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.initial).toBeUndefined();
    act(() => result.current.update({ title: '第1次会议' }, '第1次会议'));
    await waitFor(() => expect(result.current.statusText).toMatch(/^已自动保存 \d{2}:\d{2}:\d{2}$/));
    const stored = await getDraft<{ title: string }>('h1');
    expect(stored).toMatchObject({ bookId: BOOK, kind: 'meeting', title: '第1次会议', data: { title: '第1次会议' } });
  });

  it('flushes pending changes on pagehide before the debounce fires', async () => {
    const { result } = renderHook(() => useDraft<{ n: number }>('work', 'h2'), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.update({ n: 42 }));
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await result.current.flush();
    });
    expect((await getDraft<{ n: number }>('h2'))?.data.n).toBe(42);
  });

  it('loads a stored draft as initial values', async () => {
    await saveDraft({ id: 'h3', bookId: BOOK, kind: 'activity', title: '学习', data: { content: '学习党章' } });
    const { result } = renderHook(() => useDraft<{ content: string }>('activity', 'h3'), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.initial).toEqual({ content: '学习党章' });
  });

  it('seal failure keeps the draft; success deletes it and stops autosave', async () => {
    const { result } = renderHook(() => useDraft<{ n: number }>('meeting', 'h4'), { wrapper });
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => result.current.update({ n: 1 }));
    await act(async () => {
      await expect(result.current.seal(() => Promise.reject(new Error('法定人数不足')))).rejects.toThrow(
        '法定人数不足',
      );
    });
    expect((await getDraft<{ n: number }>('h4'))?.data.n).toBe(1);
    await act(async () => {
      await expect(result.current.seal(() => Promise.resolve(12))).resolves.toBe(12);
    });
    expect(await getDraft('h4')).toBeUndefined();
    act(() => result.current.update({ n: 2 }));
    await act(async () => {
      await result.current.flush();
    });
    expect(await getDraft('h4')).toBeUndefined();
  });
});
