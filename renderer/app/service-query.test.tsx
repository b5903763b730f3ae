import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ApiProvider } from '../api-context';
import type { Api } from '../api';
import { AppShell } from './app-shell';
import { BookProvider, useBook } from './book-context';
import { useServiceQuery } from './service-query';
import { realBook } from '../test/real-service';
import type { FakeApi } from '../test/kit';

function Roster() {
  const { bookId, status, refresh } = useBook();
  const members = useServiceQuery('members.list', { bookId });
  return (
    <div>
      <span data-testid="names">{members.data?.map((m) => m.person.name).join('、') ?? '（读取中）'}</span>
      <span data-testid="size">{status?.size ?? '—'}</span>
      <span data-testid="fetching">{members.isFetching ? '刷新中' : '已读取'}</span>
      <button type="button" onClick={() => void refresh()}>
        刷新
      </button>
    </div>
  );
}

function TwoBooks({ api, first, second }: { api: FakeApi; first: string; second: string }) {
  const [bookId, setBookId] = useState(first);
  return (
    <AppShell>
      <ApiProvider api={api}>
        <BookProvider books={[]} bookId={bookId} onSelect={setBookId}>
          <button type="button" onClick={() => setBookId(bookId === first ? second : first)}>
            切换
          </button>
          <Roster />
        </BookProvider>
      </ApiProvider>
    </AppShell>
  );
}

describe('service reads through the query cache', () => {
  it('after a seal, one refresh re-reads the book’s screens, keeping the old answer visible meanwhile', async () => {
    const { api, bookId } = await realBook();
    render(<TwoBooks api={api} first={bookId} second={bookId} />);
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('张三、李四、王五'));
    const sizeBefore = Number(screen.getByTestId('size').textContent);
    await api['members.join']({
      bookId,
      joinedOn: '2025-03-01',
      role: 'member',
      approval: { docNo: '科协党发〔2025〕2号', date: '2025-02-27' },
      person: {
        name: '赵七',
        gender: '女',
        ethnicity: '汉族',
        birthDate: '1980-01-01',
        isCpcMember: true,
        partyJoinDate: '2005-07-01',
        underDiscipline: false,
      },
    });
    const calls = api['members.list'].mock.calls.length;
    act(() => screen.getByRole('button', { name: '刷新' }).click());
    // While the new roster loads, the old one stays on screen (no flash of "loading").
    expect(screen.getByTestId('names')).toHaveTextContent('张三、李四、王五');
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('张三、李四、王五、赵七'));
    expect(Number(screen.getByTestId('size').textContent)).toBe(sizeBefore + 1);
    expect(api['members.list'].mock.calls.length).toBe(calls + 1);
  });

  it('never shows one book’s data while another book loads', async () => {
    const { api, bookId } = await realBook();
    const other = (await api['books.create']({
      organisation: {
        societyName: '中国另一学会',
        orgName: '中国另一学会党建工作小组',
        form: 'work-group',
        termStart: '2023-01-01',
        termEnd: '2027-12-31',
        supervisingOffice: '科技社团党委',
        contactPerson: '钱八',
        recorder: '钱八',
        approval: { docNo: '科协党发〔2023〕9号', date: '2023-01-02' },
      },
      profile: { id: 'beijing-work-group' },
      members: [],
    })) as { bookId: string };
    // Hold the other book's roster until the test lets it through.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const real = api['members.list'].getMockImplementation()!;
    api['members.list'].mockImplementation(async (input: { bookId: string }) => {
      if (input.bookId === other.bookId) await gate;
      return real(input) as unknown;
    });
    render(<TwoBooks api={api} first={bookId} second={other.bookId} />);
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('张三、李四、王五'));
    act(() => screen.getByRole('button', { name: '切换' }).click());
    expect(screen.getByTestId('names')).toHaveTextContent('（读取中）');
    expect(screen.getByTestId('size')).toHaveTextContent('—');
    release();
    await waitFor(() => expect(screen.getByTestId('fetching')).toHaveTextContent('已读取'));
    expect(screen.getByTestId('names')).toHaveTextContent('');
    expect(screen.getByTestId('names')).not.toHaveTextContent('张三');
  });

  it('refuses to cache a method that changes the book', async () => {
    const { api } = await realBook();
    function Sealing() {
      useServiceQuery('meetings.seal', { bookId: 'x', meeting: {} as never });
      return null;
    }
    // React and the error boundary log the thrown error; the page shows the boundary instead.
    const log = console.error;
    console.error = () => {};
    try {
      render(
        <AppShell>
          <ApiProvider api={api as unknown as Api}>
            <Sealing />
          </ApiProvider>
        </AppShell>,
      );
      expect(await screen.findByText('页面出现错误')).toBeInTheDocument();
    } finally {
      console.error = log;
    }
    expect(api['meetings.seal']).not.toHaveBeenCalled();
  });
});
