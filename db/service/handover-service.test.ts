import { afterEach, describe, expect, it } from 'vitest';
import { FIVE, openHarness, ORG, type Harness } from './test/service-harness';

/**
 * 移交 is a sealing call like every other: its request id is written in the rotation's own
 * transaction, so a repeat (lost reply, double click, crash between commit and answer)
 * answers with the book as it is and never rotates the key a second time.
 */

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.cleanup();
});

async function newBook(): Promise<{ h: Harness; bookId: string; keyId: string }> {
  const h = openHarness();
  open.push(h);
  const { bookId, keyId } = await h.call('books.create', {
    organisation: ORG,
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  return { h, bookId, keyId };
}

describe('books.handover with a request id', () => {
  it('seals one rotation for one request id, however often it is sent', async () => {
    const { h, bookId, keyId } = await newBook();
    const before = (await h.call('books.status', { bookId })).size;
    const input = { bookId, requestId: 'handover-0001', reason: '记录人由王芳变更为李娜' };
    const first = await h.call('books.handover', input);
    expect(first.keyId).not.toBe(keyId);
    expect(first.size).toBe(before + 1);
    const again = await h.call('books.handover', input);
    expect(again).toMatchObject({ keyId: first.keyId, size: before + 1 });
    expect((await h.call('books.verify', { bookId })).ok).toBe(true);
  });

  it('refuses the same request id with another reason, sealing nothing', async () => {
    const { h, bookId } = await newBook();
    const first = await h.call('books.handover', { bookId, requestId: 'handover-0002', reason: '换用新电脑' });
    await expect(
      h.call('books.handover', { bookId, requestId: 'handover-0002', reason: '记录人变更' }),
    ).rejects.toMatchObject({ code: 'request-reused' });
    expect(await h.call('books.status', { bookId })).toMatchObject({ size: first.size, keyId: first.keyId });
  });

  it('an invalid request id is refused before anything is sealed', async () => {
    const { h, bookId, keyId } = await newBook();
    const before = (await h.call('books.status', { bookId })).size;
    await expect(
      h.call('books.handover', { bookId, requestId: 'not-a-valid id!', reason: '换用新电脑' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await h.call('books.status', { bookId })).toMatchObject({ size: before, keyId });
  });

  it('without a request id every call is a new hand-over', async () => {
    const { h, bookId } = await newBook();
    const one = await h.call('books.handover', { bookId, reason: '第一次移交' });
    const two = await h.call('books.handover', { bookId, reason: '第二次移交' });
    expect(two.size).toBe(one.size + 1);
    expect(two.keyId).not.toBe(one.keyId);
  });
});
