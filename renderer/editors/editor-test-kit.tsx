/**
 * Test helpers for the editors (imported only by *.test.tsx): a roster, a fake service
 * client with spies, and a render wrapper with antd's App (messages) and the ApiProvider.
 * Drafts use the real hook over fake-indexeddb (renderer/test/setup.ts), so the tests see
 * what is really stored and deleted.
 */
import { configure, render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { MeetingEvaluation, MemberView, OrgView } from '../../db/contract';
import { ApiProvider } from '../api-context';
import type { Api } from '../api';

// antd renders slowly under jsdom (seconds per editor on 2 cores); the default 1 s for
// findBy/waitFor is shorter than one render + the 250 ms debounce.
configure({ asyncUtilTimeout: 5000 });

// jsdom's getComputedStyle walks every CSS rule antd injects: ~0.5 s per call here, and
// antd's auto-sizing textareas call it on every change, so one keystroke in the minutes cost
// most of a second. No editor test asserts computed styles, so answer with an empty style.
// (user-event's pointer-events check therefore passes; clicks are still real DOM events.)
window.getComputedStyle = (_elt: Element) => document.createElement('div').style;

export const BOOK = '0f0e0d0c-0000-4000-8000-000000000001';

function member(memberId: string, name: string, role: MemberView['role'], roleLabel: string): MemberView {
  return {
    memberId, role, roleLabel, joinedOn: '2024-01-01', active: true, history: [],
    person: { name, gender: '男', ethnicity: '汉族', birthDate: '1970-01-01', isCpcMember: true, underDiscipline: false },
  };
}

export const ROSTER: MemberView[] = [
  member('m1', '张三', 'leader', '组长'),
  member('m2', '李四', 'deputy', '副组长'),
  member('m3', '王五', 'member', '成员'),
];

export const ORG: OrgView = {
  organisation: {
    societyName: '中国示例学会', orgName: '中国示例学会党建工作小组', form: 'work-group', termStart: '2023-01-01',
    termEnd: '2027-12-31', supervisingOffice: '科技社团党委', contactPerson: '赵六', recorder: '赵六',
  },
  profile: { id: 'beijing-work-group', label: '北京市科协党建工作小组规则', rules: ['到会人数须超过应到人数的2/3'], params: {} },
  composition: [],
  memberCount: 3,
};

export function evaluationFor(presentCount: number, extra: Partial<MeetingEvaluation> = {}): MeetingEvaluation {
  const met = presentCount * 3 > 3 * 2;
  return {
    profileId: 'beijing-work-group',
    expected: ROSTER.map((m) => ({ memberId: m.memberId, name: m.person.name })),
    presentCount,
    quorum: { met, required: 3, message: `实到 ${presentCount} 人，须超过应到人数的2/3（至少 3 人）` },
    decisions: [],
    filing: { deadline: '2025-03-21', status: 'pending', message: '须在 3 个工作日内报送备案' },
    flags: [],
    errors: [],
    ...extra,
  };
}

export type FakeApi = { [K in keyof Api]: ReturnType<typeof vi.fn> };

/** Only the methods the editors call; anything else fails loudly. */
export function fakeApi(overrides: Partial<Record<keyof Api, (input: never) => unknown>> = {}) {
  const calls = {
    'members.list': vi.fn(() => Promise.resolve(ROSTER)),
    'org.get': vi.fn(() => Promise.resolve(ORG)),
    'meetings.evaluate': vi.fn((input: { meeting: { presentIds?: string[] } }) =>
      Promise.resolve(evaluationFor(input.meeting.presentIds?.length ?? 0))),
    'meetings.seal': vi.fn(() => Promise.resolve({ seq: 42, hash: 'a'.repeat(64), recordedAt: '2025-03-18T10:00:00.000Z', flags: [], evaluation: evaluationFor(3) })),
    'activities.seal': vi.fn(() => Promise.resolve({ seq: 43, hash: 'b'.repeat(64), recordedAt: '2025-03-18T10:00:00.000Z', flags: [] })),
    'work.seal': vi.fn(() => Promise.resolve({ seq: 44, hash: 'c'.repeat(64), recordedAt: '2025-03-18T10:00:00.000Z', flags: [] })),
    'entries.list': vi.fn(() => Promise.resolve({ total: 0, items: [] })),
    'attachments.put': vi.fn((input: { fileName: string; mediaType: string; dataBase64: string }) => Promise.resolve({
      hash: 'd'.repeat(64), name: input.fileName, mediaType: input.mediaType, size: atob(input.dataBase64).length,
    })),
  };
  for (const [k, fn] of Object.entries(overrides)) (calls as Record<string, unknown>)[k] = vi.fn(fn as never);
  return calls;
}

export function renderWithApi(ui: ReactElement, calls: ReturnType<typeof fakeApi>) {
  return render(
    <App>
      <ApiProvider api={calls as unknown as Api}>{ui}</ApiProvider>
    </App>,
  );
}

/** The error shape renderer/api.ts throws. */
export function apiError(code: string, message: string, field?: string): Error {
  return Object.assign(new Error(message), { name: 'ApiError', code, ...(field ? { field } : {}) });
}
