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
import { WorkspacePage } from '../liaison/workspace-page';
import { LiaisonPage } from '../liaison/identity-page';
import { SpotCheckPage } from '../liaison/spot-check-page';
import { EvidencePage } from '../liaison/evidence-page';
import { ReceiptsPage } from '../receipts/receipts-page';

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
    case 'workspace':
      return <WorkspacePage />;
    case 'liaison':
      return <LiaisonPage />;
    case 'receipts':
      return <ReceiptsPage />;
    case 'spot-check':
      return <SpotCheckPage key={route.bookId} bookId={route.bookId} />;
    case 'evidence':
      return <EvidencePage key={route.alarmId} alarmId={route.alarmId} />;
  }
}
