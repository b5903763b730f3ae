import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { MemoryKeyStore } from '../test-support/memory-key-store';
import { checkPassphrase, exportKeyBackup, readKeyBackup } from './key-backup';
import { exportPrivateKey, generateSigningKey, rawPublicKey, type SigningKey } from './keys';

/**
 * Key backups: an encrypted PKCS#8 PEM (PBES2, PBKDF2-HMAC-SHA256 600,000 iterations,
 * AES-256-CBC) that the real openssl on this machine reads with the passphrase, and that we
 * read back only as the book's own Ed25519 key.
 */

const PASS = '红旗渠精神永放光芒 2025';
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

let tmp: ReturnType<typeof makeTempDir>;
let key: SigningKey;
let keys: MemoryKeyStore;
let pem = '';

beforeAll(() => {
  tmp = makeTempDir('key-backup-');
  key = generateSigningKey();
  keys = new MemoryKeyStore();
  keys.save(key.keyId, exportPrivateKey(key.privateKey));
  pem = exportKeyBackup(keys, key.keyId, PASS);
});
afterAll(() => tmp?.remove());

describe('key backup', () => {
  it('is an encrypted PKCS#8 PEM that reads back as the same key', () => {
    expect(pem).toMatch(
      /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END ENCRYPTED PRIVATE KEY-----\n$/u,
    );
    const back = readKeyBackup(pem, PASS, key.keyId);
    expect(back.keyId).toBe(key.keyId);
    expect(rawPublicKey(back.publicKey).equals(rawPublicKey(key.publicKey))).toBe(true);
    // Fresh salt and IV every time.
    expect(exportKeyBackup(keys, key.keyId, PASS)).not.toBe(pem);
  });

  it.skipIf(!hasOpenssl)(
    'is read by openssl pkey with the passphrase (PBES2, PBKDF2 600,000, hmacWithSHA256, AES-256-CBC), and not without it',
    () => {
      const file = tmp.file('key.pem');
      fs.writeFileSync(file, pem);
      const parsed = spawnSync('openssl', ['asn1parse', '-in', file], { encoding: 'utf8' });
      expect(parsed.stdout).toMatch(/:PBES2/u);
      expect(parsed.stdout).toMatch(/:PBKDF2/u);
      expect(parsed.stdout).toMatch(/:hmacWithSHA256/u);
      expect(parsed.stdout).toMatch(/:aes-256-cbc/u);
      expect(parsed.stdout).toMatch(/INTEGER\s+:0927C0/u);
      const pub = spawnSync('openssl', ['pkey', '-in', file, '-passin', `pass:${PASS}`, '-pubout', '-outform', 'DER'], {
        maxBuffer: 1 << 20,
      });
      expect(pub.status, pub.stderr.toString()).toBe(0);
      // SubjectPublicKeyInfo of Ed25519: 12 bytes of header, then the 32 raw bytes.
      expect((pub.stdout as Buffer).subarray(-32).equals(rawPublicKey(key.publicKey))).toBe(true);
      const wrong = spawnSync('openssl', ['pkey', '-in', file, '-passin', 'pass:not the passphrase', '-noout']);
      expect(wrong.status).not.toBe(0);
    },
  );

  it('refuses short passphrases, wrong passphrases, other keys and files that are not backups', () => {
    expect(() => checkPassphrase('短口令')).toThrow(/至少需要 12 个字符/u);
    expect(() => exportKeyBackup(keys, key.keyId, '12345678901')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    // Twelve Chinese characters are twelve characters.
    expect(checkPassphrase('不忘初心牢记使命永远奋斗吧')).toBe('不忘初心牢记使命永远奋斗吧');
    expect(() => readKeyBackup(pem, 'not the passphrase!')).toThrow(/口令不对/u);
    const other = generateSigningKey();
    expect(() => readKeyBackup(pem, PASS, other.keyId)).toThrow(/不是这本记录本当前的签名密钥/u);
    const plain = key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    expect(() => readKeyBackup(plain, PASS)).toThrow(/不是记录本的密钥备份文件/u);
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ec = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: PASS }) as string;
    expect(() => readKeyBackup(ec, PASS)).toThrow(/不是 Ed25519/u);
    expect(() => exportKeyBackup(keys, other.keyId, PASS)).toThrow(expect.objectContaining({ code: 'key-missing' }));
  });
});
