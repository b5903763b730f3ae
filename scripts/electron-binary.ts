/**
 * Is the Electron binary on this machine? Answered WITHOUT `require('electron')`: that
 * call downloads the binary when it is missing (Electron ≥ 40 fetches it on first launch),
 * and tests must never trigger a download. Mirrors node_modules/electron/index.js:
 * `path.txt` names the executable inside `dist/`, or ELECTRON_OVERRIDE_DIST_PATH replaces `dist/`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronProbe = { found: true; executable: string } | { found: false; reason: string };

export function probeElectronBinary(
  electronDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ElectronProbe {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative || 'electron');
    return existsSync(executable)
      ? { found: true, executable }
      : { found: false, reason: `${executable} does not exist` };
  }
  if (!relative) return { found: false, reason: `${pathFile} does not exist (binary never installed)` };
  const executable = path.join(electronDir, 'dist', relative);
  return existsSync(executable)
    ? { found: true, executable }
    : { found: false, reason: `${executable} does not exist` };
}

/**
 * Does what Electron does on first launch: runs its install script, which downloads the
 * binary. Output is captured, not shown (its failure is a stack trace); resolves false on
 * failure or after `timeoutMs`.
 */
export function fetchElectronBinary(electronDir: string, timeoutMs = 180_000): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 && process.env.LOGBOOK_DEBUG) console.error(output);
      resolve(code === 0);
    });
  });
}
