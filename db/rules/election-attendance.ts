/**
 * An election's typed-in head counts against the meeting's own attendance. The voters are
 * party members of the body: those expected that day (应到) and those recorded present (实到).
 * 001 templates 6 and 9 report 应到/实到有选举权的党员; the 4/5 presence rule is judged on
 * those counts, so a count the attendance cannot support would make any result pass:
 * - more voters expected than party members expected, or more voters present than party members
 *   present, cannot be: it BLOCKS sealing (correct the counts or the attendance);
 * - fewer voters than party members can be (a 预备党员 has no vote; a member whose rights are
 *   suspended neither): it is sealed as a flag asking for the reason in the minutes.
 */
import type { RuleWarning } from './outcome';

export interface ElectionAttendanceInput {
  votingExpected: number;
  votingPresent: number;
  /** Party members among the meeting's expected members. */
  partyExpected: number;
  /** Party members among those recorded present. */
  partyPresent: number;
}

export interface ElectionAttendanceProblem {
  code: 'election-expected-exceeds-roster' | 'election-present-exceeds-attendance';
  /** The election count at fault. */
  field: 'votingExpected' | 'votingPresent';
  message: string;
}

export interface ElectionAttendanceResult {
  problems: ElectionAttendanceProblem[];
  warnings: RuleWarning[];
}

export function compareElectionWithAttendance(i: ElectionAttendanceInput): ElectionAttendanceResult {
  const problems: ElectionAttendanceProblem[] = [];
  if (i.votingExpected > i.partyExpected) {
    problems.push({
      code: 'election-expected-exceeds-roster',
      field: 'votingExpected',
      message: `应到有选举权人数填为${i.votingExpected}人，但会议当天名册中应到的党员只有${i.partyExpected}人；有选举权的人数不能多于应到的党员人数，请核对`,
    });
  }
  if (i.votingPresent > i.partyPresent) {
    problems.push({
      code: 'election-present-exceeds-attendance',
      field: 'votingPresent',
      message: `实到有选举权人数填为${i.votingPresent}人，但本次会议记为实到的党员只有${i.partyPresent}人；请核对出席情况或选举人数`,
    });
  }
  if (problems.length > 0) return { problems, warnings: [] };
  if (i.votingExpected < i.partyExpected || i.votingPresent < i.partyPresent) {
    return {
      problems,
      warnings: [
        {
          code: 'election-counts-differ',
          message: `选举人数与出席情况不一致：应到有选举权${i.votingExpected}人（应到党员${i.partyExpected}人），实到有选举权${i.votingPresent}人（实到党员${i.partyPresent}人）；如有党员不具有选举权（如预备党员），请在会议纪要中说明`,
        },
      ],
    };
  }
  return { problems, warnings: [] };
}
