/**
 * Search, part of `npm run bench`. A 100,000-entry book of activities (bench/timeline.ts's
 * Chinese text, each naming two or three of twelve members) is sealed with the bare ledger;
 * the service's first open catches the read model up, the search index included. Then p50 /
 * p95 of `search.query` (first page of 20, through the service, every row proven) over 200
 * queries each: 1-, 2-, 3- and 6-character Chinese strings cut from the book's own text, a
 * member's name, and a name's pinyin initials. Baseline: a plain LIKE scan of the same text
 * (title, content and names per entry, in one SQLite table), counted and paged as search is.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { FileKeyStore, openLedger, type EntryInput } from '../db/ledger/index';
import { callService, createService, DATABASE_FILE } from '../db/service';
import { makeBody } from '../db/service/entry-body';
import { namePinyin } from '../db/service/search-text';
import { seededRandom } from './chinese-minutes';
import { activities, buildReadModel } from './timeline';

const NAMES = ['王志强', '张伟', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐明', '孙丽'];
const QUERIES = 200;
const LIKE_QUERIES = 20;
const BATCH = 2_000;

export interface SearchFigures {
  buildS: number;
  p50: Record<string, number>;
  p95: Record<string, number>;
  likeP50: number;
  likeP95: number;
  hits: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Seals the book and writes the baseline table; returns query samples cut from the text. */
function sealBook(
  dir: string,
  size: number,
  like: Database.Database,
): { bookId: string; samples: Record<number, string[]> } {
  const keyStore = new FileKeyStore(path.join(dir, 'keys'));
  const ledger = openLedger({ path: path.join(dir, DATABASE_FILE), keyStore, verifyWorker: null });
  const random = seededRandom(11);
  const samples: Record<number, string[]> = { 1: [], 2: [], 3: [], 6: [] };
  const insert = like.prepare('INSERT INTO t (seq, text) VALUES (?, ?)');
  try {
    const { bookId } = ledger.createBook('基准测试：搜索');
    const ids = NAMES.map((_, i) => `bench-${i + 1}`);
    ledger.sealBatch(
      bookId,
      NAMES.map((name, i) => ({
        kind: 'member.join',
        body: makeBody(
          {
            memberId: ids[i],
            role: 'member',
            joinedOn: '2023-06-15',
            approval: { docNo: '京科协党建〔2023〕12号', date: '2023-06-15' },
            person: {
              name,
              gender: '男',
              ethnicity: '汉族',
              birthDate: '1970-05-01',
              isCpcMember: true,
              underDiscipline: false,
            },
          },
          {},
          [],
        ),
      })),
    );
    let seq = 1 + NAMES.length;
    for (let n = 1; seq < size; n += BATCH) {
      const inputs: EntryInput[] = activities(random, n, Math.min(BATCH, size - seq));
      like.transaction(() => {
        for (const input of inputs) {
          const body = input.body as { input: { title: string; content: string; participantIds: string[] } };
          const who = [
            ...new Set([0, 1, 2].slice(0, 2 + Math.floor(random() * 2)).map(() => Math.floor(random() * ids.length))),
          ];
          body.input.participantIds = who.map((i) => ids[i]!);
          seq++;
          insert.run(seq, `学习：${body.input.title}\n${body.input.content}\n${who.map((i) => NAMES[i]).join(' ')}`);
          if (random() < 0.01) {
            const han = [...body.input.content.matchAll(/\p{Script=Han}+/gu)]
              .map((m) => m[0])
              .filter((s) => s.length >= 6);
            const run = han[Math.floor(random() * han.length)];
            for (const k of [1, 2, 3, 6]) {
              if (run && samples[k]!.length < QUERIES) {
                const at = Math.floor(random() * (run.length - k + 1));
                samples[k]!.push(run.slice(at, at + k));
              }
            }
          }
        }
      })();
      ledger.sealBatch(bookId, inputs);
    }
    return { bookId, samples };
  } finally {
    ledger.close();
  }
}

export async function measureSearch(dir: string, size: number): Promise<SearchFigures> {
  const like = new Database(path.join(dir, 'like-baseline.sqlite'));
  like.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const { bookId, samples } = sealBook(dir, size, like);
  const buildS = await buildReadModel(dir);
  const random = seededRandom(12);
  const queries: Record<string, string[]> = {
    '1': samples[1]!,
    '2': samples[2]!,
    '3': samples[3]!,
    '6': samples[6]!,
    name: Array.from({ length: QUERIES }, () => NAMES[Math.floor(random() * NAMES.length)]!),
    pinyin: Array.from(
      { length: QUERIES },
      () => namePinyin(NAMES[Math.floor(random() * NAMES.length)]!).split(' ')[0]!,
    ),
  };
  const service = createService({
    dataDir: dir,
    keyStore: new FileKeyStore(path.join(dir, 'keys')),
    verifyWorker: null,
    inlineVerifyBelow: 0,
  });
  const p50: Record<string, number> = {};
  const p95: Record<string, number> = {};
  const hits: Record<string, number> = {};
  try {
    // Let the open's full verify finish first: it would compete with the timed queries.
    await callService(service, 'books.verify', { bookId });
    await callService(service, 'search.query', { bookId, query: '会议' });
    for (const [key, list] of Object.entries(queries)) {
      const times: number[] = [];
      let found = 0;
      for (const query of list) {
        const started = performance.now();
        const page = await callService(service, 'search.query', { bookId, query, limit: 20 });
        times.push(performance.now() - started);
        found += page.total;
      }
      times.sort((a, b) => a - b);
      p50[key] = percentile(times, 50);
      p95[key] = percentile(times, 95);
      hits[key] = found / list.length;
    }
  } finally {
    service.close();
  }
  const count = like.prepare(`SELECT count(*) FROM t WHERE text LIKE ? ESCAPE '\\'`).pluck();
  const page = like.prepare(
    `SELECT seq, substr(text, 1, 200) FROM t WHERE text LIKE ? ESCAPE '\\' ORDER BY seq DESC LIMIT 20`,
  );
  const likeTimes: number[] = [];
  for (const query of queries['2']!.slice(0, LIKE_QUERIES)) {
    const pattern = `%${query.replace(/[\\%_]/g, '\\$&')}%`;
    const started = performance.now();
    count.get(pattern);
    page.all(pattern);
    likeTimes.push(performance.now() - started);
  }
  like.close();
  likeTimes.sort((a, b) => a - b);
  return { buildS, p50, p95, likeP50: percentile(likeTimes, 50), likeP95: percentile(likeTimes, 95), hits };
}
