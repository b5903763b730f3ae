import { describe, expect, it } from 'vitest';
import { getAt, isCorrectable, parsePointer, pointerTokens, resolvePointer, setAt, toPointer } from './json-pointer';

it('resolves the RFC 6901 §5 examples and refuses what does not resolve', () => {
  const doc = {
    foo: ['bar', 'baz'],
    '': 0,
    'a/b': 1,
    'c%d': 2,
    'e^f': 3,
    'g|h': 4,
    'i\\j': 5,
    'k"l': 6,
    ' ': 7,
    'm~n': 8,
  };
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
  expect(pointerTokens('/a~01')).toEqual(['a~1']);
  // Own properties only: nothing from the prototype.
  expect(resolvePointer({}, '/toString').found).toBe(false);
});

describe('setAt builds the corrected reading without touching the original', () => {
  const doc = { input: { place: '一室', topics: [{ title: 'a' }, { title: 'b' }], 'a/b': 1, 'c~d': 2 } };

  it('replaces an object field, an array element and escaped keys', () => {
    expect(setAt(doc, '/input/place', '二室').input.place).toBe('二室');
    expect(setAt(doc, '/input/topics/1/title', 'B').input.topics[1]!.title).toBe('B');
    expect(setAt(doc, '/input/a~1b', 3).input['a/b']).toBe(3);
    expect(setAt(doc, '/input/c~0d', 4).input['c~d']).toBe(4);
    expect(doc.input.place).toBe('一室');
    expect(doc.input.topics[1]!.title).toBe('b');
  });

  it('adds a missing key to an existing object (an optional field left empty)', () => {
    expect(setAt(doc, '/input/nothing', 1).input).toMatchObject({ nothing: 1, place: '一室' });
  });

  it('refuses pointers that do not resolve', () => {
    expect(() => setAt(doc, '/input/nothing/deeper', 1)).toThrow(/字段不存在/);
    expect(() => setAt(doc, '/input/topics/2/title', 1)).toThrow(/字段不存在/);
    expect(() => setAt(doc, 'input', 1)).toThrow(/字段路径无效/);
    expect(resolvePointer(doc, '/input/topics/01').found).toBe(false);
  });
});

describe('paths and pointers for the descriptions and the renderer', () => {
  it('escapes and parses segments, array indices as numbers', () => {
    expect(toPointer(['input', 'a/b', 'c~d', 0])).toBe('/input/a~1b/c~0d/0');
    expect(parsePointer('/input/a~1b/c~0d/0')).toEqual(['input', 'a/b', 'c~d', 0]);
    expect(parsePointer('not a pointer')).toEqual([]);
  });

  it('reads a value by path or pointer, undefined when there is none', () => {
    const doc = { input: { absent: [{ memberId: 'm3', leaveNote: '出差' }] } };
    expect(getAt(doc, ['input', 'absent', 0, 'leaveNote'])).toBe('出差');
    expect(getAt(doc, '/input/absent/0/memberId')).toBe('m3');
    expect(getAt(doc, ['input', 'absent', 1])).toBeUndefined();
    expect(getAt(doc, ['input', 'toString'])).toBeUndefined();
  });

  it('a field left empty is correctable, a missing object or array element is not', () => {
    const doc = { input: { person: { name: '张三' }, list: [1] } };
    expect(isCorrectable(doc, '/input/person/joinedPartyOn')).toBe(true);
    expect(isCorrectable(doc, '/input/election/seats')).toBe(false);
    expect(isCorrectable(doc, '/input/list/1')).toBe(false);
    expect(isCorrectable(doc, '')).toBe(true);
  });
});
