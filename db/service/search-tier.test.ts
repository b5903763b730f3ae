import { describe, expect, it } from 'vitest';
import { headingTier, parseQuery } from './search-text';

const heading = { title: '换届筹备专题会议', people: ['王志强', '李娜'] };

describe('headingTier: the rank of a match from its title and names, by the index\'s own token rule', () => {
  it('puts a match with every term in the title first', () => {
    expect(headingTier(heading, parseQuery('换届'))).toBe(0);
    expect(headingTier(heading, parseQuery('换届 会议'))).toBe(0);
  });
  it('ranks a term in a name (or its pinyin prefix) second', () => {
    expect(headingTier(heading, parseQuery('王志强'))).toBe(1);
    expect(headingTier(heading, parseQuery('换届 李娜'))).toBe(1);
    expect(headingTier(heading, parseQuery('wzq'))).toBe(1);
    expect(headingTier(heading, parseQuery('wangzhi'))).toBe(1);
  });
  it('ranks a match only in the text last, and a heading it cannot read last', () => {
    expect(headingTier(heading, parseQuery('纪要'))).toBe(2);
    expect(headingTier(heading, parseQuery('换届 纪要'))).toBe(2);
    expect(headingTier(null, parseQuery('换届'))).toBe(2);
  });
  it('matches phrases as the index does: consecutive tokens, punctuation and width ignored', () => {
    expect(headingTier({ title: '换届，筹备', people: [] }, parseQuery('届筹'))).toBe(0);
    expect(headingTier(heading, parseQuery('换筹'))).toBe(2);
    expect(headingTier({ title: 'ＡＢＣ学会', people: [] }, parseQuery('abc'))).toBe(0);
  });
});
