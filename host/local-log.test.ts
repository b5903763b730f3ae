import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../db/ledger/errors';
import { startHost } from './http-server';
import { INTERNAL_MESSAGE } from './invoke-method';
import { createLocalLog, LOG_FILE, LOG_FOLDER } from './local-log';
import { createFixtureService, fixtureContract } from './testing/fixture-contract';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'logbook-log-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const PATH = '/home/zhang/.config/党建工作小组工作记录本/data/logbook.sqlite';
const SQL = 'INSERT INTO entries (book, seq, bytes) VALUES (?, ?, ?)';

const readLog = (): Record<string, unknown>[] =>
  fs
    .readFileSync(path.join(dataDir, LOG_FOLDER, LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('an internal error', () => {
  it('reaches the caller as a code and a Chinese sentence; its path, SQL and stack go to the local log', async () => {
    const localLog = createLocalLog(dataDir);
    const service = {
      ...createFixtureService(),
      'notes.fail': () => {
        throw Object.assign(new Error(`SQLITE_IOERR: disk I/O error in ${SQL} at ${PATH}`), { code: 'SQLITE_IOERR' });
      },
    };
    const host = await startHost({
      contract: fixtureContract,
      service,
      staticDir: dataDir,
      onInternalError: (method, error) => localLog.error(method, error),
    });
    try {
      const response = await fetch(`${host.origin}/api/notes.fail`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Logbook-Token': host.token },
        body: JSON.stringify({ kind: 'crash' }),
      });
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
      expect(INTERNAL_MESSAGE).toMatch(/[\u4e00-\u9fff]/);
      for (const secret of [PATH, 'INSERT INTO', 'SQLITE_IOERR', 'local-log.test', '    at '])
        expect(text).not.toContain(secret);
    } finally {
      await host.close();
    }
    const [line] = readLog();
    expect(line).toMatchObject({ level: 'error', method: 'notes.fail', name: 'Error', code: 'SQLITE_IOERR' });
    expect(line?.message).toContain(PATH);
    expect(line?.message).toContain(SQL);
    expect(line?.stack).toContain('local-log.test');
    expect(Date.parse(String(line?.time))).not.toBeNaN();
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dataDir, LOG_FOLDER)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(localLog.file).mode & 0o777).toBe(0o600);
    }
  });
});

describe('createLocalLog', () => {
  it('keeps the causes (the SQLite detail a LedgerError no longer shows the user)', () => {
    const sqlite = Object.assign(new Error(`database disk image is malformed: ${PATH}`), { code: 'SQLITE_CORRUPT' });
    createLocalLog(dataDir).error(
      'entries.list',
      new LedgerError('database-corrupt', '数据库文件已损坏。', { cause: sqlite }),
    );
    const [line] = readLog();
    expect(line).toMatchObject({ name: 'LedgerError', code: 'database-corrupt', causes: [{ code: 'SQLITE_CORRUPT' }] });
    expect(JSON.stringify(line)).toContain(PATH);
  });

  it('moves a full log to logbook.log.1 and starts a new one', () => {
    const localLog = createLocalLog(dataDir, { maxBytes: 600 });
    for (let i = 0; i < 5; i++) localLog.note('test', `第 ${i} 行 ${'x'.repeat(100)}`);
    const old = fs.readFileSync(`${localLog.file}.1`, 'utf8');
    expect(old.length).toBeGreaterThan(0);
    expect(fs.statSync(localLog.file).size).toBeLessThanOrEqual(600);
    expect(fs.readFileSync(localLog.file, 'utf8')).toContain('第 4 行');
  });

  it('never throws, even with nowhere to write or a strange thing thrown', () => {
    fs.writeFileSync(path.join(dataDir, LOG_FOLDER), 'a file where the folder should be');
    const localLog = createLocalLog(dataDir);
    const hostile = {
      toString: () => {
        throw new Error('no');
      },
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(() => localLog.error('x', hostile)).not.toThrow();
    expect(() => localLog.error('x', new Error('y'))).not.toThrow();
  });
});
