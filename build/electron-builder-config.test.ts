/**
 * The packaging config cannot be exercised here (electron-builder needs Node 22 and
 * network), so this test does what can be done: parse it with the YAML parser and
 * validate it with the JSON schema that electron-builder itself ships, using the same
 * libraries electron-builder uses (resolved through app-builder-lib), and pin the
 * security-relevant fields so a careless edit fails CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../scripts/make-icon';

const root = path.resolve(import.meta.dirname, '..');
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = builderRequire('ajv') as new (options: Record<string, unknown>) => { compile(schema: unknown): Validate };
const schema: unknown = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8'));

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[]; category: string; maintainer: string };
  deb: Record<string, unknown>;
  publish: unknown;
  [key: string]: unknown;
}

function loadConfig(): BuilderConfig {
  return yaml.load(readFileSync(path.join(root, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

describe('build/electron-builder.yml', () => {
  it('validates against electron-builder’s own schema', () => {
    const ok = validate(loadConfig());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail (misspelt or mistyped fields are caught)', () => {
    const misspelt = loadConfig();
    misspelt.nsis.oneclick = false;
    expect(validate(misspelt)).toBe(false);
    const mistyped = loadConfig();
    mistyped.electronFuses.runAsNode = 'no' as unknown as boolean;
    expect(validate(mistyped)).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs into an asar with better-sqlite3 unpacked and the built app only', () => {
    const config = loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!out/native/**']),
    );
    expect(config.files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(config.publish).toBeNull();
  });

  it('names the product in Chinese and ships a Chinese, per-user NSIS installer that keeps data', () => {
    const config = loadConfig();
    expect(config.productName).toBe('党建工作小组工作记录本');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      installerLanguages: ['zh_CN'],
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('builds deb (x64, arm64) for UOS/Kylin and AppImage', () => {
    const config = loadConfig();
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('points at a real 512×512 PNG icon', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    // Walk the chunks: every CRC must match and the image data must inflate to 512 rows.
    let offset = 8;
    const idat: Buffer[] = [];
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const typeAndData = png.subarray(offset + 4, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typeAndData));
      if (typeAndData.subarray(0, 4).toString('latin1') === 'IDAT') idat.push(typeAndData.subarray(4));
      offset += 12 + length;
    }
    expect(inflateSync(Buffer.concat(idat)).length).toBe(512 * (512 * 4 + 1));
    expect(existsSync(path.join(root, 'build', 'icon.png'))).toBe(true);
  });
});
