/**
 * The order fields were typed in. Sealed bodies are canonical JSON (RFC 8785), whose keys
 * are sorted by code point, so an entry read back lists 批复 before 学会名称. The contract's
 * schemas declare fields in the order of the paper forms; this recovers that order.
 */
import {
  activityInput, meetingInput, memberJoin, memberLeave, memberRoleChange, organisation, profileChoice, workItemInput,
} from '../../db/contract';
import type { PathSegment } from './fields';

interface Def { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; options?: unknown[]; in?: unknown }

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } })?._zod?.def;
}

const order = new Map<string, number>();

function collect(schema: unknown, depth = 0): void {
  const def = defOf(schema);
  if (!def || depth > 8) return;
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        if (!order.has(key)) order.set(key, order.size);
        collect(child, depth + 1);
      }
      break;
    case 'array': collect(def.element, depth + 1); break;
    case 'optional': case 'default': case 'nullable': case 'prefault': collect(def.innerType, depth + 1); break;
    case 'union': for (const o of def.options ?? []) collect(o, depth + 1); break;
    case 'pipe': collect(def.in, depth + 1); break;
    default: break;
  }
}

// Top-level keys of org/profile entries first, then each form in the paper book's order.
for (const key of ['organisation', 'profile', 'memberId']) order.set(key, order.size);
for (const schema of [organisation, profileChoice, memberJoin, memberLeave, memberRoleChange, meetingInput, activityInput, workItemInput]) {
  collect(schema);
}
order.set('reason', order.size);

function rank(seg: PathSegment): number {
  return typeof seg === 'number' ? seg : order.get(seg) ?? Number.MAX_SAFE_INTEGER;
}

/** Compares two paths field by field in the forms' order (unknown keys last, by name). */
export function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as PathSegment;
    const y = b[i] as PathSegment;
    if (x === y) continue;
    const d = rank(x) - rank(y);
    if (d !== 0) return d;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
