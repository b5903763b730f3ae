import path from 'node:path';
import { FileKeyStore } from '../ledger/keys';
import { openLedger, type Ledger, type OpenLedgerOptions } from '../ledger/ledger';
import type { Clock, KeyStore } from '../ledger/types';
import { makeTestClock } from './test-clock';

export interface LedgerFixture {
  dbPath: string;
  keyStore: KeyStore;
  clock: Clock & { set(iso: string): void };
  open(extra?: Partial<OpenLedgerOptions>): Ledger;
}

/** A ledger on a real file in `dir`, with file keys beside it and a stepping test clock. */
export function ledgerFixture(dir: string, name = 'book.db'): LedgerFixture {
  const dbPath = path.join(dir, name);
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const clock = makeTestClock();
  return {
    dbPath,
    keyStore,
    clock,
    open: (extra = {}) => openLedger({ path: dbPath, keyStore, clock, ...extra }),
  };
}

/** A meeting-like body of roughly `bytes` bytes. */
export function meetingBody(n: number, bytes = 300): Record<string, unknown> {
  const text = '会议传达学习了上级文件精神，与会同志结合学会实际进行了讨论。';
  return {
    title: `党建工作小组第${n}次会议`,
    present: ['张伟', '王芳', '李娜'],
    votes: { agree: 3, against: 0, abstain: 0 },
    minutes: text.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(text)))),
  };
}
