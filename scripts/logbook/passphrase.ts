/**
 * The passphrase of a key backup: from the environment variable LOGBOOK_PASSPHRASE (scripts,
 * tests), or typed at a terminal prompt without echo. Never a command-line argument, which
 * any user of the machine can read in the process list and which lands in shell history.
 */
import { UsageError } from './command';

export const PASSPHRASE_ENV = 'LOGBOOK_PASSPHRASE';

export interface PassphraseSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

const processSource = (): PassphraseSource => ({ env: process.env, stdin: process.stdin, stderr: process.stderr });

/** One line typed at the terminal, not echoed (raw mode): Enter ends it, Backspace deletes, Ctrl-C cancels. */
function promptHidden(source: PassphraseSource, question: string): Promise<string> {
  const { stdin, stderr } = source;
  return new Promise((resolve, reject) => {
    let value = '';
    stderr.write(question);
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new UsageError('已取消 / cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * The passphrase, from LOGBOOK_PASSPHRASE or the terminal. With `confirm` (a new backup) the
 * terminal asks twice and the two must match.
 */
export async function readPassphrase(confirm: boolean, source: PassphraseSource = processSource()): Promise<string> {
  const fromEnv = source.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (!source.stdin.isTTY || typeof source.stdin.setRawMode !== 'function') {
    throw new UsageError(
      `请在环境变量 ${PASSPHRASE_ENV} 中提供口令，或在终端中运行以输入口令（口令不能写在命令行参数里） / set ${PASSPHRASE_ENV} or run in a terminal to type the passphrase (never as an argument)`,
    );
  }
  const first = await promptHidden(source, '密钥备份口令 / passphrase: ');
  if (!confirm) return first;
  const second = await promptHidden(source, '再输入一次 / again: ');
  if (first !== second) throw new UsageError('两次输入的口令不一致 / the two passphrases differ');
  return first;
}
