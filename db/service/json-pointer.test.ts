import { describe, expect, it } from 'vitest';
import { getAt, setAt } from './json-pointer';

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
    expect(getAt(doc, '/input/topics/01').found).toBe(false);
  });
});
