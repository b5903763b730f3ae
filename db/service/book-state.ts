/**
 * The organisation, its rule profile and its roster as of any date, folded from the
 * (corrected) org/profile/member entries in seq order. Pure: no I/O.
 */
import {
  MEMBER_ROLES,
  type MemberJoin,
  type MemberLeave,
  type MemberRole,
  type MemberRoleChange,
  type MemberView,
  type Organisation,
  type PersonDetails,
  type ProfileChoice,
} from '../contract';
import { isDomainBody } from './entry-body';

export interface StateRow {
  seq: number;
  kind: string;
  body: unknown;
}

export interface MemberRecord {
  memberId: string;
  person: PersonDetails;
  joinedOn: string;
  joinRole: MemberRole;
  leftOn?: string;
  roleChanges: { role: MemberRole; on: string; seq: number }[];
  history: MemberView['history'];
}

export interface BookState {
  organisation: Organisation | null;
  profile: ProfileChoice;
  members: Map<string, MemberRecord>;
}

export const STATE_KINDS = ['org.setup', 'org.update', 'profile.change', 'member.join', 'member.leave', 'member.role'];

function inputOf<T>(body: unknown): T {
  return (isDomainBody(body) ? body.input : body) as T;
}

export function emptyState(): BookState {
  return { organisation: null, profile: { id: 'beijing-work-group' }, members: new Map() };
}

export function foldState(rows: readonly StateRow[]): BookState {
  const state = emptyState();
  for (const row of rows) applyStateRow(state, row);
  return state;
}

/** Folds one organisation / profile / member entry (its current, corrected reading) into `state`. */
export function applyStateRow(state: BookState, row: StateRow): void {
  switch (row.kind) {
    case 'org.setup': {
      const i = inputOf<{ organisation: Organisation; profile: ProfileChoice }>(row.body);
      state.organisation = i.organisation;
      state.profile = i.profile;
      break;
    }
    case 'org.update':
      state.organisation = inputOf<{ organisation: Organisation }>(row.body).organisation;
      break;
    case 'profile.change':
      state.profile = inputOf<{ profile: ProfileChoice }>(row.body).profile;
      break;
    case 'member.join': {
      const i = inputOf<MemberJoin & { memberId: string }>(row.body);
      state.members.set(i.memberId, {
        memberId: i.memberId,
        person: i.person,
        joinedOn: i.joinedOn,
        joinRole: i.role,
        roleChanges: [],
        history: [
          {
            seq: row.seq,
            kind: row.kind,
            date: i.joinedOn,
            summary: `加入，任${MEMBER_ROLES[i.role]}`,
            approval: i.approval,
          },
        ],
      });
      break;
    }
    case 'member.leave': {
      const i = inputOf<MemberLeave>(row.body);
      const m = state.members.get(i.memberId);
      if (!m) break;
      m.leftOn = i.leftOn;
      m.history.push({
        seq: row.seq,
        kind: row.kind,
        date: i.leftOn,
        summary: `离任：${i.reason}`,
        approval: i.approval,
      });
      break;
    }
    case 'member.role': {
      const i = inputOf<MemberRoleChange>(row.body);
      const m = state.members.get(i.memberId);
      if (!m) break;
      m.roleChanges.push({ role: i.role, on: i.changedOn, seq: row.seq });
      m.history.push({
        seq: row.seq,
        kind: row.kind,
        date: i.changedOn,
        summary: `改任${MEMBER_ROLES[i.role]}：${i.reason}`,
        approval: i.approval,
      });
      break;
    }
  }
}

/** The state as stored in the read model (JSON; the roster as a list). */
export function serializeState(state: BookState): string {
  return JSON.stringify({
    organisation: state.organisation,
    profile: state.profile,
    members: [...state.members.values()],
  });
}

export function parseState(text: string): BookState {
  const value = JSON.parse(text) as {
    organisation: Organisation | null;
    profile: ProfileChoice;
    members: MemberRecord[];
  };
  return {
    organisation: value.organisation,
    profile: value.profile,
    members: new Map(value.members.map((m) => [m.memberId, m])),
  };
}

export function roleOn(m: MemberRecord, on: string): MemberRole {
  let role = m.joinRole;
  const changes = [...m.roleChanges].sort((a, b) => (a.on === b.on ? a.seq - b.seq : a.on < b.on ? -1 : 1));
  for (const c of changes) if (c.on <= on) role = c.role;
  return role;
}

export function isActiveOn(m: MemberRecord, on: string): boolean {
  return m.joinedOn <= on && (m.leftOn === undefined || m.leftOn > on);
}

export function activeMembersOn(state: BookState, on: string): MemberRecord[] {
  return [...state.members.values()].filter((m) => isActiveOn(m, on));
}

export function viewMember(m: MemberRecord, on: string): MemberView {
  const role = roleOn(m, on);
  const view: MemberView = {
    memberId: m.memberId,
    person: m.person,
    role,
    roleLabel: MEMBER_ROLES[role],
    joinedOn: m.joinedOn,
    active: isActiveOn(m, on),
    history: m.history,
  };
  if (m.leftOn !== undefined) view.leftOn = m.leftOn;
  return view;
}
