import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPrivateKey, generateSigningKey } from '../db/ledger/keys';
import { FileKeyStore } from '../db/ledger/index';
import type { KeyStore } from '../db/ledger/types';
import { createSafeStorageKeyStore } from './key-store';
import type { SafeStorageLike } from './key-store';

function memoryStore(): KeyStore & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    save: (id, data) => void files.set(id, Buffer.from(data)),
    load: (id) => files.get(id) ?? null,
  };
}

/** A reversible stand-in for the OS: XOR with a per-"user" byte, tagged so we can see it was used. */
function fakeSafeStorage(options: {
  available: boolean;
  backend?: string;
  userByte?: number;
}): SafeStorageLike & { available: boolean } {
  const userByte = options.userByte ?? 0x5a;
  const state = {
    available: options.available,
    isEncryptionAvailable: () => state.available,
    encryptString: (plain: string) =>
      Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ userByte)]),
    decryptString: (sealed: Buffer) => {
      if (!sealed.subarray(0, 3).equals(Buffer.from('v10'))) throw new Error('bad');
      const plain = Buffer.from(sealed.subarray(3).map((b) => b ^ userByte)).toString('utf8');
      if (!/^[A-Za-z0-9+/=]*$/.test(plain)) throw new Error('wrong key');
      return plain;
    },
    getSelectedStorageBackend: () =>
      (options.backend ?? 'gnome_libsecret') as ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>,
  };
  return state;
}

const der = Buffer.from('302e020100300506032b657004220420' + 'ab'.repeat(32), 'hex');

describe('createSafeStorageKeyStore', () => {
  it('round-trips a key and never writes the DER bytes to the file store', () => {
    const inner = memoryStore();
    const store = createSafeStorageKeyStore(inner, fakeSafeStorage({ available: true }), 'win32');
    store.save('k1', der);
    const onDisk = inner.files.get('k1');
    expect(onDisk).toBeDefined();
    expect(onDisk?.includes(der)).toBe(false);
    expect(onDisk?.includes(Buffer.from(der.toString('base64')))).toBe(false);
    expect(store.load('k1')).toEqual(der);
    expect(store.protection()).toBe('os');
  });

  it('returns null for an unknown key', () => {
    expect(createSafeStorageKeyStore(memoryStore(), fakeSafeStorage({ available: true })).load('nope')).toBeNull();
  });

  it('falls back to a plain record when the OS has no encryption, says so, and upgrades later', () => {
    const inner = memoryStore();
    const safe = fakeSafeStorage({ available: false });
    const store = createSafeStorageKeyStore(inner, safe, 'linux');
    store.save('k1', der);
    expect(store.protection()).toBe('none');
    expect(store.load('k1')).toEqual(der);
    safe.available = true;
    expect(store.load('k1')).toEqual(der);
    expect(inner.files.get('k1')?.includes(der)).toBe(false);
  });

  it('upgrades a legacy raw record written by the plain file store', () => {
    const inner = memoryStore();
    inner.save('k1', der);
    const store = createSafeStorageKeyStore(inner, fakeSafeStorage({ available: true }));
    expect(store.load('k1')).toEqual(der);
    expect(inner.files.get('k1')?.includes(der)).toBe(false);
    expect(store.load('k1')).toEqual(der);
  });

  it('reports the Linux basic_text backend as weak', () => {
    expect(
      createSafeStorageKeyStore(
        memoryStore(),
        fakeSafeStorage({ available: true, backend: 'basic_text' }),
        'linux',
      ).protection(),
    ).toBe('weak');
  });

  it('fails with a Chinese key-locked error when the keychain cannot decrypt (other user)', () => {
    const inner = memoryStore();
    createSafeStorageKeyStore(inner, fakeSafeStorage({ available: true, userByte: 0x11 })).save('k1', der);
    const otherUser = createSafeStorageKeyStore(inner, fakeSafeStorage({ available: true, userByte: 0x77 }));
    expect(() => otherUser.load('k1')).toThrow(
      expect.objectContaining({ code: 'key-locked', message: expect.stringMatching(/密钥/) }),
    );
  });
});

describe('createSafeStorageKeyStore over the real FileKeyStore', () => {
  it('stores a real Ed25519 key encrypted on disk and loads it back', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'logbook-keys-'));
    const key = generateSigningKey();
    const pkcs8 = exportPrivateKey(key.privateKey);
    const store = createSafeStorageKeyStore(new FileKeyStore(folder), fakeSafeStorage({ available: true }), 'win32');
    store.save(key.keyId, pkcs8);
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const onDisk = readFileSync(path.join(folder, files[0] ?? ''));
    expect(onDisk.includes(pkcs8)).toBe(false);
    expect(store.load(key.keyId)).toEqual(pkcs8);
    await rm(folder, { recursive: true, force: true });
  });
});
