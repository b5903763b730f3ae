import crypto from 'node:crypto';
import { LedgerError } from './errors';
import { importPrivateKey, keyIdOf, type SigningKey } from './keys';
import type { KeyStore } from './types';

/**
 * A book's private key as a passphrase-encrypted PKCS#8 PEM file (`ENCRYPTED PRIVATE KEY`,
 * PBES2 = PBKDF2-HMAC-SHA256 + AES-256-CBC, RFC 8018): the key backup that, with a bundle,
 * restores a book on a new computer so it continues the same chain. Standard tools read it:
 * `openssl pkey -in key.pem -passin pass:…`.
 *
 * Why not `KeyObject.export({ cipher: 'aes-256-cbc', passphrase })`: it writes the same
 * PBES2 structure, but with OpenSSL's default of 2,048 PBKDF2 iterations and no way to ask
 * for more. A backup file travels (USB stick, mail, a safe): its passphrase is all that
 * protects the book's signing key, so we derive with 600,000 iterations (OWASP's figure for
 * PBKDF2-HMAC-SHA256, ~0.2 s here) and write the DER ourselves. Reading uses Node/OpenSSL's
 * own PKCS#8 decoder, which accepts any PBES2 parameters.
 */

export const MIN_PASSPHRASE_CHARS = 12;
export const KEY_BACKUP_ITERATIONS = 600_000;
/** A key backup is a few hundred bytes; anything much larger is not one. */
export const MAX_KEY_BACKUP_BYTES = 16 * 1024;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const sequence = (...items: Buffer[]): Buffer => der(0x30, Buffer.concat(items));
const octets = (bytes: Buffer): Buffer => der(0x04, bytes);
const NULL = Buffer.from([0x05, 0x00]);

function integer(value: number): Buffer {
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || bytes[0]! >= 0x80) bytes.unshift(0);
  return der(0x02, Buffer.from(bytes));
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) {
      groups.unshift((v % 128) | (groups.length > 0 ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...groups);
  }
  return der(0x06, Buffer.from(out));
}

/** Refuses a passphrase shorter than MIN_PASSPHRASE_CHARS characters (Chinese characters count one each). */
export function checkPassphrase(passphrase: unknown): string {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_CHARS) {
    throw new LedgerError(
      'invalid-input',
      `口令太短：密钥备份的口令至少需要 ${MIN_PASSPHRASE_CHARS} 个字符。请使用一句容易记住、别人难以猜到的话。`,
    );
  }
  return passphrase;
}

function encryptPkcs8(pkcs8: Buffer, passphrase: string, iterations: number): string {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(16);
  const key = crypto.pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  const info = sequence(
    sequence(
      oid(OID.pbes2),
      sequence(
        sequence(oid(OID.pbkdf2), sequence(octets(salt), integer(iterations), sequence(oid(OID.hmacWithSha256), NULL))),
        sequence(oid(OID.aes256Cbc), octets(iv)),
      ),
    ),
    octets(encrypted),
  );
  const lines = info.toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${lines.join('\n')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
}

/**
 * The encrypted PEM of the key `keyId` from `keyStore` (checked to be that Ed25519 key).
 * `iterations` is for tests only.
 */
export function exportKeyBackup(
  keyStore: Pick<KeyStore, 'load'>,
  keyId: string,
  passphrase: string,
  iterations = KEY_BACKUP_ITERATIONS,
): string {
  checkPassphrase(passphrase);
  const stored = keyStore.load(keyId);
  if (!stored) {
    throw new LedgerError(
      'key-missing',
      `这台电脑上没有记录本当前的签名私钥（${keyId}），无法备份。请在保存该密钥的电脑上备份。`,
    );
  }
  const key = importPrivateKey(stored, keyId);
  // Re-exported from the KeyObject: exactly the PKCS#8 of this key, whatever the store held.
  return encryptPkcs8(key.privateKey.export({ format: 'der', type: 'pkcs8' }), passphrase, iterations);
}

/**
 * Decrypts a key backup and checks that it is an Ed25519 key and, with `expectedKeyId`,
 * that it is that key (the book's current key). Throws LedgerError `key-invalid` with a
 * Chinese message; never says more than "wrong passphrase or damaged file" about the content.
 */
export function readKeyBackup(pem: string | Buffer, passphrase: string, expectedKeyId?: string): SigningKey {
  const text = Buffer.isBuffer(pem) ? pem.toString('utf8') : pem;
  if (text.length > MAX_KEY_BACKUP_BYTES || !text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new LedgerError(
      'key-invalid',
      '这不是记录本的密钥备份文件（应为加密的 PKCS#8 PEM：ENCRYPTED PRIVATE KEY）。',
    );
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey({ key: text, format: 'pem', passphrase });
  } catch (error) {
    throw new LedgerError('key-invalid', '无法解开密钥备份：口令不对，或文件已损坏。', { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new LedgerError('key-invalid', '密钥备份中的私钥不是 Ed25519 密钥，不是记录本的签名密钥。');
  }
  const keyId = keyIdOf(crypto.createPublicKey(privateKey));
  if (expectedKeyId !== undefined && keyId !== expectedKeyId) {
    throw new LedgerError(
      'key-invalid',
      `密钥备份中的私钥（${keyId}）不是这本记录本当前的签名密钥（${expectedKeyId}）。请使用最近一次密钥移交后备份的密钥。`,
    );
  }
  return { privateKey, publicKey: crypto.createPublicKey(privateKey), keyId };
}
