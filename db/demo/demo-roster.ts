/**
 * The generator's own picture of the roster, with the service's semantics (book-state.ts):
 * a member counts on `date` when joinedOn ≤ date < leftOn, and holds the last role changed on
 * or before that date. Meetings are built from it, so the expected members, the chair and
 * the votes agree with what the service computes when the meeting is sealed.
 */
import type { MemberRole, PersonDetails } from '../contract';

export interface RosterMember {
  key: string;
  person: PersonDetails;
  joinedOn: string;
  leftOn?: string;
  /** The joining role first, then each change in date order. */
  roles: { on: string; role: MemberRole }[];
}

export class Roster {
  private members: RosterMember[] = [];
  private count = 0;

  newKey(): string {
    return `m${++this.count}`;
  }

  add(key: string, person: PersonDetails, role: MemberRole, joinedOn: string): RosterMember {
    const m: RosterMember = { key, person, joinedOn, roles: [{ on: joinedOn, role }] };
    this.members.push(m);
    return m;
  }

  leave(m: RosterMember, on: string): void {
    m.leftOn = on;
  }

  changeRole(m: RosterMember, role: MemberRole, on: string): void {
    m.roles.push({ on, role });
  }

  byKey(key: string): RosterMember {
    const m = this.members.find((x) => x.key === key);
    if (!m) throw new Error(`演示名册中没有成员 ${key}`);
    return m;
  }

  activeOn(date: string): RosterMember[] {
    return this.members.filter((m) => m.joinedOn <= date && (m.leftOn === undefined || m.leftOn > date));
  }

  roleOn(m: RosterMember, date: string): MemberRole {
    let role = m.roles[0]!.role;
    for (const r of m.roles) if (r.on <= date) role = r.role;
    return role;
  }

  withRole(date: string, role: MemberRole): RosterMember[] {
    return this.activeOn(date).filter((m) => this.roleOn(m, date) === role);
  }

  /** Forgets members who left before `date`: they can be in no later record, and a long book stays O(1) per step. */
  forgetLeftBefore(date: string): void {
    this.members = this.members.filter((m) => m.leftOn === undefined || m.leftOn >= date);
  }
}
