import { describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../contract';
import { headingTier, parseQuery, snippet } from './search-text';

const heading = { title: '换届筹备专题会议', people: ['王志强', '李娜'] };

describe("headingTier: the rank of a match from its title and names, by the index's own token rule", () => {
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

describe('snippet: cut from the text as written', () => {
  const text = (body: string) => ({ title: '标题', body: [body], people: [] });
  it('keeps full-width punctuation and letters as the record has them, and marks the match', () => {
    const out = snippet(text('会议认为，ＡＢＣ项目（一期）按期完成。'), parseQuery('abc'));
    expect(out).toBe(`会议认为，${SNIPPET_MARK_START}ＡＢＣ${SNIPPET_MARK_END}项目（一期）按期完成。`);
  });
  it('marks a Chinese match and every repeat of it in the window', () => {
    expect(snippet(text('学习，再学习'), parseQuery('学习'))).toBe(
      `${SNIPPET_MARK_START}学习${SNIPPET_MARK_END}，再${SNIPPET_MARK_START}学习${SNIPPET_MARK_END}`,
    );
  });
  it('cuts a long text around the first match with ellipses', () => {
    const out = snippet(text(`${'甲'.repeat(100)}换届${'乙'.repeat(100)}`), parseQuery('换届'));
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain(`${SNIPPET_MARK_START}换届${SNIPPET_MARK_END}`);
  });
  it('falls back to the start of the text when nothing in it matches', () => {
    expect(snippet(text('无关内容'), parseQuery('换届'))).toBe('无关内容');
  });
});
