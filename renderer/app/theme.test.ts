import { describe, expect, it } from 'vitest';
import { FOCUS_BLUE, THEME } from './app-shell';

describe('the office theme', () => {
  it('focuses fields in a neutral blue, not in the red primary that errors use', () => {
    expect(THEME.token.colorPrimary).toBe('#b3261e');
    for (const c of [
      THEME.components.Input,
      THEME.components.InputNumber,
      THEME.components.DatePicker,
      THEME.components.Select,
    ]) {
      expect(c.activeBorderColor).toBe(FOCUS_BLUE);
      expect(c.activeBorderColor).not.toBe(THEME.token.colorPrimary);
    }
    expect(THEME.token.controlOutline).not.toMatch(/179, ?38, ?30/);
  });
});
