/**
 * The rule engine: pure functions over a rule profile. No I/O, no database, no ledger.
 * Import from here (`db/rules`), not from the files.
 */
export * from './thresholds';
export * from './profiles';
export * from './profile-descriptions';
export * from './outcome';
export * from './iso-date';
export * from './meeting-checks';
export * from './attendance';
export * from './election-checks';
export * from './election-attendance';
export * from './composition-checks';
export * from './member-checks';
export * from './holiday-calendar';
export * from './holiday-schedule-import';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
export type { CalendarOutcome } from './working-days';
export * from './filing';
export * from './yearly-obligations';
export * from './flag-codes';
export * from './duties';
export * from './year-ledger';
export * from './reminders';
