/**
 * The seal's checks inside a small dialog (member changes): the same groups as the editors'
 * rule panel (须修改后才能封存 / 将随记录一并封存的提示 / 已通过), without the panel's frame.
 * It watches the dialog's antd form itself, so typing re-renders only this box, not the dialog.
 * Rendered only inside an open book (the set-up wizard checks the whole roster at creation).
 */
import { Alert, Flex, Form, Spin, Typography, type FormInstance } from 'antd';
import type { EntryCheckInput } from '../../db/contract';
import { CheckGroups } from './check-groups';
import type { MemberDialogValues } from './entry-check-input';
import { useSealCheck } from './use-seal-check';

export interface LiveChecksProps {
  bookId: string;
  form: FormInstance;
  /** The check input of the form's current values. */
  entryOf: (values: MemberDialogValues | undefined) => EntryCheckInput;
}

export function LiveChecks({ bookId, form, entryOf }: LiveChecksProps) {
  const values = Form.useWatch([], form) as MemberDialogValues | undefined;
  const state = useSealCheck(bookId, entryOf(values));
  return (
    <Flex vertical gap={4} data-testid="live-checks" aria-live="polite">
      <Typography.Text strong>
        封存前检查{state.pending && <Spin size="small" style={{ marginInlineStart: 8 }} />}
      </Typography.Text>
      {state.error && (
        <Alert type="error" showIcon title={`检查暂不可用：${state.error}`} description="封存时仍会检查。" />
      )}
      {state.check && <CheckGroups check={state.check} />}
    </Flex>
  );
}
