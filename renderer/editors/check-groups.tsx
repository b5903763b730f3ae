/**
 * One entry's checks, grouped as the recorder must read them: what BLOCKS sealing (须修改后才能
 * 封存, red), what will be SEALED as a flag with the entry (将随记录一并封存的提示, orange) and
 * what passed (已通过, green). The live panel and the confirmation both show this, from the
 * same `entries.check` answer the seal itself applies.
 */
import { Alert, Flex, Typography } from 'antd';
import { CHECK_GROUP_LABELS, type EntryCheck } from '../../db/contract';

export interface CheckGroupsProps {
  check: EntryCheck;
  /** Test id of the blocking group (the confirmation keeps its own `seal-blocked`). */
  blockingTestId?: string;
  /** Hide the passed checks (the confirmation lists them folded under the summary). */
  showPassed?: boolean;
}

function Items({ items, testId }: { items: { key: string; text: string }[]; testId: string }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((i) => (
        <li key={i.key} data-testid={testId}>
          {i.text}
        </li>
      ))}
    </ul>
  );
}

export function CheckGroups({ check, blockingTestId = 'check-blocking', showPassed = true }: CheckGroupsProps) {
  const { blocking, flags, passed } = check;
  const nothing = blocking.length === 0 && flags.length === 0 && passed.length === 0;
  return (
    <Flex vertical gap={8} data-testid="check-groups">
      {blocking.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid={blockingTestId}
          title={`${CHECK_GROUP_LABELS.blocking}（${blocking.length} 项）`}
          description={
            <Items testId="rule-error" items={blocking.map((b, i) => ({ key: `${i}-${b.field}`, text: b.message }))} />
          }
        />
      )}
      {flags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="check-flags"
          title={`${CHECK_GROUP_LABELS.flags}（${flags.length} 项）`}
          description={
            <>
              <Items testId="rule-flag" items={flags.map((f, i) => ({ key: `${i}-${f.code}`, text: f.message }))} />
              <Typography.Text type="secondary">
                这些提示不妨碍封存，但会与记录一起永久保存，联络员抽查时可以看到。
              </Typography.Text>
            </>
          }
        />
      )}
      {showPassed && passed.length > 0 && (
        <Alert
          type="success"
          showIcon
          data-testid="check-passed"
          title={`${CHECK_GROUP_LABELS.passed}（${passed.length} 项）`}
          description={<Items testId="rule-passed" items={passed.map((p, i) => ({ key: `${i}`, text: p }))} />}
        />
      )}
      {nothing && (
        <Typography.Text type="secondary" data-testid="check-empty">
          填写日期等内容后，这里会显示封存前的检查结果。
        </Typography.Text>
      )}
    </Flex>
  );
}
