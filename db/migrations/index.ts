import type { Migration } from './migration';
import * as initial from './0010-initial';
import * as readModel from './0020-read-model';
import * as search from './0030-search';
import * as bundlePins from './0040-bundle-pins';
import * as liaisonWorkspace from './0041-liaison-workspace';
import * as knownReceipts from './0042-known-receipts';
import * as attachmentsRowid from './0043-attachments-rowid';

export type { Migration } from './migration';

/** Every migration the app knows, oldest first. Later issues append their own files here. */
export const migrations: readonly Migration[] = [
  initial,
  readModel,
  search,
  bundlePins,
  liaisonWorkspace,
  knownReceipts,
  attachmentsRowid,
];
