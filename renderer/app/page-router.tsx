/** Maps the hash route to a page. */
import type { Route } from './routes';
import { TimelinePage } from '../timeline/timeline-page';
import { EntryPage } from '../entry/entry-page';
import { MembersPage } from '../members/members-page';
import { LedgerPage } from '../ledger/ledger-page';
import { DraftsPage } from '../pages/drafts-page';
import { SettingsPage } from '../pages/settings-page';
import { EditorPage, NewEntryRedirect } from '../pages/editor-page';
import { SearchPage } from '../search/search-page';
import { PrintPage } from '../print/print-page';
import { CheckPage } from '../print/check-page';

export function PageRouter({ route }: { route: Route }) {
  switch (route.page) {
    case 'timeline':
      return <TimelinePage />;
    case 'entry':
      return <EntryPage key={route.seq} seq={route.seq} />;
    case 'members':
      return <MembersPage />;
    case 'ledger':
      return <LedgerPage />;
    case 'drafts':
      return <DraftsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'search':
      return <SearchPage key={route.query} query={route.query} />;
    case 'new':
      return <NewEntryRedirect kind={route.kind} />;
    case 'draft':
      return <EditorPage key={route.id} kind={route.kind} draftId={route.id} />;
    case 'print':
      return <PrintPage key={JSON.stringify(route.choice ?? null)} choice={route.choice} />;
    case 'check':
      return <CheckPage />;
  }
}
