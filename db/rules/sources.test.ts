import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from './profiles';

describe('rule sources shown to users', () => {
  it('cite documents by title, never by the internal seed file codes (000/001/002)', () => {
    for (const profile of Object.values(BUILT_IN_PROFILES)) {
      const text = JSON.stringify(profile);
      expect(text, profile.id).not.toMatch(/"(000|001|002|003|004)[ ：]/);
    }
  });
});
