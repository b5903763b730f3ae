import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  FileCheckpointStore,
  parseSignedCheckpoint,
  serializeSignedCheckpoint,
  signCheckpoint,
  verifyCheckpointSignature,
} from './checkpoint';
import { checkOutsideCheckpoint } from './checkpoint-checks';
import { generateSigningKey } from './keys';

const key = generateSigningKey();
const signed = signCheckpoint(
  { book: 'b1', size: 3, root: 'ab'.repeat(32), time: '2025-01-01T00:00:00.000Z', keyId: key.keyId },
  key.privateKey,
);

it('signs the canonical checkpoint and verifies it only with the right key', () => {
  expect(verifyCheckpointSignature(signed, key.publicKey)).toBe(true);
  expect(verifyCheckpointSignature(signed, generateSigningKey().publicKey)).toBe(false);
  expect(verifyCheckpointSignature({ ...signed, checkpoint: { ...signed.checkpoint, size: 4 } }, key.publicKey)).toBe(
    false,
  );
});

it('parses only the exact canonical text of a well-formed signed checkpoint', () => {
  const text = serializeSignedCheckpoint(signed);
  expect(parseSignedCheckpoint(text)).toEqual(signed);
  expect(parseSignedCheckpoint(JSON.stringify(signed, null, 1))).toBeNull();
  expect(parseSignedCheckpoint(text.replace(signed.checkpoint.root, 'AB'.repeat(32)))).toBeNull();
  // Node's base64 decoder would skip a junk character; the parser must not.
  const junk = signed.signature.slice(0, 10) + '!' + signed.signature.slice(11);
  expect(parseSignedCheckpoint(text.replace(signed.signature, junk))).toBeNull();
  expect(parseSignedCheckpoint(text.replace('"size":3', '"size":3.5'))).toBeNull();
  expect(parseSignedCheckpoint(text.slice(0, -1) + ',"x":1}')).toBeNull();
  expect(parseSignedCheckpoint(text.replace('"time"', '"extra":1,"time"'))).toBeNull();
  expect(parseSignedCheckpoint('not json')).toBeNull();
  expect(parseSignedCheckpoint(undefined)).toBeNull();
});

it('names a missing or unreadable outside checkpoint by its file name, never its path (messages reach the UI)', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-zhangsan-'));
  try {
    const bookId = '0f0e0d0c-0000-4000-8000-0000000000aa';
    const outside = new FileCheckpointStore(path.join(home, 'logbook.sqlite'));
    const check = () =>
      checkOutsideCheckpoint({
        outside,
        bookId,
        size: 3,
        rootHex: 'ab'.repeat(32),
        get: () => Buffer.alloc(32),
        epochs: [],
        dbSigned: null,
        mayRewrite: false,
      });
    const [missing] = check();
    expect(missing?.code).toBe('outside-checkpoint-missing');
    expect(missing?.message).toContain(`数据库外保存的检查点文件（${bookId}.json）`);
    // A folder where the file should be: the OS message would hold the full path.
    fs.mkdirSync(path.join(home, 'logbook.sqlite.checkpoints', `${bookId}.json`), { recursive: true });
    const [unreadable] = check();
    expect(unreadable?.code).toBe('outside-checkpoint-invalid');
    for (const problem of [missing, unreadable]) {
      expect(problem?.message).not.toContain(home);
      expect(problem?.message).not.toContain('logbook.sqlite');
      expect(problem?.message).not.toContain(os.tmpdir());
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
