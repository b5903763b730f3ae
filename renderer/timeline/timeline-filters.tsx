/** Filters of the timeline: kind, year, member, flag. */
import { Button, Select, Space } from 'antd';
import type { MemberView } from '../../db/contract';
import { KIND_FILTERS } from '../app/labels';
import { SEARCH_FOCUS_ATTR } from '../app/use-shortcuts';

export interface FilterState {
  kind?: string;
  year?: number;
  memberId?: string;
  flag?: string;
}

export function TimelineFilters({
  value,
  onChange,
  members,
  flags,
  years,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  members: MemberView[];
  flags: { code: string; message: string }[];
  years: number[];
}) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== undefined);
  return (
    <Space wrap data-testid="timeline-filters">
      <div {...{ [SEARCH_FOCUS_ATTR]: 'search' }}>
        <Select
          allowClear
          aria-label="按类别筛选"
          data-testid="filter-kind"
          placeholder="全部类别（Ctrl+F）"
          style={{ width: 180 }}
          value={value.kind}
          onChange={(kind?: string) => set({ kind })}
          options={KIND_FILTERS.map((k) => ({ value: k.value, label: k.label }))}
        />
      </div>
      <Select
        allowClear
        aria-label="按年度筛选"
        data-testid="filter-year"
        placeholder="全部年度"
        style={{ width: 120 }}
        value={value.year}
        onChange={(year?: number) => set({ year })}
        options={years.map((y) => ({ value: y, label: `${y} 年` }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label="按成员筛选"
        data-testid="filter-member"
        placeholder="全部成员"
        style={{ width: 160 }}
        value={value.memberId}
        onChange={(memberId?: string) => set({ memberId })}
        options={members.map((m) => ({
          value: m.memberId,
          label: m.active ? m.person.name : `${m.person.name}（已离任）`,
        }))}
      />
      <Select
        allowClear
        aria-label="按提示筛选"
        data-testid="filter-flag"
        placeholder="全部提示"
        style={{ width: 200 }}
        value={value.flag}
        onChange={(flag?: string) => set({ flag })}
        options={flags.map((f) => ({ value: f.code, label: f.message }))}
        notFoundContent="暂无规则提示"
      />
      {active && <Button onClick={() => onChange({})}>清除筛选</Button>}
    </Space>
  );
}
