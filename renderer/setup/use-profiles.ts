/** The rule profiles as the service describes them (db/rules): nothing about rules is written here. */
import { useQuery } from '@tanstack/react-query';
import type { ProfileChoice } from '../../db/contract';
import { useApi } from '../api-context';
import type { CustomRuleValues } from './custom-rules';

export type ProfileId = ProfileChoice['id'];

/** What `books.create` and `profile.change` carry: a custom profile with the parameters set. */
export function profileChoiceOf(id: ProfileId, custom: CustomRuleValues): ProfileChoice {
  return id === 'custom' ? { id, overrides: { ...custom } } : { id };
}

export function useProfileCatalog() {
  const api = useApi();
  return useQuery({ queryKey: ['profiles.list'], queryFn: () => api['profiles.list']({}), staleTime: Infinity });
}

export function useProfileDescription(choice: ProfileChoice) {
  const api = useApi();
  return useQuery({
    queryKey: ['profiles.describe', choice],
    queryFn: () => api['profiles.describe']({ profile: choice }),
  });
}
