/**
 * The holiday calendar: built-in years (chinese-days) plus schedules the user imported for
 * years the data does not cover. Imports are kept as validated JSON files in the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError, type CalendarView } from '../contract';
import {
  createHolidayCalendar,
  describeCalendarCoverage,
  parseHolidaySchedule,
  withImportedSchedule,
  type HolidayCalendar,
} from '../rules';

export class CalendarStore {
  private loaded: HolidayCalendar | null = null;
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'calendars');
  }

  /** Read on first use: scanning the built-in years takes ~100 ms, which opening a book need not wait for. */
  private get calendar(): HolidayCalendar {
    if (!this.loaded) {
      const imported = [];
      if (fs.existsSync(this.dir)) {
        for (const name of fs
          .readdirSync(this.dir)
          .filter((n) => /^\d{4}\.json$/.test(n))
          .sort()) {
          const parsed = parseHolidaySchedule(fs.readFileSync(path.join(this.dir, name), 'utf8'));
          // A damaged file is skipped, not trusted: the year then reads as "not covered".
          if (parsed.ok) imported.push(parsed.value);
        }
      }
      this.loaded = createHolidayCalendar(imported);
    }
    return this.loaded;
  }

  private set calendar(value: HolidayCalendar) {
    this.loaded = value;
  }

  get(): HolidayCalendar {
    return this.calendar;
  }

  view(): CalendarView {
    return describeCalendarCoverage(this.calendar);
  }

  import(text: string): CalendarView {
    const parsed = parseHolidaySchedule(text);
    if (!parsed.ok) throw new ServiceError(parsed.error.code, parsed.error.message, 'text');
    const schedule = parsed.value;
    if (this.view().builtInYears.includes(schedule.year)) {
      throw new ServiceError(
        'calendar-year-built-in',
        `${schedule.year} 年已有内置的法定节假日数据，无需导入；导入只用于内置数据尚未覆盖的年份`,
        'text',
      );
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `${schedule.year}.json`);
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, JSON.stringify(schedule, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    this.calendar = withImportedSchedule(this.calendar, schedule);
    return this.view();
  }
}
