/** The service's modules import each other without cycles (value or type): each one can be read on its own. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DIR = path.dirname(new URL(import.meta.url).pathname);

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  return [...text.matchAll(/from '\.\/([\w-]+)'/g)]
    .map((m) => `${m[1]}.ts`)
    .filter((f) => fs.existsSync(path.join(DIR, f)));
}

/** A cycle through `start` as a list of files, or null. */
function cycleFrom(start: string, graph: Map<string, string[]>): string[] | null {
  const stack: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string): string[] | null => {
    if (stack.includes(file)) return [...stack.slice(stack.indexOf(file)), file];
    if (seen.has(file)) return null;
    seen.add(file);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    return null;
  };
  return visit(start);
}

it('db/service has no import cycle (summarize ↔ service-context was one)', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  expect(graph.get('summarize.ts')).toBeDefined();
  const cycles = files
    .map((f) => cycleFrom(f, graph))
    .filter((c) => c !== null)
    .map((c) => c.join(' → '));
  expect(cycles).toEqual([]);
});
