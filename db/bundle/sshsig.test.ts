import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { openSshLineOf } from '../ledger/keys';
import { allowedSignersLine, BUNDLE_NAMESPACE, parseSshsig, signSshsigWithKey, verifySshsig } from './sshsig';

const PRINCIPAL = 'book-1234';
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('sshsig-');
});
afterAll(() => tmp.remove());

function sshVerify(
  dir: string,
  message: string,
  sigFile: string,
  namespace = BUNDLE_NAMESPACE,
): { ok: boolean; out: string } {
  const r = spawnSync(
    'ssh-keygen',
    ['-Y', 'verify', '-f', path.join(dir, 'allowed_signers'), '-I', PRINCIPAL, '-n', namespace, '-s', sigFile],
    { input: fs.readFileSync(message), encoding: 'utf8' },
  );
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function ourKey(): { line: string; privateKey: crypto.KeyObject } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { line: openSshLineOf(publicKey, 'test key'), privateKey };
}

describe('SSHSIG against the real ssh-keygen', () => {
  it('our signature verifies with ssh-keygen -Y verify; a changed message, namespace or key does not', () => {
    const dir = fs.mkdtempSync(path.join(tmp.dir, 'ours-'));
    const key = ourKey();
    const other = ourKey();
    const message = Buffer.from('党建工作小组 tagmanifest\n'.repeat(50));
    fs.writeFileSync(path.join(dir, 'msg'), message);
    fs.writeFileSync(path.join(dir, 'msg.sig'), signSshsigWithKey(message, BUNDLE_NAMESPACE, key.line, key.privateKey));
    fs.writeFileSync(path.join(dir, 'allowed_signers'), allowedSignersLine(PRINCIPAL, key.line) + '\n');
    const good = sshVerify(dir, path.join(dir, 'msg'), path.join(dir, 'msg.sig'));
    expect(good.out).toContain('Good "dangjian-logbook-bundle" signature for book-1234');
    expect(good.ok).toBe(true);

    fs.writeFileSync(path.join(dir, 'msg2'), Buffer.concat([message, Buffer.from('x')]));
    expect(sshVerify(dir, path.join(dir, 'msg2'), path.join(dir, 'msg.sig')).ok).toBe(false);
    expect(sshVerify(dir, path.join(dir, 'msg'), path.join(dir, 'msg.sig'), 'file').ok).toBe(false);
    fs.writeFileSync(
      path.join(dir, 'other.sig'),
      signSshsigWithKey(message, BUNDLE_NAMESPACE, other.line, other.privateKey),
    );
    expect(sshVerify(dir, path.join(dir, 'msg'), path.join(dir, 'other.sig')).ok).toBe(false);
    fs.writeFileSync(path.join(dir, 'ns.sig'), signSshsigWithKey(message, 'file', key.line, key.privateKey));
    expect(sshVerify(dir, path.join(dir, 'msg'), path.join(dir, 'ns.sig')).ok).toBe(false);
  });

  it('a signature made by ssh-keygen -Y sign verifies with ours; a changed message, namespace or key does not', () => {
    const dir = fs.mkdtempSync(path.join(tmp.dir, 'theirs-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'them', '-f', path.join(dir, 'id')]);
    const line = fs.readFileSync(path.join(dir, 'id.pub'), 'utf8').trim();
    const message = Buffer.from('hello 你好\n');
    fs.writeFileSync(path.join(dir, 'msg'), message);
    execFileSync('ssh-keygen', [
      '-q',
      '-Y',
      'sign',
      '-f',
      path.join(dir, 'id'),
      '-n',
      BUNDLE_NAMESPACE,
      path.join(dir, 'msg'),
    ]);
    const armored = fs.readFileSync(path.join(dir, 'msg.sig'), 'utf8');
    expect(verifySshsig(armored, message, BUNDLE_NAMESPACE, line)).toMatchObject({ ok: true });
    expect(parseSshsig(armored)).toMatchObject({ namespace: BUNDLE_NAMESPACE, hashAlgorithm: 'sha512' });

    expect(verifySshsig(armored, Buffer.from('hello 你好!\n'), BUNDLE_NAMESPACE, line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/改动/),
    });
    expect(verifySshsig(armored, message, 'file', line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/namespace/),
    });
    expect(verifySshsig(armored, message, BUNDLE_NAMESPACE, ourKey().line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/不是登记的密钥/),
    });
  });

  it("the armored form is ssh-keygen's: 70-column base64 between the markers", () => {
    const key = ourKey();
    const armored = signSshsigWithKey(Buffer.from('x'), BUNDLE_NAMESPACE, key.line, key.privateKey);
    const lines = armored.split('\n');
    expect(lines[0]).toBe('-----BEGIN SSH SIGNATURE-----');
    expect(lines.at(-2)).toBe('-----END SSH SIGNATURE-----');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -3).every((l) => l.length === 70)).toBe(true);
  });

  it('parses strictly: trailing bytes, wrong version, junk base64 and oversize input are refused', () => {
    const key = ourKey();
    const message = Buffer.from('m');
    const armored = signSshsigWithKey(message, BUNDLE_NAMESPACE, key.line, key.privateKey);
    const blob = Buffer.from(armored.split('\n').slice(1, -2).join(''), 'base64');
    const rearm = (b: Buffer): string =>
      `-----BEGIN SSH SIGNATURE-----\n${b.toString('base64')}\n-----END SSH SIGNATURE-----\n`;
    expect(verifySshsig(rearm(blob), message, BUNDLE_NAMESPACE, key.line).ok).toBe(true);
    expect(
      verifySshsig(rearm(Buffer.concat([blob, Buffer.from([0])])), message, BUNDLE_NAMESPACE, key.line),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/trailing/),
    });
    const v2 = Buffer.from(blob);
    v2.writeUInt32BE(2, 6);
    expect(verifySshsig(rearm(v2), message, BUNDLE_NAMESPACE, key.line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/version/),
    });
    const huge = Buffer.from(blob);
    huge.writeUInt32BE(0xffffffff, 10);
    expect(verifySshsig(rearm(huge), message, BUNDLE_NAMESPACE, key.line).ok).toBe(false);
    expect(verifySshsig(armored.replace('\n', '\n*'), message, BUNDLE_NAMESPACE, key.line).ok).toBe(false);
    expect(verifySshsig('x'.repeat(10_000), message, BUNDLE_NAMESPACE, key.line).ok).toBe(false);
    expect(verifySshsig(rearm(blob.subarray(0, blob.length - 1)), message, BUNDLE_NAMESPACE, key.line).ok).toBe(false);
  });

  it('allowed_signers line: principal, namespace, key without comment; odd principals refused', () => {
    const key = ourKey();
    const line = allowedSignersLine(PRINCIPAL, key.line);
    expect(line).toBe(`${PRINCIPAL} namespaces="dangjian-logbook-bundle" ${key.line.split(' ').slice(0, 2).join(' ')}`);
    expect(() => allowedSignersLine('a b', key.line)).toThrow();
    expect(() => allowedSignersLine('a,b', key.line)).toThrow();
    expect(() => allowedSignersLine(PRINCIPAL, 'ssh-rsa AAAA')).toThrow();
  });
});
