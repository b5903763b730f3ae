/**
 * The confirmation before sealing. It shows exactly what becomes permanent (the editor
 * passes a read-only summary of every field), every check the seal will apply to exactly
 * this input (from `entries.check`, the seal's own checks: what blocks sealing, which flags
 * are sealed with it, what passed), and says plainly that a sealed record can never be
 * edited, only corrected by a visible 更正 next to it.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Collapse, Modal, Spin, Typography } from 'antd';
import type { EntryCheck } from '../../db/contract';
import { CheckGroups } from './check-groups';

export interface SealDialogProps {
  open: boolean;
  sealing: boolean;
  /** The checks of the input shown; its blocking problems disable the confirmation. */
  check?: EntryCheck | null;
  /** The check could not be made: sealing still checks, and refuses what it must. */
  checkError?: string | null;
  checking?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function SealDialog({
  open,
  sealing,
  check = null,
  checkError = null,
  checking = false,
  onConfirm,
  onCancel,
  children,
}: SealDialogProps) {
  const blocked = (check?.blocking.length ?? 0) > 0;
  return (
    <Modal
      open={open}
      title="确认封存：以下内容将永久记入记录本"
      width={860}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={onCancel} disabled={sealing}>
          返回修改
        </Button>,
        <Button
          key="seal"
          type="primary"
          danger
          loading={sealing}
          disabled={blocked || checking}
          onClick={onConfirm}
          data-testid="seal-confirm"
        >
          确认封存
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="封存后，这条记录将永久保存，不能再修改或删除。"
        description="如发现错误，只能在原记录旁追加签名的“更正”，原文始终保留。请逐项核对后再确认。"
      />
      <div data-testid="seal-checks" style={{ marginBottom: 16 }}>
        {checking && (
          <Typography.Text type="secondary">
            <Spin size="small" /> 正在进行封存前检查…
          </Typography.Text>
        )}
        {checkError && (
          <Alert
            type="error"
            showIcon
            title={`封存前检查暂不可用：${checkError}`}
            description="确认封存时仍会检查，不符合要求的记录不会被封存。"
          />
        )}
        {check && (
          <>
            <CheckGroups check={check} blockingTestId="seal-blocked" showPassed={false} />
            {check.passed.length > 0 && (
              <Collapse
                size="small"
                ghost
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'passed',
                    label: `已通过的检查（${check.passed.length} 项）`,
                    children: (
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {check.passed.map((p, i) => (
                          <li key={i} data-testid="rule-passed">
                            {p}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </div>
      <div data-testid="seal-summary">{children}</div>
    </Modal>
  );
}
