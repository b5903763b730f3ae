import { expect, it } from 'vitest';
import { parseSignedCheckpoint, serializeSignedCheckpoint, signCheckpoint, verifyCheckpointSignature } from './checkpoint';
import { generateSigningKey } from './keys';

const key = generateSigningKey();
const signed = signCheckpoint(
  { book: 'b1', size: 3, root: 'ab'.repeat(32), time: '2025-01-01T00:00:00.000Z', keyId: key.keyId },
  key.privateKey,
);

it('signs the canonical checkpoint and verifies it only with the right key', () => {
  expect(verifyCheckpointSignature(signed, key.publicKey)).toBe(true);
  expect(verifyCheckpointSignature(signed, generateSigningKey().publicKey)).toBe(false);
  expect(verifyCheckpointSignature({ ...signed, checkpoint: { ...signed.checkpoint, size: 4 } }, key.publicKey)).toBe(false);
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
