/** Where a reminder's button leads, as a page of the app. */
import type { ReminderTarget } from '../../db/rules';
import type { Route } from '../app/routes';

export function routeOf(target: ReminderTarget): Route {
  switch (target.page) {
    case 'entry':
      return { page: 'entry', seq: target.seq };
    case 'new-work':
      return { page: 'new', kind: 'work' };
    case 'new-meeting':
      return { page: 'new', kind: 'meeting' };
    case 'holidays':
      return { page: 'settings' };
    case 'ledger':
      return { page: 'ledger' };
  }
}

/** localStorage key of the day the start-up reminder was last shown for a book. */
export const shownKey = (bookId: string) => `logbook-reminders-shown:${bookId}`;
