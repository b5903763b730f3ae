/**
 * Child process for the crash test (db/ledger/crash.test.ts), bundled once per run with
 * esbuild so it starts fast: `node seal-child.cjs <dbPath> <keysDir> <bookId>`.
 * Seals entries forever and prints `ack <seq> <hash>` after each seal RETURNS (that is,
 * after the database commit and the outside checkpoint file), until it is killed.
 */
import fs from 'node:fs';
import { FileKeyStore } from '../ledger/keys';
import { openLedger } from '../ledger/ledger';

const [dbPath, keysDir, bookId] = process.argv.slice(2) as [string, string, string];
const ledger = openLedger({ path: dbPath, keyStore: new FileKeyStore(keysDir) });
fs.writeSync(1, `ready ${ledger.getBook(bookId).size}\n`);
for (let n = 0; ; n++) {
  const entry = ledger.seal(bookId, {
    kind: 'meeting',
    body: { n, pid: process.pid, minutes: '会议研究了换届筹备工作方案，明确了时间节点和责任分工。' },
  });
  // A synchronous write: the line is in the pipe before the next seal starts.
  fs.writeSync(1, `ack ${entry.seq} ${entry.hash}\n`);
}
