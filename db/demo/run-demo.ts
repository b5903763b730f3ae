/**
 * Feeds the demo steps to a service, one call at a time, with the service's clock set to
 * each step's time first. Works with any caller that parses inputs the way every adapter
 * does (`callService`, the test harness, the CLI).
 */
import type { MethodName } from '../contract';
import { generateDemoBook, type DemoOptions } from './generate-demo-book';
import { resolveRefs } from './demo-step';

export type DemoCall = (method: MethodName, input: unknown) => Promise<unknown>;

export interface RunDemoOptions extends DemoOptions {
  /** Called after each step with the book's size; the CLI shows progress with it. */
  onProgress?: (size: number) => void;
}

export async function runDemo(
  call: DemoCall,
  setNow: (local: string) => void,
  options: RunDemoOptions = {},
): Promise<{ bookId: string; entries: number }> {
  const known = new Map<string, string | number>();
  let bookId = '';
  let size = 0;
  for (const step of generateDemoBook(options)) {
    setNow(step.at);
    const result = (await call(step.method, resolveRefs(step.input, known))) as {
      bookId?: string;
      memberId?: string;
      seq?: number;
      size?: number;
    };
    if (step.method === 'books.create') {
      bookId = result.bookId!;
      known.set('book', bookId);
      await keepFounders(call, bookId, step, known);
    }
    if (step.saveAs) known.set(step.saveAs, step.method === 'members.join' ? result.memberId! : result.seq!);
    if (step.saveSeqAs) known.set(step.saveSeqAs, result.seq!);
    size = result.size ?? result.seq ?? size;
    // The generator counts entries to know when to stop; a service sealing differently must not go unnoticed.
    if (size !== step.size)
      throw new Error(`演示数据与服务不一致：${step.method} 之后记录本应有 ${step.size} 条，实际为 ${size} 条`);
    options.onProgress?.(size);
  }
  return { bookId, entries: size };
}

/** books.create returns no member ids: find the founders in the roster by name and birth date. */
async function keepFounders(
  call: DemoCall,
  bookId: string,
  step: { input: Record<string, unknown>; memberKeys?: string[] },
  known: Map<string, string | number>,
): Promise<void> {
  const roster = (await call('members.list', { bookId })) as {
    memberId: string;
    person: { name: string; birthDate: string };
  }[];
  const founders = step.input.members as { person: { name: string; birthDate: string } }[];
  founders.forEach((f, i) => {
    const found = roster.find((m) => m.person.name === f.person.name && m.person.birthDate === f.person.birthDate);
    if (!found) throw new Error(`新建的记录本中找不到成员“${f.person.name}”`);
    known.set(`member:${step.memberKeys![i]}`, found.memberId);
  });
}
