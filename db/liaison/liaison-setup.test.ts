import { afterEach, describe, expect, it } from 'vitest';
import { describeEntry, formatValue } from '../contract';
import { openHarness, ORG, FIVE, type Harness } from '../service/test/service-harness';

/** The liaison's own book through the real service: set up once, read back, told apart in books.list. */

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.cleanup();
});

const LIAISON = { name: '张联络', office: '北京市科协社会组织党建工作委员会' };

describe('liaison.setup', () => {
  it('makes the liaison book (key, 联络员信息), refuses a second identity in Chinese, and lists it as the liaison book', async () => {
    const h = openHarness();
    open.push(h);
    expect(await h.call('liaison.get', {})).toBeNull();
    const view = await h.call('liaison.setup', { liaison: { name: ' 张联络 ', office: LIAISON.office } });
    expect(view).toMatchObject({ name: '张联络', office: LIAISON.office });
    expect(view.keyId).toMatch(/^SHA256:/u);
    expect(view.publicKey).toMatch(/^ssh-ed25519 /u);
    expect(view.allowedSigners).toBe(
      `${view.bookId} namespaces="dangjian-logbook-receipt" ${view.publicKey.split(' ').slice(0, 2).join(' ')}`,
    );
    expect(await h.call('liaison.get', {})).toEqual(view);

    await expect(h.call('liaison.setup', { liaison: { name: '李二', office: '某单位' } })).rejects.toMatchObject({
      code: 'liaison-exists',
      message: expect.stringContaining('只能有一个联络员身份'),
    });
    await expect(h.call('liaison.setup', { liaison: { name: '', office: '某单位' } })).rejects.toMatchObject({
      code: 'invalid-input',
    });

    const society = await h.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    });
    const books = await h.call('books.list', {});
    expect(books.find((b) => b.bookId === view.bookId)).toMatchObject({ liaison: true, size: 2 });
    expect(books.find((b) => b.bookId === society.bookId)?.liaison).toBeUndefined();

    const entry = await h.call('entries.get', { bookId: view.bookId, seq: 2 });
    expect(entry.summary).toMatchObject({ kind: 'liaison.setup', kindLabel: '联络员信息' });
    const description = describeEntry('liaison.setup')!;
    expect(description.fields.map((f) => f.label)).toEqual(['联络员姓名', '所在单位']);
    expect(formatValue('张联络', description.fields[0], () => '')).toBe('张联络');
    expect(entry.summary.title).toBe(`联络员信息：张联络（${LIAISON.office}）`);
    expect((await h.call('books.verify', { bookId: view.bookId })).ok).toBe(true);
    await expect(h.service.exportBundle(view.bookId, `${h.dir}/liaison.zip`)).rejects.toMatchObject({
      code: 'liaison-book',
    });
  });

  it('answers a repeated set-up request with the identity it made', async () => {
    const h = openHarness();
    open.push(h);
    const first = await h.call('liaison.setup', { requestId: 'setup-request-1', liaison: LIAISON });
    expect(await h.call('liaison.setup', { requestId: 'setup-request-1', liaison: LIAISON })).toEqual(first);
  });

  it('keeps one identity when two set-ups race', async () => {
    const h = openHarness();
    open.push(h);
    const results = await Promise.allSettled([
      h.call('liaison.setup', { liaison: LIAISON }),
      h.call('liaison.setup', { liaison: { name: '李二', office: '某单位' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await h.call('books.list', {})).filter((b) => b.liaison)).toHaveLength(1);
  });
});
