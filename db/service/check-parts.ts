/**
 * Building blocks of the seal checks (see seal-checks.ts): a check collects blocking problems,
 * flags and passed checks; sealing refuses the first blocking problem with its own code.
 */
import { ServiceError, type CheckProblem, type EntryCheck, type EntryCheckKind, type RuleFlag } from '../contract';
import { formatChineseDate, recordingDelay } from '../rules';
import { chinaDate } from './service-context';

export class CheckBuilder {
  readonly blocking: CheckProblem[] = [];
  readonly flags: RuleFlag[] = [];
  readonly passed: string[] = [];

  /** `now`: the one clock reading every date check of this call uses (the seal's own). */
  constructor(
    readonly kind: EntryCheckKind,
    readonly now: Date,
  ) {}

  block(code: string, field: string, message: string): this {
    this.blocking.push({ code, field, message });
    return this;
  }

  flag(code: string, message: string): this {
    this.flags.push({ code, message });
    return this;
  }

  pass(message: string): this {
    this.passed.push(message);
    return this;
  }

  /** A date of the record may not lie after today (Beijing date of `now`). */
  notFuture(date: string | undefined, field: string, what = '日期', tail = '不能记录尚未发生的事项'): this {
    if (date === undefined) return this;
    const today = chinaDate(this.now);
    if (date > today) {
      return this.block(
        'future-date',
        field,
        `${what}为${formatChineseDate(date)}，晚于今天（${formatChineseDate(today)}），${tail}`,
      );
    }
    return this.pass(`${what}不晚于今天。`);
  }

  /** Records are to be 原始: sealed more than 3 days after the event, the delay is a sealed flag. */
  recordedInTime(eventDate: string | undefined): this {
    if (eventDate === undefined) return this;
    const d = recordingDelay({ eventDate, recordedAt: this.now.toISOString() });
    if (d.flagged) return this.flag('late-recording', d.message);
    return this.pass(`记录及时：${d.message}`);
  }

  result(): EntryCheck {
    return { kind: this.kind, blocking: this.blocking, flags: this.flags, passed: this.passed };
  }
}

/** Sealing: the first blocking problem refuses the seal, with the message the check showed. */
export function refuseBlocked(check: Pick<EntryCheck, 'blocking'>): void {
  const first = check.blocking[0];
  if (first) throw new ServiceError(first.code, first.message, first.field);
}
