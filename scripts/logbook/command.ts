/**
 * What every `logbook` command shares: its table entry, the exit codes, strict option parsing
 * with Chinese messages, and where output goes (results on stdout, progress and errors on
 * stderr, so `--json` output can be piped as is).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export interface Command {
  name: string;
  /** One line: Chinese / English. */
  summary: string;
  /** The command's own usage lines. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called (exit 2): the message says what and the usage follows. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A data folder that cannot be used as asked (exit 2): missing, not a book, or already holding one. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? '未知选项'
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? '选项的取值有误'
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? '多余的参数'
            : '参数有误';
    throw new UsageError(`${what} / ${detail}`);
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少 ${flag} / missing ${flag}`);
  return value;
}

/** A whole number written in digits (1_000 and 1,000 accepted), within [min, max]. */
export function integerOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.replace(/[_,]/g, '');
  const n = /^-?\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      `${flag} 应为 ${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')} 之间的整数 / ${flag} must be a whole number from ${min} to ${max}: ${value}`,
    );
  }
  return n;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
