/**
 * The REAL record-book service for component tests, in this process: db/service over a temp
 * data folder (better-sqlite3 runs under vitest's jsdom environment too), behind the same
 * `Api` the app uses, with answers crossing a JSON boundary as they do over IPC or HTTP.
 * Every method is a spy that calls the service, so a test can assert what was sent and, where
 * a failure must be injected, replace one answer; the rules themselves are never re-implemented.
 *
 * Tests only: the renderer itself never imports db/ implementations (ESLint enforces that
 * everywhere else).
 */
/* eslint-disable no-restricted-imports */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import { contract, ServiceError, type MemberJoin, type Organisation, type Result } from '../../db/contract';
import { callService, createService, type Service } from '../../db/service';
import { MemoryKeyStore, beijing } from '../../db/service/test/service-harness';
/* eslint-enable no-restricted-imports */
import { createApi, type Api } from '../api';
import type { FakeApi } from './kit';

export const REAL_ORG: Organisation = {
  societyName: '中国示例学会',
  orgName: '中国示例学会党建工作小组',
  form: 'work-group',
  termStart: '2023-01-01',
  termEnd: '2027-12-31',
  supervisingOffice: '科技社团党委',
  contactPerson: '赵六',
  recorder: '赵六',
  approval: { docNo: '科协党发〔2023〕3号', date: '2023-01-02' },
};

function join(name: string, role: MemberJoin['role']): MemberJoin {
  return {
    person: {
      name,
      gender: '男',
      ethnicity: '汉族',
      birthDate: '1970-01-01',
      isCpcMember: true,
      partyJoinDate: '1995-07-01',
      underDiscipline: false,
    },
    role,
    joinedOn: '2024-01-01',
    approval: { docNo: '科协党发〔2024〕1号', date: '2023-12-28' },
  };
}

/** 张三 (组长, id m1), 李四 (副组长, m2), 王五 (成员, m3): the roster the fakes used to invent. */
export const REAL_MEMBERS: MemberJoin[] = [join('张三', 'leader'), join('李四', 'deputy'), join('王五', 'member')];

export interface RealBook {
  bookId: string;
  /** Spies over the real service (type-compatible with `fakeApi()` for the render helpers). */
  api: FakeApi;
  service: Service;
  /** Sets the service's clock to a Beijing local time `YYYY-MM-DDTHH:mm`. */
  setNow(local: string): void;
}

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

/**
 * A new book on a fresh data folder, created through `books.create` like the wizard does,
 * with the clock at `now` (Beijing time). Closed and deleted after the test.
 */
export async function realBook(now = '2025-03-18T14:00', members = REAL_MEMBERS): Promise<RealBook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-renderer-'));
  let clock = beijing(now);
  let n = 0;
  const service = createService({
    dataDir: dir,
    keyStore: new MemoryKeyStore(),
    clock: () => new Date(clock.getTime()),
    newId: () => `m${++n}`,
    verifyWorker: null,
  });
  open.push(() => {
    service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const real = createApi(async (method, input): Promise<Result<unknown>> => {
    try {
      const value = await callService(service, method as keyof typeof contract, input);
      // What crosses IPC or HTTP is JSON: no shared objects, no Dates, no undefined keys.
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
    } catch (e) {
      if (e instanceof ServiceError)
        return { ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
      throw e;
    }
  });
  const spies: Record<string, unknown> = {};
  for (const method of Object.keys(contract) as (keyof Api)[]) {
    spies[method] = vi.fn((input: never) => (real[method] as (i: never) => Promise<unknown>)(input));
  }
  const api = spies as FakeApi;
  const { bookId } = await real['books.create']({
    organisation: REAL_ORG,
    profile: { id: 'beijing-work-group' },
    members,
  });
  return {
    bookId,
    api,
    service,
    setNow: (local) => {
      clock = beijing(local);
    },
  };
}
