/**
 * Step 1 of a spot check: how many entries, from which part of the book (all kinds, one kind,
 * one year). The service draws the seed with a cryptographic RNG and records it with the
 * method, so anyone can re-draw the same sample from the same book size.
 */
import { useState } from 'react';
import { Button, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { KIND_FILTERS } from '../app/labels';

export type ScopeChoice = { type: 'all' } | { type: 'kind'; kind: string } | { type: 'year'; year: number };

export function SpotDrawForm({
  busy,
  years,
  onDraw,
}: {
  busy: boolean;
  years: number[];
  onDraw: (count: number, scope: ScopeChoice) => void;
}) {
  const [count, setCount] = useState<number | null>(5);
  const [type, setType] = useState<ScopeChoice['type']>('all');
  const [kind, setKind] = useState<string>('meeting');
  const [year, setYear] = useState<number | undefined>(years[0]);
  const scope: ScopeChoice =
    type === 'kind' ? { type, kind } : type === 'year' && year ? { type, year } : { type: 'all' };
  return (
    <Space orientation="vertical" size={12} data-testid="spot-draw-form">
      <Space wrap>
        <span>抽取</span>
        <InputNumber
          aria-label="抽取条数"
          data-testid="spot-count"
          min={1}
          max={50}
          precision={0}
          value={count}
          onChange={(v) => setCount(typeof v === 'number' ? v : null)}
        />
        <span>条记录，范围：</span>
        <Radio.Group
          aria-label="抽查范围"
          value={type}
          onChange={(e) => setType(e.target.value as ScopeChoice['type'])}
          options={[
            { value: 'all', label: '全部记录' },
            { value: 'kind', label: '某类记录' },
            { value: 'year', label: '某一年度', disabled: years.length === 0 },
          ]}
        />
        {type === 'kind' && (
          <Select
            aria-label="记录类型"
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={KIND_FILTERS.map((k) => ({ value: k.value, label: k.label }))}
          />
        )}
        {type === 'year' && (
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
        )}
      </Space>
      <Typography.Text type="secondary">
        样本由程序用密码学随机数生成的种子抽取，种子与抽样方法随抽查记录一并封存，任何人可据此从同样条数的记录本重新抽出相同的样本。
      </Typography.Text>
      <Button
        type="primary"
        loading={busy}
        disabled={count === null || count < 1 || count > 50}
        onClick={() => count !== null && onDraw(count, scope)}
        data-testid="spot-draw"
      >
        抽取样本
      </Button>
    </Space>
  );
}
