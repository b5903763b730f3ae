/**
 * The rule profiles as db/rules describes them, for the renderer to show as they are: the
 * wizard's choice, the settings, the 自定义 parameters and the review of a custom choice.
 */
import { PROFILE_IDS, type ProfileCatalog, type ProfileChoice, type ProfileDescription } from '../contract';
import { customRuleParameters, describeProfile, summarizeProfile, type RuleProfile } from '../rules';
import { requireProfile } from './rule-checks';

function describe(profile: RuleProfile): ProfileDescription {
  return {
    id: profile.id,
    label: profile.label,
    summary: summarizeProfile(profile),
    rules: describeProfile(profile),
    params: customRuleParameters(profile),
  };
}

export function listProfiles(): ProfileCatalog {
  return {
    profiles: PROFILE_IDS.map((id) => describe(requireProfile({ id }))),
    thresholdWords: { strict: '超过（不含本数）', notStrict: '以上（含本数）' },
  };
}

/** A choice as the book would check it; an invalid custom parameter is refused in Chinese. */
export function describeProfileChoice(choice: ProfileChoice): ProfileDescription {
  return describe(requireProfile(choice));
}
