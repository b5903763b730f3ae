import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from './durable-file';
import { LedgerError } from './errors';
import type { KeyProtection, KeyStore } from './types';

/**
 * Ed25519 book keys. The key id is what `ssh-keygen -lf` prints for the OpenSSH public key
 * (`SHA256:` + unpadded base64 of SHA-256 of the SSH wire-format key), so an office can
 * check the fingerprint it filed (备案) with standard tools, and the bundle's SSHSIG
 * signature can be checked with `ssh-keygen -Y verify`.
 */

const KEY_TYPE = 'ssh-ed25519';
const KEY_ID = /^SHA256:[A-Za-z0-9+/]{43}$/;

export function isKeyId(value: unknown): value is string {
  return typeof value === 'string' && KEY_ID.test(value);
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

export interface PublicKeyInfo {
  publicKey: KeyObject;
  /** The 32 raw Ed25519 bytes. */
  raw: Buffer;
  keyId: string;
}

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new LedgerError('key-invalid', '密钥不是 Ed25519 密钥。');
  }
  return Buffer.from(jwk.x, 'base64url');
}

/** SSH wire format: string "ssh-ed25519", string <32 key bytes>. */
export function sshWireOf(raw: Buffer): Buffer {
  return Buffer.concat([sshString(Buffer.from(KEY_TYPE)), sshString(raw)]);
}

export function keyIdOfRaw(raw: Buffer): string {
  return 'SHA256:' + crypto.createHash('sha256').update(sshWireOf(raw)).digest('base64').replace(/=+$/, '');
}

export function keyIdOf(publicKey: KeyObject): string {
  return keyIdOfRaw(rawPublicKey(publicKey));
}

/** `ssh-ed25519 AAAA… comment`, the line an authorized_keys / allowed_signers file uses. */
export function openSshLineOf(publicKey: KeyObject, comment: string): string {
  const cleanComment = comment.replace(/\s+/g, '_');
  return `${KEY_TYPE} ${sshWireOf(rawPublicKey(publicKey)).toString('base64')}${cleanComment ? ' ' + cleanComment : ''}`;
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** Strictly parses an OpenSSH Ed25519 public key line; null if it is anything else. */
export function parseOpenSshLine(line: unknown): PublicKeyInfo | null {
  if (typeof line !== 'string') return null;
  const parts = line.split(' ');
  if (parts.length < 2 || parts[0] !== KEY_TYPE) return null;
  const b64 = parts[1]!;
  const wire = Buffer.from(b64, 'base64');
  // Node's base64 decoder skips junk characters; insist on the exact encoding.
  if (wire.toString('base64') !== b64 || wire.length !== 51) return null;
  const expected = sshWireOf(wire.subarray(19));
  if (!expected.equals(wire)) return null;
  const raw = Buffer.from(wire.subarray(19));
  try {
    return { publicKey: publicKeyFromRaw(raw), raw, keyId: keyIdOfRaw(raw) };
  } catch {
    return null;
  }
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function exportPrivateKey(privateKey: KeyObject): Buffer {
  return privateKey.export({ format: 'der', type: 'pkcs8' });
}

/** Loads a PKCS#8 DER private key and checks that it belongs to `keyId`. */
export function importPrivateKey(der: Buffer, keyId: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new LedgerError('key-invalid', `私钥文件无法读取（密钥 ${keyId}）。`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new LedgerError('key-invalid', `私钥不是 Ed25519 密钥（密钥 ${keyId}）。`);
  }
  const publicKey = crypto.createPublicKey(privateKey);
  if (keyIdOf(publicKey) !== keyId) {
    throw new LedgerError('key-invalid', `私钥与账本登记的公钥 ${keyId} 不匹配。`);
  }
  return { privateKey, publicKey, keyId };
}

export function signBytes(privateKey: KeyObject, data: Uint8Array): Buffer {
  return crypto.sign(null, data, privateKey);
}

export function verifyBytes(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return crypto.verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}

/** Strict base64 of a 64-byte Ed25519 signature; null otherwise. */
export function decodeSignature(text: unknown): Buffer | null {
  if (typeof text !== 'string') return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 64 && bytes.toString('base64') === text ? bytes : null;
}

/**
 * Private keys as PKCS#8 DER files (mode 0600) in one folder (mode 0700). electron/ wraps
 * a KeyStore with safeStorage; this one is for tests, the CLI and the browser host.
 */
export class FileKeyStore implements KeyStore {
  constructor(readonly folder: string) {}

  private fileOf(keyId: string): string {
    if (!isKeyId(keyId)) throw new LedgerError('key-invalid', `密钥标识格式不对：${String(keyId)}`);
    // base64url keeps the name a single, portable path segment ('/' and '+' are not).
    const name = Buffer.from(keyId.slice('SHA256:'.length), 'base64').toString('base64url');
    return path.join(this.folder, `ed25519-${name}.pk8`);
  }

  save(keyId: string, pkcs8Der: Buffer): void {
    const file = this.fileOf(keyId);
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    writeFileDurably(file, pkcs8Der, 0o600);
  }

  load(keyId: string): Buffer | null {
    try {
      return fs.readFileSync(this.fileOf(keyId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Plain files: only the folder's owner-only permissions protect them. */
  protection(): KeyProtection {
    return 'none';
  }
}
