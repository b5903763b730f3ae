/** Shared test data (imported by *.test.ts only). */
import type { HolidaySchedule } from './holiday-calendar';

/** A MADE-UP 2027 schedule, for testing the import path only: not the official one. */
export const FICTIONAL_2027: HolidaySchedule = {
  year: 2027,
  source: '测试用虚构安排',
  holidays: [['2027-01-01', '2027-01-03', '元旦']],
  workdays: ['2027-02-06'],
};
