/** Builders for meeting inputs in tests. */
import type { MeetingDraft } from '../../contract';

export function meetingInput(
  memberIds: string[],
  opts: {
    present?: string[];
    startAt?: string;
    number?: number;
    guests?: { name: string; unit?: string }[];
    votes?: [number, number, number][];
    leaveNote?: string;
  } = {},
): MeetingDraft {
  const present = opts.present ?? memberIds;
  const absent = memberIds
    .filter((id) => !present.includes(id))
    .map((memberId) => ({ memberId, leaveNote: opts.leaveNote ?? '出差在外，会前已向组长请假' }));
  const startAt = opts.startAt ?? '2025-03-18T09:30';
  return {
    type: 'group-meeting',
    number: opts.number ?? 1,
    mode: 'onsite',
    startAt,
    endAt: `${startAt.slice(0, 10)}T11:30`,
    place: '学会第一会议室',
    chairId: present[0]!,
    recorder: '王记录',
    presentIds: present,
    absent,
    guests: opts.guests ?? [{ name: '刘联络', unit: '市科协党建委' }],
    topics: [{ title: '学习贯彻全会精神', discussion: '与会成员逐一发言，结合学会工作谈体会。', dissent: '' }],
    decisions: (opts.votes ?? [[present.length, 0, 0]]).map(([f, a, ab], i) => ({
      text: `决议事项${i + 1}：通过年度党建工作计划`,
      votes: { for: f, against: a, abstain: ab },
    })),
    minutes: '会议由组长主持。会议学习了有关文件，研究了年度党建工作计划。',
    heldSeparately: true,
    attachments: [],
  };
}
