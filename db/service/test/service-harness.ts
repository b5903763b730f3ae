/** A real service on a temp folder with a settable clock and deterministic ids, for tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KeyStore } from '../../ledger';
import type { MemberJoin, Organisation } from '../../contract';
import { callService, createService, type Service } from '../create-service';
import type { Contract } from '../../contract';

export class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  save(keyId: string, der: Buffer): void {
    this.keys.set(keyId, Buffer.from(der));
  }
  load(keyId: string): Buffer | null {
    return this.keys.get(keyId) ?? null;
  }
}

export interface Harness {
  dir: string;
  service: Service;
  keyStore: MemoryKeyStore;
  /** Sets the clock to a Beijing local time `YYYY-MM-DDTHH:mm`. */
  setNow(local: string): void;
  call<M extends keyof Contract>(method: M, input: unknown): ReturnType<typeof callService<M>>;
  cleanup(): void;
}

export function beijing(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

export function openHarness(start = '2025-01-06T09:00'): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-service-'));
  let now = beijing(start);
  let n = 0;
  const keyStore = new MemoryKeyStore();
  const service = createService({
    dataDir: dir,
    keyStore,
    clock: () => new Date(now.getTime()),
    newId: () => `m-${String(++n).padStart(4, '0')}`,
  });
  return {
    dir,
    service,
    keyStore,
    setNow(local) {
      now = beijing(local);
    },
    call: (method, input) => callService(service, method, input),
    cleanup() {
      service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const ORG: Organisation = {
  societyName: '北京市某某科技学会',
  orgName: '北京市某某科技学会党建工作小组',
  form: 'work-group',
  termStart: '2023-06-01',
  termEnd: '2028-05-31',
  supervisingOffice: '北京市科协社会组织党建工作委员会',
  contactPerson: '李秘书',
  recorder: '王记录',
  approval: { docNo: '京科协党建〔2023〕12号', date: '2023-06-15' },
};

const APPROVAL = { docNo: '京科协党建〔2023〕12号', date: '2023-06-15' };

export function member(name: string, role: MemberJoin['role'], extra: Partial<MemberJoin['person']> = {}): MemberJoin {
  return {
    person: {
      name,
      gender: '男',
      ethnicity: '汉族',
      birthDate: '1970-05-01',
      isCpcMember: true,
      partyJoinDate: '1995-07-01',
      title: '研究员',
      education: '博士研究生',
      societyPosts: '常务理事',
      underDiscipline: false,
      ...extra,
    },
    role,
    joinedOn: '2023-06-15',
    approval: APPROVAL,
  };
}

/** Five members, Beijing profile: 组长 1, 副组长 1, 成员 3. */
export const FIVE = [
  member('张建国', 'leader'),
  member('李红', 'deputy', { gender: '女' }),
  member('王强', 'member'),
  member('赵敏', 'member', { gender: '女', ethnicity: '回族' }),
  member('陈晨', 'member'),
];
