/** The organisation record and its rule profile: reading, changing (each change is an entry). */
import type { OrgView, Organisation, ProfileChoice, SealResult } from '../contract';
import { activeMembersOn } from './book-state';
import { makeBody } from './entry-body';
import { compositionFlags, profileView, requireProfile } from './rule-checks';
import { sealResult, type ServiceContext } from './service-context';

export function getOrg(ctx: ServiceContext, bookId: string, on?: string): OrgView {
  const date = on ?? ctx.today();
  const state = ctx.projection(bookId).state();
  return {
    organisation: state.organisation,
    profile: profileView(state.profile),
    composition: compositionFlags(state, date),
    memberCount: activeMembersOn(state, date).length,
  };
}

export function updateOrg(ctx: ServiceContext, bookId: string, organisation: Organisation, reason: string): SealResult {
  const [sealed] = ctx.seal(bookId, [{ kind: 'org.update', body: makeBody({ organisation, reason }, {}, []) }]);
  return sealResult(sealed!, []);
}

export function changeProfile(ctx: ServiceContext, bookId: string, profile: ProfileChoice, reason: string): SealResult {
  requireProfile(profile);
  const [sealed] = ctx.seal(bookId, [{ kind: 'profile.change', body: makeBody({ profile, reason }, {}, []) }]);
  return sealResult(sealed!, []);
}
