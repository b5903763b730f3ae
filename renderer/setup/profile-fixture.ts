/**
 * The service's answer to profiles.list, for renderer tests. The JSON is written from the real
 * service and db/service/profiles-service.test.ts checks it still is exactly that answer.
 */
import type { ProfileCatalog, ProfileChoice, ProfileDescription } from '../../db/contract';
import catalog from './profile-catalog.fixture.json';

export const PROFILE_CATALOG = catalog as ProfileCatalog;

/** Answers for fakeApi: the catalogue, and each built-in profile's own description. */
export const profileAnswers = {
  'profiles.list': () => PROFILE_CATALOG,
  'profiles.describe': (input: { profile: ProfileChoice }): ProfileDescription => {
    const found = PROFILE_CATALOG.profiles.find((p) => p.id === input.profile.id);
    if (!found) throw new Error(`no profile ${input.profile.id}`);
    return found;
  },
};
