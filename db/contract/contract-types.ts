/**
 * The shape of the one service contract. Every user-visible action is one method:
 * a zod schema for its input (parsed at every boundary: IPC, the browser host, and
 * `callService` for in-process callers such as tests and the `logbook` command),
 * a zod schema for its output, and whether it changes the book.
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** True when the method seals entries or otherwise writes. */
  mutates: boolean;
  /** One line, Chinese, naming what the method does. */
  summary: string;
}

export type ContractMap = Record<string, MethodSpec>;

/** What the service implements: handlers receive already-parsed input. */
export type ServiceOf<C extends ContractMap> = {
  [K in keyof C]: (input: z.output<C[K]['input']>) => Promise<z.output<C[K]['output']>> | z.output<C[K]['output']>;
};

/** What a client (renderer api.ts) calls: raw input, promised output. */
export type ClientOf<C extends ContractMap> = {
  [K in keyof C]: (input: z.input<C[K]['input']>) => Promise<z.output<C[K]['output']>>;
};

export interface ErrorData {
  /** Stable, machine-readable code, e.g. `invalid-input`, `book-readonly`. */
  code: string;
  /** Chinese, says what failed and what to do. */
  message: string;
  /** Dotted path of the offending field, when one field is at fault. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Thrown by service methods; adapters turn it into `{ok:false,error}`. */
export class ServiceError extends Error {
  readonly code: string;
  readonly field?: string;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}
