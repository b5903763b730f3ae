/**
 * Elections at a members' assembly (党员大会), per 001 templates 4–9 and the
 * 《中国共产党基层组织选举工作条例》 they invoke (see PARTY_ELECTION_RULES in profiles.ts):
 * 1. the election is valid only if the voting members present meet `presentThreshold` of those
 *    expected (超过…80% / 五分之四以上);
 * 2. returned ballots may not exceed ballots issued (= voting members present) — 条例:
 *    收回的选票多于发出的选票，选举无效; a candidate cannot get more votes than ballots, and
 *    a ballot names at most `seats` people, so all votes together ≤ ballots × seats;
 * 3. a competitive ballot needs candidates − seats ≥ seats·20% (001 template 4);
 * 4. a candidate is elected with votes FOR strictly more than half of the voting members
 *    PRESENT (超过实到会有选举权的人数的一半); if more qualify than there are seats, the most
 *    votes win; a tie at the last seat is not decided here: 条例 asks for a new vote among the
 *    tied (得票相等不能确定当选人时…再次投票), so it is reported as unresolved.
 */
import type { RuleProfile } from './profile-schema';
import type { Outcome } from './outcome';
import { fail, findInvalidCount, succeed } from './outcome';
import { describeRequirement, describeThreshold, meetsThreshold, minimumToMeet } from './thresholds';

export interface Candidate {
  /** Member id when the candidate is on the roster; else the name identifies them. */
  id?: string;
  name: string;
  votes: number;
}

/** general: 换届 committee election; by-election: 补选; officers: 书记/副书记 by the new committee. */
export type ElectionKind = 'general' | 'by-election' | 'officers';

export interface ElectionInput {
  votingExpected: number;
  votingPresent: number;
  /** Ballots returned (收回选票); defaults to votingPresent (one ballot issued per voter present). */
  ballotsCast?: number;
  seats: number;
  candidates: readonly Candidate[];
  competitive: boolean;
  kind?: ElectionKind;
  profile: RuleProfile;
}

export interface ElectionEvaluation {
  /** Voting members present meet the threshold (the election may proceed). */
  thresholdMet: boolean;
  presentRequired: number;
  /** Candidate numbers fit the method (差额 margin, or 等额 where allowed). */
  marginMet: boolean;
  candidatesRequired: number;
  /** Votes FOR a candidate needs to be elected. */
  votesRequired: number;
  /** thresholdMet && marginMet: the election as held follows the rules. */
  valid: boolean;
  elected: Candidate[];
  /** Tied at the last seat(s): a further vote among them is needed. */
  unresolved: Candidate[];
  /** Seats still open (neither elected nor awaiting a tie-break): 另行选举. */
  shortfall: number;
  messages: string[];
  message: string;
}

function checkMargin(input: ElectionInput, rules: NonNullable<RuleProfile['election']>) {
  const { seats, candidates, competitive, kind = 'general' } = input;
  const n = candidates.length;
  if (competitive) {
    const required = seats + minimumToMeet(seats, rules.competitiveMargin);
    const met = n >= required;
    const rule = describeRequirement(rules.competitiveMargin, '应选人数');
    const diff = n - seats;
    const head = `差额选举：应选${seats}名，候选人${n}名（差额${diff}名）；差额须${rule}（至少${required - seats}名）`;
    return {
      required,
      met,
      message: met ? `${head}，符合要求。` : `${head}，候选人至少应为${required}名。`,
    };
  }
  if (n !== seats) {
    return { required: seats, met: false, message: `等额选举的候选人数（${n}名）应等于应选人数（${seats}名）。` };
  }
  if (kind === 'general' && rules.competitiveRequiredForGeneral) {
    return { required: seats, met: false, message: '换届选举委员应实行差额选举，不能等额选举。' };
  }
  if (kind === 'by-election' && !rules.uncontestedByElectionAllowed) {
    return { required: seats, met: false, message: '本规则配置不允许等额补选。' };
  }
  return { required: seats, met: true, message: `等额选举：应选${seats}名，候选人${n}名。` };
}

export function evaluateElection(input: ElectionInput): Outcome<ElectionEvaluation> {
  const { votingExpected, votingPresent, seats, candidates, profile } = input;
  const rules = profile.election;
  if (!rules) return fail({ code: 'rule-not-applicable', message: `“${profile.label}”未规定选举规则` });
  const ballots = input.ballotsCast ?? votingPresent;
  const invalid = findInvalidCount({
    应到有选举权人数: votingExpected,
    实到有选举权人数: votingPresent,
    收回选票数: ballots,
    应选人数: seats,
    ...Object.fromEntries(candidates.map((c) => [`候选人“${c.name}”的得票`, c.votes])),
  });
  if (invalid) return fail(invalid);
  if (seats === 0) return fail({ code: 'no-seats', message: '应选人数至少为1' });
  if (candidates.length === 0) return fail({ code: 'no-candidates', message: '至少需要一名候选人' });
  if (votingPresent > votingExpected) {
    return fail({
      code: 'present-exceeds-expected',
      message: `实到有选举权${votingPresent}人多于应到${votingExpected}人，请核对`,
    });
  }
  if (ballots > votingPresent) {
    return fail({
      code: 'ballots-exceed-issued',
      message: `收回选票${ballots}张，多于发出的${votingPresent}张，依规选举无效，应重新进行选举`,
    });
  }
  const keys = candidates.map((c) => c.id ?? `name:${c.name.trim()}`);
  if (new Set(keys).size !== keys.length)
    return fail({ code: 'duplicate-candidate', message: '候选人名单中有重复的人，请核对' });
  const over = candidates.find((c) => c.votes > ballots);
  if (over) {
    return fail({
      code: 'votes-exceed-ballots',
      message: `候选人“${over.name}”得${over.votes}票，多于收回的选票${ballots}张，请核对计票结果`,
    });
  }
  const total = candidates.reduce((sum, c) => sum + c.votes, 0);
  if (total > ballots * seats) {
    return fail({
      code: 'votes-exceed-ballot-capacity',
      message: `全部候选人得票合计${total}票，多于收回选票${ballots}张 × 应选${seats}名 = ${ballots * seats}票，请核对计票结果`,
    });
  }

  const presentRequired = minimumToMeet(votingExpected, rules.presentThreshold);
  const thresholdMet = votingExpected > 0 && meetsThreshold(votingPresent, votingExpected, rules.presentThreshold);
  const presentRule = describeThreshold(rules.presentThreshold, '应到会有选举权人数');
  const margin = checkMargin(input, rules);
  const votesRequired = minimumToMeet(votingPresent, rules.electedThreshold);
  const electedRule = describeThreshold(rules.electedThreshold, '实到会有选举权人数');
  const messages = [
    thresholdMet
      ? `应到有选举权${votingExpected}人，实到${votingPresent}人，符合${presentRule}的要求（至少${presentRequired}人）。`
      : `应到有选举权${votingExpected}人，实到${votingPresent}人；到会须${describeRequirement(rules.presentThreshold, '应到会有选举权人数')}（至少${presentRequired}人），人数不足，不能进行选举。`,
    margin.message,
  ];

  let elected: Candidate[] = [];
  let unresolved: Candidate[] = [];
  if (thresholdMet) {
    const qualifying = candidates
      .filter((c) => meetsThreshold(c.votes, votingPresent, rules.electedThreshold))
      .sort((a, b) => b.votes - a.votes);
    const last = qualifying[seats - 1];
    const next = qualifying[seats];
    if (last && next && last.votes === next.votes) {
      elected = qualifying.filter((c) => c.votes > last.votes);
      unresolved = qualifying.filter((c) => c.votes === last.votes);
      messages.push(
        `${unresolved.map((c) => c.name).join('、')}得票相等（${last.votes}票），争取最后${seats - elected.length}个名额，应就票数相等的被选举人再次投票。`,
      );
    } else {
      elected = qualifying.slice(0, seats);
    }
    messages.push(
      elected.length > 0
        ? `当选须获得${electedRule}的赞成票（至少${votesRequired}票）；当选：${elected.map((c) => `${c.name}（${c.votes}票）`).join('、')}。`
        : `当选须获得${electedRule}的赞成票（至少${votesRequired}票）；无人当选。`,
    );
  }
  // With a tie, every open seat is contested by the tied candidates: nothing is short yet.
  const shortfall = !thresholdMet ? seats : unresolved.length > 0 ? 0 : seats - elected.length;
  if (thresholdMet && shortfall > 0) {
    messages.push(
      `当选人数不足应选名额，尚缺${shortfall}名，不能在得票未过半数的候选人中按得票多少补足；应对不足名额另行选举，如接近应选名额，经多数党员同意也可不再选举。`,
    );
  }
  const valid = thresholdMet && margin.met;
  return succeed({
    thresholdMet,
    presentRequired,
    marginMet: margin.met,
    candidatesRequired: margin.required,
    votesRequired,
    valid,
    elected,
    unresolved,
    shortfall,
    messages,
    message: messages.join(''),
  });
}
