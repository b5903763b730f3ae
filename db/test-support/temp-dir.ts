import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory under os.tmpdir(); call `remove()` in afterEach/afterAll. */
export function makeTempDir(prefix = 'logbook-test-'): { dir: string; file(name: string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name: string) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies a closed database and its outside checkpoint folder (`<db>.checkpoints`) to `toDb`. */
export function copyDatabase(fromDb: string, toDb: string): void {
  fs.copyFileSync(fromDb, toDb);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(fromDb + suffix)) fs.copyFileSync(fromDb + suffix, toDb + suffix);
  }
  if (fs.existsSync(`${fromDb}.checkpoints`)) {
    fs.cpSync(`${fromDb}.checkpoints`, `${toDb}.checkpoints`, { recursive: true });
  }
}
