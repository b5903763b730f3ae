import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarStore } from './calendar-store';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const schedule = (year: number) =>
  JSON.stringify({
    year,
    source: '国办发明电〔示例〕1号',
    holidays: [[`${year}-01-01`, `${year}-01-01`, '元旦']],
    workdays: [],
  });

describe('holiday calendar store', () => {
  it('imports a year the built-in data does not cover and keeps it across restarts', () => {
    const store = new CalendarStore(dir);
    expect(store.view().importedYears).toEqual([]);
    expect(store.import(schedule(2031)).importedYears).toEqual([2031]);
    expect(new CalendarStore(dir).view().importedYears).toEqual([2031]);
  });

  it('refuses to replace a built-in year', () => {
    const store = new CalendarStore(dir);
    const builtIn = store.view().builtInYears;
    expect(builtIn).toContain(2025);
    expect(() => store.import(schedule(2025))).toThrow(/已有内置/);
    expect(fs.existsSync(path.join(dir, 'calendars', '2025.json'))).toBe(false);
  });

  it('ignores a damaged file rather than trusting it', () => {
    fs.mkdirSync(path.join(dir, 'calendars'));
    fs.writeFileSync(path.join(dir, 'calendars', '2031.json'), '{"year": 2031, "holidays": "坏"}');
    expect(new CalendarStore(dir).view().importedYears).toEqual([]);
  });
});
