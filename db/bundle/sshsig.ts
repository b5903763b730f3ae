import crypto from 'node:crypto';
import { keyIdOfRaw, parseOpenSshLine } from '../ledger/keys';

/**
 * SSHSIG (OpenSSH PROTOCOL.sshsig) for Ed25519, so a bundle's signature can be checked with
 * nothing but `ssh-keygen -Y verify`. Small on purpose: one key type (ssh-ed25519), sha512 to
 * sign (what ssh-keygen uses), sha256 or sha512 accepted on verify, and a strict parser
 * (bounded lengths, no trailing bytes, version 1, empty reserved field) because the armored
 * text comes from a file a stranger handed us.
 */

export const BUNDLE_NAMESPACE = 'dangjian-logbook-bundle';

const MAGIC = Buffer.from('SSHSIG');
const VERSION = 1;
const KEY_TYPE = 'ssh-ed25519';
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
const WRAP = 70;
/** Far above any real Ed25519 SSHSIG (~300 bytes armored); refuses absurd input before decoding. */
const MAX_ARMORED = 4096;
const MAX_FIELD = 256;

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([u32(bytes.length), bytes]);
}

function ed25519Wire(raw: Buffer): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(raw)]);
}

type HashAlgorithm = 'sha256' | 'sha512';

/** The bytes the key actually signs (PROTOCOL.sshsig §"Signed Data"). */
export function sshsigSignedData(message: Buffer, namespace: string, hashAlgorithm: HashAlgorithm = 'sha512'): Buffer {
  const digest = crypto.createHash(hashAlgorithm).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(hashAlgorithm), sshString(digest)]);
}

function armor(blob: Buffer): string {
  const b64 = blob.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += WRAP) lines.push(b64.slice(i, i + WRAP));
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

function checkNamespace(namespace: string): void {
  if (!/^[A-Za-z0-9@._-]{1,64}$/.test(namespace))
    throw new Error(`SSHSIG namespace not allowed: ${JSON.stringify(namespace)}`);
}

/**
 * Signs `message` and returns the armored signature (what `ssh-keygen -Y sign` writes to `file.sig`).
 * `sign` returns the raw 64-byte Ed25519 signature of its input with the private key of
 * `publicKeyLine` (an OpenSSH `ssh-ed25519 AAAA…` line), so private keys never pass through here.
 */
export function signSshsig(
  message: Buffer,
  namespace: string,
  publicKeyLine: string,
  sign: (data: Buffer) => Buffer,
): string {
  checkNamespace(namespace);
  const key = parseOpenSshLine(publicKeyLine);
  if (!key) throw new Error('SSHSIG: the public key is not an OpenSSH ssh-ed25519 line');
  const data = sshsigSignedData(message, namespace, 'sha512');
  const signature = sign(data);
  if (signature.length !== 64) throw new Error('SSHSIG: the signer did not return a 64-byte Ed25519 signature');
  if (!crypto.verify(null, data, key.publicKey, signature)) {
    throw new Error('SSHSIG: the signature does not match the public key (wrong private key?)');
  }
  const blob = Buffer.concat([
    MAGIC,
    u32(VERSION),
    sshString(ed25519Wire(key.raw)),
    sshString(namespace),
    sshString(''),
    sshString('sha512'),
    sshString(Buffer.concat([sshString(KEY_TYPE), sshString(signature)])),
  ]);
  return armor(blob);
}

/** Signs with a node:crypto private key (tests, and callers that hold the key object). */
export function signSshsigWithKey(
  message: Buffer,
  namespace: string,
  publicKeyLine: string,
  privateKey: crypto.KeyObject,
): string {
  return signSshsig(message, namespace, publicKeyLine, (data) => crypto.sign(null, data, privateKey));
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  take(n: number): Buffer {
    if (n > this.buf.length - this.at) throw new Error('truncated');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  u32(): number {
    return this.take(4).readUInt32BE();
  }

  string(max = MAX_FIELD): Buffer {
    const n = this.u32();
    if (n > max) throw new Error('field too long');
    return this.take(n);
  }

  text(max = MAX_FIELD): string {
    const bytes = this.string(max);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) throw new Error('not UTF-8');
    return text;
  }

  end(): void {
    if (this.at !== this.buf.length) throw new Error('trailing bytes');
  }
}

export interface ParsedSshsig {
  /** The 32 raw Ed25519 public key bytes embedded in the signature. */
  publicKey: Buffer;
  keyId: string;
  namespace: string;
  hashAlgorithm: HashAlgorithm;
  signature: Buffer;
}

/** Strictly decodes an armored SSHSIG; throws Error with an English reason on anything unexpected. */
export function parseSshsig(armored: string): ParsedSshsig {
  if (typeof armored !== 'string' || armored.length > MAX_ARMORED) throw new Error('SSHSIG: too long or not text');
  const lines = armored.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length < 3 || lines[0] !== BEGIN || lines[lines.length - 1] !== END) {
    throw new Error('SSHSIG: not an armored SSH signature');
  }
  const body = lines.slice(1, -1);
  if (body.some((l) => !/^[A-Za-z0-9+/=]+$/.test(l))) throw new Error('SSHSIG: bad base64 line');
  const b64 = body.join('');
  const blob = Buffer.from(b64, 'base64');
  if (blob.toString('base64') !== b64) throw new Error('SSHSIG: bad base64');
  try {
    const r = new Reader(blob);
    if (!r.take(MAGIC.length).equals(MAGIC)) throw new Error('bad magic');
    if (r.u32() !== VERSION) throw new Error('unsupported version');
    const keyReader = new Reader(r.string());
    if (keyReader.text() !== KEY_TYPE) throw new Error('not an ssh-ed25519 key');
    const publicKey = Buffer.from(keyReader.string());
    keyReader.end();
    if (publicKey.length !== 32) throw new Error('bad Ed25519 key length');
    const namespace = r.text();
    if (r.string().length !== 0) throw new Error('reserved field not empty');
    const hashAlgorithm = r.text();
    if (hashAlgorithm !== 'sha512' && hashAlgorithm !== 'sha256') throw new Error('unsupported hash algorithm');
    const sigReader = new Reader(r.string());
    if (sigReader.text() !== KEY_TYPE) throw new Error('not an ssh-ed25519 signature');
    const signature = Buffer.from(sigReader.string());
    sigReader.end();
    if (signature.length !== 64) throw new Error('bad Ed25519 signature length');
    r.end();
    return { publicKey, keyId: keyIdOfRaw(publicKey), namespace, hashAlgorithm, signature };
  } catch (error) {
    throw new Error(`SSHSIG: ${(error as Error).message}`, { cause: error });
  }
}

export type SshsigVerdict = { ok: true; keyId: string } | { ok: false; reason: string };

/**
 * Verifies an armored SSHSIG over `message` in `namespace` by the key of `publicKeyLine`
 * (what `ssh-keygen -Y verify` does with one allowed_signers line). Never throws; the reason is Chinese.
 */
export function verifySshsig(
  armored: string,
  message: Buffer,
  namespace: string,
  publicKeyLine: string,
): SshsigVerdict {
  const expected = parseOpenSshLine(publicKeyLine);
  if (!expected) return { ok: false, reason: '用于核验的公钥不是 OpenSSH ssh-ed25519 格式。' };
  let parsed: ParsedSshsig;
  try {
    parsed = parseSshsig(armored);
  } catch (error) {
    return { ok: false, reason: `签名文件格式不对（${(error as Error).message}）。` };
  }
  if (parsed.namespace !== namespace) {
    return { ok: false, reason: `签名的用途（namespace）是 ${parsed.namespace}，不是 ${namespace}。` };
  }
  if (!parsed.publicKey.equals(expected.raw)) {
    return { ok: false, reason: `签名所用的密钥 ${parsed.keyId} 不是登记的密钥 ${expected.keyId}。` };
  }
  const data = sshsigSignedData(message, namespace, parsed.hashAlgorithm);
  let good: boolean;
  try {
    good = crypto.verify(null, data, expected.publicKey, parsed.signature);
  } catch {
    good = false;
  }
  return good ? { ok: true, keyId: expected.keyId } : { ok: false, reason: '签名与内容不符：文件可能被改动过。' };
}

/**
 * One allowed_signers line (ssh-keygen(1) ALLOWED SIGNERS): the principal, the namespace
 * restriction, and the key without its comment.
 */
export function allowedSignersLine(
  principal: string,
  publicKeyLine: string,
  namespace: string = BUNDLE_NAMESPACE,
): string {
  if (!/^[A-Za-z0-9._@-]{1,128}$/.test(principal))
    throw new Error(`allowed_signers principal not allowed: ${JSON.stringify(principal)}`);
  checkNamespace(namespace);
  const key = parseOpenSshLine(publicKeyLine);
  if (!key) throw new Error('allowed_signers: the public key is not an OpenSSH ssh-ed25519 line');
  return `${principal} namespaces="${namespace}" ${KEY_TYPE} ${ed25519Wire(key.raw).toString('base64')}`;
}
