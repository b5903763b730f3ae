/**
 * Search (search.query) through the real service: Chinese queries of any length, names and
 * their pinyin initials, corrected wording, filters, FTS5 syntax typed as text, results proven
 * like the timeline's rows, and the FTS index in the query plan.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../contract';
import { DATABASE_FILE } from './create-service';
import { searchSql } from './search-index';
import { parseQuery } from './search-text';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';

let h: Harness;
let bookId = '';
let ids: string[] = [];
const seqs: Record<string, number> = {};
let wang = '';

const find = async (query: string, extra: Record<string, unknown> = {}) =>
  h.call('search.query', { bookId, query, ...extra });
const seqsOf = async (query: string, extra: Record<string, unknown> = {}) =>
  (await find(query, extra)).items.map((i) => i.seq).sort((a, b) => a - b);

beforeAll(async () => {
  h = openHarness('2025-06-20T10:00');
  bookId = (await h.call('books.create', { organisation: ORG, profile: { id: 'beijing-work-group' }, members: FIVE }))
    .bookId;
  seqs.join = (await h.call('members.join', { bookId, ...member('王志强', 'member') })).seq;
  const roster = await h.call('members.list', { bookId });
  ids = roster.filter((m) => m.person.name !== '王志强').map((m) => m.memberId);
  wang = roster.find((m) => m.person.name === '王志强')!.memberId;
  const m1 = meetingInput([...ids, wang], { present: ids, number: 1, startAt: '2025-03-18T09:30' });
  seqs.m1 = (
    await h.call('meetings.seal', { bookId, meeting: { ...m1, minutes: '会议原定在礼堂举行，研究了年度计划。' } })
  ).seq;
  const m2 = meetingInput([...ids, wang], { number: 2, startAt: '2025-04-08T09:30', guests: [{ name: '刘联络' }] });
  seqs.m2 = (
    await h.call('meetings.seal', {
      bookId,
      meeting: {
        ...m2,
        title: '换届筹备专题会议',
        topics: [{ title: '换届筹备工作方案', discussion: '明确了时间节点和责任分工。', dissent: '' }],
      },
    })
  ).seq;
  seqs.a1 = (
    await h.call('activities.seal', {
      bookId,
      activity: {
        type: 'volunteer',
        title: '植树志愿服务',
        date: '2025-04-12',
        place: '奥林匹克森林公园',
        organizer: '党建工作小组',
        participantIds: [wang, ids[0]],
        content: '组织党员到科普教育基地参观学习，并开展植树活动。',
      },
    })
  ).seq;
  seqs.w1 = (
    await h.call('work.seal', {
      bookId,
      item: {
        type: 'ideology',
        title: '国际会议研判',
        date: '2025-05-06',
        event: '国际学术年会',
        eventKind: 'international-exchange',
        assessment: '研判了可能出现的舆情应对风险。',
        plan: '制定了舆情应对预案。',
      },
    })
  ).seq;
  seqs.c1 = (
    await h.call('entries.correct', {
      bookId,
      seq: seqs.m1,
      field: '/input/minutes',
      value: '会议改在报告厅举行，研究了年度计划。',
      reason: '地点记错',
      by: '王记录',
    })
  ).seq;
});
afterAll(() => h.cleanup());

describe('search.query', () => {
  it('finds 1-, 2-, 3- and 6-character Chinese queries', async () => {
    expect(await seqsOf('植')).toEqual([seqs.a1]);
    expect(await seqsOf('换届')).toEqual([seqs.m2]);
    expect(await seqsOf('舆情应')).toEqual([seqs.w1]);
    expect(await seqsOf('科普教育基地')).toEqual([seqs.a1]);
    expect(await seqsOf('奥林匹克森林公园')).toEqual([seqs.a1]);
    expect(await seqsOf('植物')).toEqual([]);
  });

  it('marks the match in the snippet', async () => {
    const page = await find('科普教育');
    expect(page.total).toBe(1);
    expect(page.capped).toBe(false);
    expect(page.items[0]!.snippet).toContain(`${SNIPPET_MARK_START}科普教育${SNIPPET_MARK_END}`);
    expect(page.items[0]!.title).toBe('志愿服务：植树志愿服务');
  });

  it('finds a member by name, by pinyin initials and by full pinyin', async () => {
    const his = [seqs.join!, seqs.m1!, seqs.m2!, seqs.a1!].sort((a, b) => a - b);
    expect(await seqsOf('王志强')).toEqual(his);
    expect(await seqsOf('wzq')).toEqual(his);
    expect(await seqsOf('WZQ')).toEqual(his);
    expect(await seqsOf('wangzhiqiang')).toEqual(his);
    expect(await seqsOf('wangzhi')).toEqual(his);
    const snip = (await find('wzq')).items.find((i) => i.seq === seqs.a1)!.snippet;
    expect(snip).toContain(`${SNIPPET_MARK_START}王志强${SNIPPET_MARK_END}`);
    // Guests are people too.
    expect(await seqsOf('刘联络')).toContain(seqs.m2);
    expect(await seqsOf('llL')).toContain(seqs.m2);
  });

  it('finds a corrected entry by its new wording; the old wording only leads to the correction', async () => {
    expect(await seqsOf('报告厅')).toEqual([seqs.m1, seqs.c1]);
    expect(await seqsOf('礼堂')).toEqual([seqs.c1]);
    expect(await seqsOf('地点记错')).toEqual([seqs.c1]);
    const item = (await find('报告厅')).items.find((i) => i.seq === seqs.m1)!;
    expect(item.correctedBy).toEqual([seqs.c1]);
  });

  it('finds dates as written both ways', async () => {
    expect(await seqsOf('2025-03-18')).toContain(seqs.m1);
    expect(await seqsOf('2025年3月18日')).toContain(seqs.m1);
    expect(await seqsOf('2025年4月12日')).toEqual([seqs.a1]);
  });

  it('ANDs space-separated terms and applies the filters', async () => {
    expect(await seqsOf('植树 王志强')).toEqual([seqs.a1]);
    expect(await seqsOf('植树 换届')).toEqual([]);
    const meetings = await seqsOf('会议', { kinds: ['meeting'] });
    expect(meetings).toEqual([seqs.m1, seqs.m2]);
    expect(await seqsOf('会议', { kinds: ['work'] })).toEqual([seqs.w1]);
    expect(await seqsOf('会议', { memberId: wang })).toEqual([seqs.m1, seqs.m2]);
    expect(await seqsOf('植树', { memberId: wang })).toEqual([seqs.a1]);
    expect(await seqsOf('植树', { memberId: ids[1] })).toEqual([]);
    expect(await seqsOf('年度计划', { flag: 'corrected' })).toEqual([seqs.m1]);
    expect(await seqsOf('会议', { year: 2024 })).toEqual([]);
    expect(await seqsOf('换届', { year: 2025 })).toEqual([seqs.m2]);
  });

  it('pages newest first, title matches ahead of text matches', async () => {
    const all = await find('会议');
    expect(all.total).toBeGreaterThanOrEqual(4);
    // 换届筹备专题会议 and 国际会议研判 carry it in the title.
    expect(all.items.slice(0, 2).map((i) => i.seq)).toEqual([seqs.w1, seqs.m2]);
    const first = await find('会议', { limit: 2 });
    const second = await find('会议', { limit: 2, offset: 2 });
    expect([...first.items, ...second.items].map((i) => i.seq)).toEqual(all.items.slice(0, 4).map((i) => i.seq));
  });

  it('treats FTS5 syntax in a query as text', async () => {
    expect(await seqsOf('"换届')).toEqual([seqs.m2]);
    expect(await seqsOf('换届*')).toEqual([seqs.m2]);
    expect(await seqsOf('换届 OR 植树')).toEqual([]);
    expect(await seqsOf('NEAR(换届 植树)')).toEqual([]);
    expect(await seqsOf('NEAR(换届')).toEqual([]);
    expect(await seqsOf('-植树')).toEqual([seqs.a1]);
    for (const q of [
      '-',
      '"',
      '*',
      '""',
      'OR',
      'AND',
      'NOT',
      '(',
      ')',
      '^',
      ':',
      '{title}:换届',
      'title:植树',
      '\uE000植树',
    ]) {
      const page = await find(q);
      expect(
        page.items.every((i) => !i.problem),
        q,
      ).toBe(true);
    }
    expect(await seqsOf('title:植树')).toEqual([]);
    expect(parseQuery('换届" OR "x').match).toBe('"换 届" AND ("or" OR pinyin : "or"*) AND "x"');
    expect(parseQuery(`${'字'.repeat(150)}`).match).toBe(`"${Array(100).fill('字').join(' ')}"`);
    await expect(find('x'.repeat(101))).rejects.toThrow();
  });

  it('uses the FTS index, never a scan of rm_entries', () => {
    const db = new Database(path.join(h.dir, DATABASE_FILE), { readonly: true });
    try {
      const no = db.prepare('SELECT book_no FROM search_books WHERE book_id = ?').pluck().get(bookId) as number;
      for (const filters of [
        {},
        { kinds: ['meeting'], year: 2025, flag: 'corrected' },
        { memberId: wang, flag: 'rule' },
      ]) {
        const sql = searchSql(parseQuery('会议 wzq').match!, { limit: 20, offset: 0, ...filters }, bookId, no);
        for (const statement of [sql.count, sql.newest]) {
          const plan = (
            db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all({ ...sql.params, limit: 20, offset: 0 }) as {
              detail: string;
            }[]
          ).map((r) => r.detail);
          expect(
            plan.some((d) => /SCAN search_fts VIRTUAL TABLE INDEX/.test(d)),
            plan.join('\n'),
          ).toBe(true);
          expect(
            plan.some((d) => /SCAN (rm_entries|e)\b/.test(d)),
            plan.join('\n'),
          ).toBe(false);
        }
      }
    } finally {
      db.close();
    }
  });

  it('finds every entry of a person by a corrected name; the old name only leads to the correction', async () => {
    const fix = (
      await h.call('entries.correct', {
        bookId,
        seq: seqs.join!,
        field: '/input/person/name',
        value: '王智强',
        reason: '姓名录入错误',
        by: '王记录',
      })
    ).seq;
    const his = [seqs.join!, seqs.m1!, seqs.m2!, seqs.a1!, fix].sort((a, b) => a - b);
    expect(await seqsOf('王智强')).toEqual(his);
    // Pinyin is of the people an entry concerns: the correction's text holds the name, its people the clerk.
    expect(await seqsOf('wangzhiqiang')).toEqual(his.filter((seq) => seq !== fix));
    expect(await seqsOf('王志强')).toEqual([fix]);
  });

  it('shows a result whose read-model row fails its proof as the problem, never its text', async () => {
    const db = new Database(path.join(h.dir, DATABASE_FILE));
    try {
      db.prepare(
        `UPDATE rm_entries SET hash = ?, summary = json_set(summary, '$.title', '伪造的标题') WHERE book_id = ? AND seq = ?`,
      ).run('0'.repeat(64), bookId, seqs.a1);
    } finally {
      db.close();
    }
    const page = await find('植树');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.problem?.code).toBe('read-model-mismatch');
    expect(page.items[0]!.snippet).toBe('');
    expect(page.items[0]!.title).not.toContain('伪造');
  });
});
