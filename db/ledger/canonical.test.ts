import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalOfParsed, isCanonicalText } from './canonical';
import { LedgerError } from './errors';

function fromBits(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('matches the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // JSON.parse reorders integer-like keys, so check the text order instead.
    const text = canonicalJson(input);
    const order = ['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) =>
      text.indexOf(`"${k}"`),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(keys).toHaveLength(7);
  });

  it('formats numbers as RFC 8785 Appendix B', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of table) expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
  });

  it('keeps Chinese text as UTF-8 characters, escaping only what JSON requires', () => {
    expect(canonicalJson({ 标题: '党建工作小组会议\n第一次', b: '\u0007' })).toBe(
      '{"b":"\\u0007","标题":"党建工作小组会议\\n第一次"}',
    );
  });

  const rejected: [string, unknown, RegExp][] = [
    ['undefined at the top', undefined, /undefined/],
    ['undefined in an object', { a: { b: undefined } }, /\/a\/b.*undefined/],
    ['undefined in an array', [1, undefined], /\/1.*undefined/],
    ['NaN', { n: NaN }, /NaN/],
    ['Infinity', [Infinity], /Infinity/],
    ['-Infinity', -Infinity, /Infinity/],
    ['BigInt', { n: 1n }, /BigInt/],
    ['a function', { f: () => 1 }, /函数/],
    ['a symbol value', { s: Symbol('x') }, /Symbol/],
    ['a Date', { d: new Date(0) }, /Date/],
    ['a Map', new Map(), /Map/],
    ['a class instance', new (class Meeting {})(), /Meeting/],
    ['a Buffer', { b: Buffer.from('x') }, /Buffer/],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point of this case
    ['a sparse array', [1, , 3], /\/1.*空位/],
    ['a lone surrogate', { s: 'a\ud800' }, /代理/],
    ['a lone surrogate key', { ['\udc00']: 1 }, /代理/],
    ['a symbol key', { [Symbol('k')]: 1 }, /Symbol/],
  ];
  for (const [name, value, message] of rejected) {
    it(`rejects ${name} with invalid-json`, () => {
      let caught: unknown;
      try {
        canonicalJson(value, '正文');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LedgerError);
      expect((caught as LedgerError).code).toBe('invalid-json');
      expect((caught as LedgerError).message).toMatch(message);
    });
  }

  it('rejects cycles but accepts a shared (acyclic) reference', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { back: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(/循环/);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = 1;
    bare.a = [true, null];
    expect(canonicalJson(bare)).toBe('{"a":[true,null],"z":1}');
  });
});

describe('canonicalOfParsed (the fast check of received bytes)', () => {
  const texts = [
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001, -0, 1e21, 5e-7, 123456789012345680000]}',
    '{"\\u20ac":1,"$":2,"\\ud83d\\ude00":3,"\\ufb33":4,"a":5,"10":6,"9":7,"":8,"A":9}',
    '{"__proto__":{"x":1},"constructor":[],"prototype":null}',
    '["\\u000F\\u000aA\\u0042\\u0022\\u005c\\/","é","\\u2028\\u2029","\\u007f"]',
    '{"a":{"b":{"c":[[],{},[{}],""]}},"t":true,"f":false,"n":null}',
    '"\\ud800"',
    '{"\\udc00":1}',
    '[1,"ok","\\udbff"]',
    `${'['.repeat(199)}${']'.repeat(199)}`,
    `${'['.repeat(200)}${']'.repeat(200)}`,
    `${'['.repeat(201)}${']'.repeat(201)}`,
    `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`,
    `${'{"a":'.repeat(201)}1${'}'.repeat(201)}`,
  ];

  it.each(texts)('gives what canonicalJson gives, or null where it refuses: %s', (text) => {
    const value = JSON.parse(text) as unknown;
    let expected: string | null;
    try {
      expected = canonicalJson(value);
    } catch {
      expected = null;
    }
    expect(canonicalOfParsed(value)).toBe(expected);
  });

  it.each([
    ...texts,
    '{"-a":1,"1":2}',
    '{"1":2,"-a":1}',
    '{"10":1,"9":2}',
    '{"9":2,"10":1}',
    '{"a":{"b":1,"a":2}}',
    '{"a":[{"z":1},{"y":2,"x":3}]}',
    '{"a":"\\ud800"}',
    '{"a":1.0}',
    '{"a":1e2}',
    '{"a": 1}',
    '{"a":"\\u00e9"}',
    '{"a":"é"}',
    '{"a":"\\u001f"}',
    String.raw`{"a":"\/"}`,
  ])('isCanonicalText says what canonicalOfParsed(...) === text says: %s', (text) => {
    const value = JSON.parse(text) as unknown;
    expect(isCanonicalText(value, text)).toBe(canonicalOfParsed(value) === text);
  });

  it('isCanonicalText accepts canonical texts and refuses every re-encoding of them', () => {
    const canonical = [
      '{"-a":1,"1":2}',
      '{"10":1,"9":2}',
      '{"a":"\\\\ud800","b":[1,0.5,"\\u001f"]}',
      '{}',
      '[]',
      '"x"',
    ];
    for (const text of canonical) expect(isCanonicalText(JSON.parse(text), text), text).toBe(true);
    const reencoded = ['{"1":2,"-a":1}', '{"9":2,"10":1}', '{"a":1.0}', '{"a": 1}', '{"a":"\\u00e9"}', '["\\ud800"]'];
    for (const text of reencoded) expect(isCanonicalText(JSON.parse(text), text), text).toBe(false);
  });

  it('refuses lone surrogates and containers nested 201 deep, accepts 200', () => {
    expect(canonicalOfParsed(JSON.parse('["\\ud800"]'))).toBeNull();
    expect(canonicalOfParsed(JSON.parse(`${'['.repeat(201)}${']'.repeat(201)}`))).toBeNull();
    expect(canonicalOfParsed(JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`))).toBe(
      `${'['.repeat(200)}${']'.repeat(200)}`,
    );
  });

  it('says null, never a text, for anything JSON.parse cannot produce', () => {
    expect(canonicalOfParsed({ a: undefined })).toBeNull();
    expect(canonicalOfParsed([() => 1])).toBeNull();
    expect(canonicalOfParsed(new Date(0))).toBeNull();
    expect(canonicalOfParsed(Number.NaN)).toBeNull();
    expect(canonicalOfParsed({ [Symbol('s')]: 1 })).toBeNull();
    expect(canonicalOfParsed(Object.create(null) as object)).toBe('{}');
  });

  it('is byte-identical to canonicalJson on a sample of real entries', () => {
    for (let i = 0; i < 200; i++) {
      const value = {
        seq: i,
        body: {
          title: `第${i}次会议`,
          list: [i, -i / 7, `名${String.fromCodePoint(0x4e00 + i)}`],
          [`k${i % 13}`]: i % 2 === 0,
        },
        z: null,
      };
      expect(canonicalOfParsed(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    }
  });
});
