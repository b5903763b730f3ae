/**
 * The one test kit of the renderer: a fake service client (every method a spy that fails
 * loudly unless a test gives it an answer), sample book data, the error the client throws,
 * and render wrappers with the app shell (antd in Chinese, messages, the query cache), the
 * ApiProvider and (optionally) an open book. Prefer `realBook()` (./real-service) where the
 * answer depends on the service's rules; keep a fake only to inject a failure or a state
 * the service cannot be brought into cheaply (100,000 entries, a damaged book).
 * Drafts use the real hook over fake-indexeddb (renderer/test/setup.ts).
 */
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi, type Mock } from 'vitest';
import { contract, type BookStatus, type MemberView, type OrgView } from '../../db/contract';
import { ApiProvider } from '../api-context';
import { ApiError, type Api } from '../api';
import { AppShell } from '../app/app-shell';
import { BookProvider } from '../app/book-context';

// antd renders slowly under jsdom on 2 cores; 1 s is shorter than one modal render.
configure({ asyncUtilTimeout: 5000 });

// jsdom's getComputedStyle walks every CSS rule antd injects: ~0.5 s per call here, and
// antd's auto-sizing textareas call it on every change, so one keystroke in the minutes cost
// most of a second. No renderer test asserts computed styles, so answer with an empty style.
// (user-event's pointer-events check therefore passes; clicks are still real DOM events.)
window.getComputedStyle = (_elt: Element) => document.createElement('div').style;

export const BOOK = '0f0e0d0c-0000-4000-8000-0000000000aa';

export type FakeApi = { [K in keyof Api]: Mock };

export function fakeApi(answers: Partial<Record<keyof Api, (input: never) => unknown>> = {}): FakeApi {
  const calls: Record<string, Mock> = {};
  for (const method of Object.keys(contract)) {
    const answer = answers[method as keyof Api];
    calls[method] = vi.fn(
      answer
        ? (input: never) => new Promise((resolve) => resolve(answer(input)))
        : () => Promise.reject(new ApiError('not-in-test', `测试未提供 ${method} 的应答`)),
    );
  }
  return calls as FakeApi;
}

/** What renderer/api.ts throws when the service refuses (for injected failures). */
export function apiError(code: string, message: string, field?: string): ApiError {
  return new ApiError(code, message, field);
}

export function status(overrides: Partial<BookStatus> = {}): BookStatus {
  return {
    bookId: BOOK,
    name: '工作记录本',
    orgName: '中国示例学会党建工作小组',
    size: 12,
    readOnly: false,
    keyId: 'SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abc',
    publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample 示例学会',
    allowedSigners: 'logbook@example namespaces="logbook" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample',
    createdAt: '2025-01-06T02:00:00.000Z',
    integrity: {
      ok: true,
      size: 12,
      root: 'f'.repeat(64),
      problems: [],
      ms: 12,
      checkedAt: '2025-03-18T02:00:00.000Z',
      full: true,
    },
    verification: {
      state: 'done',
      done: 12,
      total: 12,
      report: {
        ok: true,
        size: 12,
        root: 'f'.repeat(64),
        problems: [],
        ms: 12,
        checkedAt: '2025-03-18T02:00:00.000Z',
        full: true,
      },
    },
    ...overrides,
  };
}

function person(name: string) {
  return {
    name,
    gender: '男' as const,
    ethnicity: '汉族',
    birthDate: '1970-01-01',
    isCpcMember: true,
    underDiscipline: false,
  };
}

export const ROSTER: MemberView[] = [
  {
    memberId: 'm1',
    person: person('张三'),
    role: 'leader',
    roleLabel: '组长',
    joinedOn: '2025-01-06',
    active: true,
    history: [
      {
        seq: 2,
        kind: 'member.join',
        date: '2025-01-06',
        summary: '张三加入，任组长',
        approval: { docNo: '科协党发〔2025〕3号', date: '2025-01-02' },
      },
    ],
  },
  {
    memberId: 'm2',
    person: person('李四'),
    role: 'deputy',
    roleLabel: '副组长',
    joinedOn: '2025-01-06',
    active: true,
    history: [],
  },
  {
    memberId: 'm3',
    person: person('王五'),
    role: 'member',
    roleLabel: '成员',
    joinedOn: '2025-01-06',
    active: true,
    history: [],
  },
];

export const ORG: OrgView = {
  organisation: {
    societyName: '中国示例学会',
    orgName: '中国示例学会党建工作小组',
    form: 'work-group',
    termStart: '2023-01-01',
    termEnd: '2027-12-31',
    supervisingOffice: '科技社团党委',
    contactPerson: '赵六',
    recorder: '赵六',
  },
  profile: { id: 'beijing-work-group', label: '北京·党建工作小组', rules: ['到会人数须超过应到人数的2/3'], params: {} },
  composition: [],
  memberCount: 3,
};

export function renderWithApi(ui: ReactElement, api: FakeApi) {
  return render(
    <AppShell>
      <ApiProvider api={api as unknown as Api}>{ui}</ApiProvider>
    </AppShell>,
  );
}

/** Renders `ui` inside an open book (books.status answered by the fake). */
export function renderInBook(ui: ReactElement, api: FakeApi, books = [status()]) {
  return renderWithApi(
    <BookProvider books={books} bookId={books[0]?.bookId ?? BOOK} onSelect={() => {}}>
      {ui}
    </BookProvider>,
    api,
  );
}
