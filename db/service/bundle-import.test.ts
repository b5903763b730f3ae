import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';

/**
 * The bundle methods through the service, on two real data folders: hand-over (移交) seals a
 * rotation and the bundle carries the new key; the liaison stages, inspects and imports by
 * upload token only; the imported book is read-only for every sealing method; an older bundle
 * after a newer one is a rollback alarm listed by bundles.alarms.
 */

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.cleanup();
});
function harness(): Harness {
  const h = openHarness();
  open.push(h);
  return h;
}

describe('bundles through the service', () => {
  it('hand-over, export, stage, inspect, import, read-only, rollback alarm', async () => {
    const society = harness();
    const { bookId, keyId: firstKey } = await society.call('books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    });
    const handed = await society.call('books.handover', { bookId, reason: '记录人由王芳变更为李娜' });
    expect(handed.keyId).not.toBe(firstKey);
    expect((await society.call('books.verify', { bookId })).ok).toBe(true);
    const old = path.join(society.dir, 'old.zip');
    expect((await society.service.exportBundle(bookId, old)).keyId).toBe(handed.keyId);
    await society.call('members.join', { bookId, ...member('赵新', 'member') });
    const grown = path.join(society.dir, 'grown.zip');
    await society.service.exportBundle(bookId, grown);

    const liaison = harness();
    await expect(liaison.call('bundles.inspect', { upload: '../old.zip' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(
      liaison.call('bundles.import', { upload: 'bundle-000000000000000000000000.zip' }),
    ).rejects.toMatchObject({ code: 'upload-missing' });
    const upload = await liaison.service.stageBundle(fs.createReadStream(grown));
    const inspected = await liaison.call('bundles.inspect', { upload });
    expect(inspected).toMatchObject({ verified: false, bookId, keyId: handed.keyId, pinned: null, localBook: false });
    expect(await liaison.call('bundles.import', { upload })).toMatchObject({
      outcome: 'needs-fingerprint',
      genesisKeyId: firstKey,
      currentKeyId: handed.keyId,
    });
    // The paper 备案 of the first key still identifies the book (the rotation is signed by it).
    const imported = await liaison.call('bundles.import', { upload, fingerprint: firstKey });
    expect(imported).toMatchObject({ outcome: 'imported', bookId });
    expect(fs.readdirSync(path.join(liaison.dir, 'incoming'))).toEqual([]);
    expect(await liaison.call('books.list', {})).toMatchObject([{ bookId, readOnly: true, imported: true }]);
    // The banner and the refusals say 只读 in front of the reason: the reason does not say it again.
    expect((await liaison.call('books.status', { bookId })).reason).toBe('这是从数据包导入的副本，只能查看和核验。');
    await expect(liaison.call('members.join', { bookId, ...member('钱某', 'member') })).rejects.toMatchObject({
      code: 'book-readonly',
      message: expect.stringMatching(/^(?!.*只读.*只读).*只读/),
    });
    await expect(liaison.call('books.handover', { bookId, reason: '冒充移交' })).rejects.toMatchObject({
      code: 'book-readonly',
    });

    const older = await liaison.service.stageBundle(old);
    const alarm = await liaison.call('bundles.import', { upload: older });
    expect(alarm).toMatchObject({ outcome: 'alarm', alarms: [{ kind: 'rollback', kindLabel: '回滚警报' }] });
    expect(alarm.alarms[0]!.pinned.size - alarm.alarms[0]!.found!.size).toBe(1);
    expect(await liaison.call('bundles.alarms', { bookId })).toMatchObject([
      { kind: 'rollback', pinned: { keyId: handed.keyId } },
    ]);
    expect((await liaison.call('books.status', { bookId })).size).toBe(alarm.alarms[0]!.pinned.size);
  }, 60_000);
});
