/** 第 N 条 links: every ledger figure opens the entries behind it (the entry view). */
import { Button, Popover, Space, Typography } from 'antd';
import type { LedgerEntryRef } from '../../db/rules';
import { navigate, routeHash } from '../app/routes';

export type EntryRefs = Record<number, LedgerEntryRef>;

export function EntryLink({ seq, refs }: { seq: number; refs: EntryRefs }) {
  const ref = refs[seq];
  const label = ref ? `${ref.kindLabel}：${ref.title}${ref.date ? `（${ref.date}）` : ''}` : `第 ${seq} 条记录`;
  return (
    <a
      href={routeHash({ page: 'entry', seq })}
      title={label}
      data-testid={`ledger-link-${seq}`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ page: 'entry', seq });
      }}
    >
      第 {seq} 条
    </a>
  );
}

/** A few links inline; more behind a “共 N 条” popover listing each entry with its title. */
export function EntryLinks({
  seqs,
  refs,
  max = 4,
  empty = '—',
}: {
  seqs: readonly number[];
  refs: EntryRefs;
  max?: number;
  empty?: string;
}) {
  if (seqs.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const shown = seqs.slice(0, max);
  const list = (
    <Space orientation="vertical" size={2} style={{ maxHeight: 320, overflow: 'auto' }}>
      {seqs.map((s) => (
        <span key={s}>
          <EntryLink seq={s} refs={refs} /> {refs[s]?.title ?? ''}
        </span>
      ))}
    </Space>
  );
  return (
    <Space size={6} wrap>
      {shown.map((s) => (
        <EntryLink key={s} seq={s} refs={refs} />
      ))}
      {seqs.length > max && (
        <Popover content={list} title={`共 ${seqs.length} 条记录`} trigger="click">
          <Button type="link" size="small" style={{ padding: 0 }}>
            等共 {seqs.length} 条
          </Button>
        </Popover>
      )}
    </Space>
  );
}

/** A figure that opens its entries: the number, and under it the links. */
export function Figure({
  label,
  value,
  seqs,
  refs,
  tone,
  testId,
}: {
  label: string;
  value: string | number;
  seqs: readonly number[];
  refs: EntryRefs;
  tone?: 'good' | 'warn' | 'bad';
  testId: string;
}) {
  const color = tone === 'good' ? '#389e0d' : tone === 'warn' ? '#d46b08' : tone === 'bad' ? '#cf1322' : undefined;
  return (
    <div className="ledger-figure" data-testid={testId} style={{ minWidth: 140 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, lineHeight: '32px', color }} data-testid={`${testId}-value`}>
        {value}
      </div>
      <EntryLinks seqs={seqs} refs={refs} max={3} empty="" />
    </div>
  );
}
