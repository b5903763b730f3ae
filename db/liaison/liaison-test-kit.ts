/**
 * Two real data folders for the liaison's tests: a society with demo books (the demo
 * generator, through the service), exported as signed bundles, and a liaison who set up its
 * identity and imported them (fingerprint confirmed), by the same calls the app makes.
 */
import path from 'node:path';
import { runDemo } from '../demo';
import { openHarness, type Harness } from '../service/test/service-harness';

export const LIAISON = { name: '张联络', office: '北京市科协社会组织党建工作委员会' };

export interface LiaisonWorld {
  society: Harness;
  liaison: Harness;
  /** The imported books' ids, in the order of `seeds`. */
  books: string[];
  /** The bundle file of each book (in the society's folder). */
  bundles: string[];
  cleanup(): void;
}

/** Imports a bundle file into the liaison's folder, confirming the fingerprint the bundle states. */
export async function importInto(liaison: Harness, file: string) {
  const upload = await liaison.service.stageBundle(file);
  const first = await liaison.call('bundles.import', { upload });
  if (first.outcome !== 'needs-fingerprint') return first;
  return liaison.call('bundles.import', { upload, fingerprint: first.genesisKeyId });
}

/** `entries`: one size for every book, or one per seed. */
export async function liaisonWorld(
  seeds: number[],
  entries: number | number[] = 60,
  liaisonNow = '2025-11-20T10:00',
): Promise<LiaisonWorld> {
  const society = openHarness();
  const liaison = openHarness();
  const books: string[] = [];
  const bundles: string[] = [];
  for (const [i, seed] of seeds.entries()) {
    const { bookId } = await runDemo(
      (method, input) => society.call(method, input),
      (local) => society.setNow(local),
      { entries: Array.isArray(entries) ? entries[i]! : entries, seed, startYear: 2024 },
    );
    const file = path.join(society.dir, `${bookId}.zip`);
    await society.service.exportBundle(bookId, file);
    books.push(bookId);
    bundles.push(file);
  }
  liaison.setNow(liaisonNow);
  await liaison.call('liaison.setup', { liaison: LIAISON });
  for (const file of bundles) await importInto(liaison, file);
  return {
    society,
    liaison,
    books,
    bundles,
    cleanup() {
      society.cleanup();
      liaison.cleanup();
    },
  };
}
