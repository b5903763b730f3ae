/**
 * Timeline benchmark, part of `npm run bench`: a 100,000-entry book of activities (Chinese
 * text of 0.5–4 KB each) is sealed with the ledger, then the service opens it and the
 * timeline's calls are timed: the first page (which builds the in-memory read model from
 * every entry once), a page deep in the book, and a filtered page. The renderer asks for
 * 100 rows at a time as the user scrolls.
 */
import path from 'node:path';
import { FileKeyStore, openLedger, type EntryInput } from '../db/ledger/index';
import { callService, createService, DATABASE_FILE } from '../db/service';
import { makeBody } from '../db/service/entry-body';
import { meetingBody, seededRandom } from './chinese-minutes';

export interface TimelineFigures { firstPageS: number; deepPageMs: number; filteredPageMs: number; entries: number }

export async function measureTimeline(dir: string, size: number): Promise<TimelineFigures> {
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const ledger = openLedger({ path: path.join(dir, DATABASE_FILE), keyStore });
  const { bookId } = ledger.createBook('基准测试：时间线');
  const random = seededRandom(3);
  for (let n = 1; n < size; n += 2_000) {
    const inputs: EntryInput[] = [];
    for (let i = 0; i < Math.min(2_000, size - n); i++) {
      const text = String(meetingBody(random, n + i).minutes);
      const day = `2025-${String(1 + ((n + i) % 12)).padStart(2, '0')}-${String(1 + ((n + i) % 28)).padStart(2, '0')}`;
      const input = { type: 'study', title: `理论学习第${n + i}次`, date: day, place: '学会会议室', organizer: '党建工作小组', participantIds: [], otherParticipants: '', content: text, outcome: '', attachments: [] };
      inputs.push({ kind: 'activity', body: makeBody(input, {}, []) });
    }
    ledger.sealBatch(bookId, inputs);
  }
  ledger.close();

  const service = createService({ dataDir: dir, keyStore });
  try {
    let t = performance.now();
    const first = await callService(service, 'entries.list', { bookId, limit: 100 });
    const firstPageS = (performance.now() - t) / 1000;
    t = performance.now();
    const deep = await callService(service, 'entries.list', { bookId, offset: Math.floor(size / 2), limit: 100 });
    const deepPageMs = performance.now() - t;
    t = performance.now();
    const filtered = await callService(service, 'entries.list', { bookId, kinds: ['activity'], year: 2025, offset: 1_000, limit: 100 });
    const filteredPageMs = performance.now() - t;
    if (first.total !== size || deep.items.length !== 100 || filtered.items.length !== 100) {
      throw new Error(`timeline answered ${first.total} / ${deep.items.length} / ${filtered.items.length}`);
    }
    return { firstPageS, deepPageMs, filteredPageMs, entries: first.total };
  } finally {
    service.close();
  }
}
