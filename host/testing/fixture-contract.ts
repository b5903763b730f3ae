/**
 * A two-method contract for tests of the transports (IPC adapter, browser host). The
 * adapters are generic over any ContractMap, so they are tested against this small,
 * stable fixture rather than the real (growing) contract.
 */
import { z } from 'zod';
import type { ContractMap, ServiceOf } from '../../db/contract/contract-types';
import { ServiceError } from '../../db/contract/contract-types';

export interface Note {
  id: number;
  title: string;
  pages: number;
}

export const fixtureContract = {
  'notes.add': {
    summary: '添加笔记',
    mutates: true,
    input: z.object({ title: z.string().trim().min(1).max(20), pages: z.number().int().min(1).default(1) }),
    output: z.custom<Note>(() => true),
  },
  'notes.fail': {
    summary: '按要求失败',
    mutates: false,
    input: z.object({ kind: z.enum(['service', 'crash', 'zod']) }),
    output: z.custom<never>(() => true),
  },
} satisfies ContractMap;

export type FixtureContract = typeof fixtureContract;

export const SECRET_DETAIL = 'SQLITE_CORRUPT at /home/secret/logbook.db';

export function createFixtureService(): ServiceOf<FixtureContract> & { received: unknown[] } {
  const received: unknown[] = [];
  let next = 1;
  return {
    received,
    'notes.add': (input) => {
      received.push(input);
      return { id: next++, title: input.title, pages: input.pages };
    },
    'notes.fail': (input) => {
      received.push(input);
      if (input.kind === 'service')
        throw new ServiceError('book-readonly', '记录本为只读：请先恢复写入权限。', 'bookId');
      if (input.kind === 'zod') z.object({ seq: z.number() }).parse({ seq: 'x' });
      throw new Error(SECRET_DETAIL);
    },
  };
}
