import { expect, it } from 'vitest';
import { parsePointer, resolvePointer } from './json-pointer';

it('resolves the RFC 6901 §5 examples and refuses what does not resolve', () => {
  const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
  const cases: [string, unknown][] = [
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ];
  for (const [pointer, value] of cases) expect(resolvePointer(doc, pointer)).toEqual({ found: true, value });
  for (const pointer of ['/foo/2', '/foo/01', '/foo/-', '/nope', 'foo', '/m~2n', '/foo/0/x']) {
    expect(resolvePointer(doc, pointer).found, pointer).toBe(false);
  }
  expect(parsePointer('/a~01')).toEqual(['a~1']);
  // Own properties only: nothing from the prototype.
  expect(resolvePointer({}, '/toString').found).toBe(false);
});
