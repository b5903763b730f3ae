import { describe, expect, it } from 'vitest';
import {
  ENTRY_DESCRIPTIONS,
  ENTRY_INPUT_SCHEMAS,
  ENTRY_KINDS,
  WORK_DESCRIPTIONS,
  beijingTime,
  chineseDate,
  chineseDateTime,
  correctableFields,
  describeEntry,
  locateField,
  readEntryBody,
  type EntryDescription,
  type FieldDescription,
} from './index';
import { WORK_ITEM_TYPES } from '../activities';
import { toPointer } from '../json-pointer';

/** One leaf of a schema: keys, with `[]` for “each item of the array”, and the enum's values if it is one. */
interface Leaf {
  path: string[];
  values?: string[];
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  options?: unknown[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function leaves(schema: unknown, path: string[] = []): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => leaves(child, [...path, key]));
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      return leaves(def.innerType, path);
    case 'pipe':
      return leaves(def.in, path);
    case 'array':
      return leaves(def.element, [...path, '[]']);
    case 'enum':
      return [{ path, values: Object.values(def.entries ?? {}) }];
    case 'literal':
      return [{ path, values: (def.values ?? []).map(String) }];
    default:
      // string, number, boolean, unknown, record, transform: one value.
      return [{ path }];
  }
}

/** Why `leaf` has no place in `fields`, or null when it has one. */
function missing(fields: readonly FieldDescription[], leaf: Leaf): string | null {
  const field = fields.find((f) => f.path.every((k, i) => leaf.path[i] === k));
  if (!field) return 'no field';
  const rest = leaf.path.slice(field.path.length);
  if (!field.label.trim()) return 'no label';
  switch (field.show) {
    case 'approval':
      return rest.length === 1 && (rest[0] === 'docNo' || rest[0] === 'date') ? null : `approval has ${rest.join('.')}`;
    case 'votes':
      return rest.length === 1 && ['for', 'against', 'abstain'].includes(rest[0]!)
        ? null
        : `votes has ${rest.join('.')}`;
    case 'people':
      return rest.length === 1 && rest[0] === '[]' ? null : 'people is not a list of ids';
    case 'attachments':
    case 'ruleParams':
    case 'correctionChanges':
    case 'correctedValue':
      return null;
    case 'list':
      if (rest[0] !== '[]') return 'list is not an array';
      if (!field.item.trim()) return 'list has no item label';
      return missing(field.fields, { ...leaf, path: rest.slice(1) });
    case 'enumList': {
      if (rest.length !== 1 || rest[0] !== '[]') return 'enumList is not a list of codes';
      const unlabelled = (leaf.values ?? []).filter((v) => !field.options[v]);
      return unlabelled.length ? `no label for ${unlabelled.join(', ')}` : null;
    }
    case 'enum': {
      if (rest.length) return `enum has ${rest.join('.')}`;
      const unlabelled = (leaf.values ?? []).filter((v) => !field.options[v]);
      return unlabelled.length ? `no label for ${unlabelled.join(', ')}` : null;
    }
    default:
      return rest.length ? `${field.show} has ${rest.join('.')}` : null;
  }
}

/** Every field of a description whose path the schema does not have (a stale description). */
function stale(fields: readonly FieldDescription[], all: Leaf[], base: string[] = []): string[] {
  return fields.flatMap((f) => {
    const path = [...base, ...f.path];
    if (!all.some((l) => path.every((k, i) => l.path[i] === k))) return [path.join('.')];
    return f.show === 'list' ? stale(f.fields, all, [...path, '[]']) : [];
  });
}

function check(description: EntryDescription, schema: unknown): string[] {
  const all = leaves(schema);
  return [
    ...all
      .map((l) => [l.path.join('.'), missing(description.fields, l)] as const)
      .filter(([, why]) => why)
      .map(([p, why]) => `${p}: ${why}`),
    ...stale(description.fields, all).map((p) => `${p}: not in the schema`),
  ];
}

describe('entry descriptions', () => {
  it('give every field of every kind’s schema a label and a place', () => {
    for (const kind of ENTRY_KINDS) {
      if (kind === 'work') continue;
      expect({ kind, problems: check(ENTRY_DESCRIPTIONS[kind], ENTRY_INPUT_SCHEMAS[kind]) }).toEqual({
        kind,
        problems: [],
      });
    }
  });

  it('describe each work-item type by its own schema', () => {
    for (const option of defOf(ENTRY_INPUT_SCHEMAS.work).options ?? []) {
      const type = (leaves(option).find((l) => l.path[0] === 'type')?.values ?? [])[0] as keyof typeof WORK_ITEM_TYPES;
      expect(WORK_DESCRIPTIONS[type], type).toBeDefined();
      expect({ type, problems: check(WORK_DESCRIPTIONS[type], option) }).toEqual({ type, problems: [] });
    }
    expect(Object.keys(WORK_DESCRIPTIONS).sort()).toEqual(Object.keys(WORK_ITEM_TYPES).sort());
  });

  it('notice a field the description lacks', () => {
    const shortened = {
      ...ENTRY_DESCRIPTIONS.activity,
      fields: ENTRY_DESCRIPTIONS.activity.fields.filter((f) => f.path[0] !== 'outcome'),
    };
    expect(check(shortened, ENTRY_INPUT_SCHEMAS.activity)).toEqual(['outcome: no field']);
  });

  it('use the editor forms’ labels', () => {
    const labels = (d: EntryDescription) => d.fields.map((f) => f.label);
    expect(labels(ENTRY_DESCRIPTIONS.activity)).toEqual(
      expect.arrayContaining(['活动名称', '活动内容', '活动成效', '参加成员']),
    );
    expect(labels(ENTRY_DESCRIPTIONS['member.join'])).toEqual(
      expect.arrayContaining(['姓名', '入党时间', '在学会任职', '批复']),
    );
    expect(labels(WORK_DESCRIPTIONS['annual-report'])).toEqual([
      '工作类型',
      '标题',
      '日期',
      '述职年度',
      '述职人',
      '本年度工作情况',
      '存在问题',
      '下一年度工作计划',
      '附件',
      '体现的职责',
    ]);
    expect(describeEntry('work', { type: 'filing' })).toBe(WORK_DESCRIPTIONS.filing);
    expect(describeEntry('something.new')).toBeUndefined();
  });
});

describe('readEntryBody', () => {
  const activity = {
    type: 'study',
    title: '学习',
    date: '2025-03-19',
    place: '会议室',
    organizer: '小组',
    content: '学习文件',
  };

  it('returns the typed input of a domain entry, with its defaults', () => {
    const read = readEntryBody('activity', { v: 1, input: activity, computed: {}, flags: [] });
    expect(read.ok).toBe(true);
    if (read.ok && read.body.kind === 'activity') expect(read.body.input.participantIds).toEqual([]);
  });

  it('reads ledger entries as their own body', () => {
    const read = readEntryBody('ledger.correction', {
      target: 8,
      targetHash: 'd'.repeat(64),
      field: '/input/content',
      value: 'x',
      reason: '漏记',
      by: '赵六',
    });
    expect(read.ok && read.body.kind === 'ledger.correction' && read.body.input.target).toBe(8);
  });

  it('says what does not fit', () => {
    expect(
      readEntryBody('activity', { v: 1, input: { ...activity, type: 'party' }, computed: {}, flags: [] }),
    ).toMatchObject({ ok: false, problem: expect.stringContaining('type') });
    expect(readEntryBody('activity', activity)).toMatchObject({ ok: false });
    expect(readEntryBody('no.such', {})).toMatchObject({ ok: false, problem: expect.stringContaining('no.such') });
  });
});

describe('fields by pointer', () => {
  const names = new Map([
    ['m1', '张三'],
    ['m3', '王五'],
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const meeting = {
    presentIds: ['m1'],
    absent: [{ memberId: 'm3', leaveNote: '出差' }],
    topics: [{ title: '学习', discussion: '交流', dissent: '' }],
    decisions: [{ text: '通过计划', votes: { for: 2, against: 0, abstain: 0 } }],
    guests: [],
    attachments: [],
  };

  it('names a pointer by the description, never by the schema path', () => {
    const label = (rel: (string | number)[], input: unknown = meeting) =>
      locateField(ENTRY_DESCRIPTIONS.meeting, rel, input, nameOf)?.label;
    expect(label(['topics', 0, 'discussion'])).toBe('议题 1 讨论情况');
    expect(label(['absent', 0, 'leaveNote'])).toBe('请假说明（王五）');
    expect(label(['decisions', 0, 'votes', 'for'])).toBe('决议 1 同意票');
    expect(label(['presentIds'])).toBe('实到');
    expect(locateField(ENTRY_DESCRIPTIONS['member.join'], ['approval', 'docNo'], {}, nameOf)?.label).toBe('批复文号');
    expect(label(['nonsense'])).toBeUndefined();
  });

  it('offers fields left empty at sealing, but not a member’s identity, technical fields or an election not held', () => {
    const join = {
      memberId: 'x',
      person: { name: '王志强', gender: '男', ethnicity: '汉族', birthDate: '1980-01-01', isCpcMember: true },
      role: 'member',
      joinedOn: '2025-01-01',
      approval: { docNo: '1号', date: '2025-01-01' },
    };
    const offered = correctableFields(ENTRY_DESCRIPTIONS['member.join'], join, nameOf);
    expect(offered.map((f) => f.label)).toEqual(expect.arrayContaining(['入党时间', '批复文号', '批复日期', '备注']));
    expect(offered.find((f) => f.label === '入党时间')).toMatchObject({
      rel: ['person', 'partyJoinDate'],
      editor: 'date',
    });
    expect(offered.some((f) => f.rel.includes('memberId'))).toBe(false);
    const leave = correctableFields(ENTRY_DESCRIPTIONS['member.leave'], { memberId: 'm1' }, nameOf);
    expect(leave.some((f) => f.rel[0] === 'memberId')).toBe(false);

    const m = correctableFields(ENTRY_DESCRIPTIONS.meeting, meeting, nameOf, [['presentIds'], ['absent']]);
    expect(m.map((f) => toPointer(f.rel))).toEqual(
      expect.arrayContaining(['/topics/0/discussion', '/decisions/0/votes/abstain', '/place']),
    );
    expect(
      m.some(
        (f) =>
          f.rel[0] === 'election' || f.rel[0] === 'presentIds' || f.rel[0] === 'absent' || f.rel[0] === 'attachments',
      ),
    ).toBe(false);
  });

  it('offers 体现的职责 as a list of duties to add later, on entries sealed without it', () => {
    const activity = {
      type: 'volunteer',
      title: '科普进社区',
      date: '2025-09-06',
      place: '社区',
      organizer: '秘书处',
      participantIds: [],
      content: '讲座',
    };
    const duties = correctableFields(ENTRY_DESCRIPTIONS.activity, activity, nameOf).find(
      (f) => f.label === '体现的职责',
    );
    expect(duties).toMatchObject({ rel: ['duties'], editor: 'enumList' });
    expect(duties!.field.show === 'enumList' && duties!.field.options.volunteer).toBe('志愿服务');
  });
});

describe('record-book dates', () => {
  it('writes dates in Chinese and the ledger’s UTC time in Beijing time', () => {
    expect(chineseDate('2025-03-08')).toBe('2025年3月8日');
    expect(chineseDateTime('2025-03-18T09:30')).toBe('2025年3月18日 09:30');
    expect(beijingTime('2025-03-18T02:02:00.000Z')).toBe('2025年3月18日 10:02');
    expect(beijingTime('2025-03-18T17:30:00.000Z')).toBe('2025年3月19日 01:30');
  });
});
