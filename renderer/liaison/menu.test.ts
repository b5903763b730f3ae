import { describe, expect, it } from 'vitest';
import { status } from '../test/kit';
import { isLiaisonInstallation } from './menu';

describe('the liaison’s first screen', () => {
  it('is the workspace on a liaison’s installation only (a liaison book and no organisation’s own book)', () => {
    const own = status({ bookId: 'own-0000-book' });
    const imported = status({ bookId: 'imp-0000-book', imported: true, readOnly: true });
    const liaison = status({ bookId: 'lia-0000-book', liaison: true });
    expect(isLiaisonInstallation([liaison])).toBe(true);
    expect(isLiaisonInstallation([liaison, imported])).toBe(true);
    expect(isLiaisonInstallation([liaison, imported, own])).toBe(false);
    expect(isLiaisonInstallation([own, imported])).toBe(false);
    expect(isLiaisonInstallation([imported])).toBe(false);
  });
});
