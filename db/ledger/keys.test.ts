import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import {
  exportPrivateKey,
  FileKeyStore,
  generateSigningKey,
  importPrivateKey,
  keyIdOf,
  openSshLineOf,
  parseOpenSshLine,
} from './keys';
import { LedgerError } from './errors';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('keys-');
});
afterEach(() => tmp.remove());

function sshKeygen(): string | null {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
  } catch (error) {
    // ssh-keygen -? exits non-zero but exists; ENOENT means it is not installed.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  return 'ssh-keygen';
}

/** A key made by `ssh-keygen -t ed25519 -C vector` and what `ssh-keygen -lf` printed for it. */
const VECTOR = {
  line: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIARyuJxp9R9LBIFN4BQWDy5B/VRCMfusasrMfacceVv9 vector',
  keyId: 'SHA256:4Ow9HkuzIh4GU0632UGhh9ZOtZS5+vf2M22a3uSW1eU',
};

describe('key ids', () => {
  it('matches a fixed ssh-keygen vector', () => {
    const parsed = parseOpenSshLine(VECTOR.line);
    expect(parsed?.keyId).toBe(VECTOR.keyId);
    expect(openSshLineOf(parsed!.publicKey, 'vector')).toBe(VECTOR.line);
  });

  it('matches `ssh-keygen -lf` for generated keys, and reads keys ssh-keygen made', () => {
    const tool = sshKeygen();
    if (!tool) return; // the fixed vector above still covers the algorithm
    for (let i = 0; i < 3; i++) {
      const key = generateSigningKey();
      const file = tmp.file(`k${i}.pub`);
      fs.writeFileSync(file, openSshLineOf(key.publicKey, `dangjian-logbook:测试 ${i}`) + '\n');
      const printed = execFileSync(tool, ['-lf', file], { encoding: 'utf8' });
      expect(printed.split(' ')[1]).toBe(key.keyId);
      expect(keyIdOf(key.publicKey)).toBe(key.keyId);
    }
    const own = tmp.file('own');
    execFileSync(tool, ['-q', '-t', 'ed25519', '-N', '', '-C', 'own', '-f', own]);
    const line = fs.readFileSync(own + '.pub', 'utf8').trim();
    const printed = execFileSync(tool, ['-lf', own + '.pub'], { encoding: 'utf8' });
    expect(parseOpenSshLine(line)?.keyId).toBe(printed.split(' ')[1]);
  });

  it('parses OpenSSH lines strictly', () => {
    const [type, b64] = VECTOR.line.split(' ') as [string, string];
    expect(parseOpenSshLine(`${type} ${b64}`)?.keyId).toBe(VECTOR.keyId);
    expect(parseOpenSshLine(`ssh-rsa ${b64}`)).toBeNull();
    expect(parseOpenSshLine(`${type} ${b64.slice(0, -1)}`)).toBeNull();
    expect(parseOpenSshLine(`${type} ${b64.slice(0, 10)}!${b64.slice(10)}`)).toBeNull();
    expect(parseOpenSshLine(`${type} ${Buffer.from('x'.repeat(51)).toString('base64')}`)).toBeNull();
    expect(parseOpenSshLine(42)).toBeNull();
  });
});

describe('FileKeyStore', () => {
  it('stores PKCS#8 DER with mode 0600 in a 0700 folder and loads it back', () => {
    const folder = path.join(tmp.dir, 'keys');
    const store = new FileKeyStore(folder);
    const key = generateSigningKey();
    store.save(key.keyId, exportPrivateKey(key.privateKey));
    const files = fs.readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^ed25519-[A-Za-z0-9_-]+\.pk8$/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(folder, files[0]!)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    }
    const loaded = store.load(key.keyId)!;
    expect(importPrivateKey(loaded, key.keyId).keyId).toBe(key.keyId);
    expect(store.load(generateSigningKey().keyId)).toBeNull();
  });

  it('says its keys are protected by file permissions only (for the UI to warn)', () => {
    expect(new FileKeyStore(path.join(tmp.dir, 'keys')).protection()).toBe('none');
  });

  it('refuses a private key that does not belong to the key id', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(() => importPrivateKey(exportPrivateKey(a.privateKey), b.keyId)).toThrow(LedgerError);
    expect(() => importPrivateKey(Buffer.from('garbage'), a.keyId)).toThrow(/无法读取/);
  });
});
