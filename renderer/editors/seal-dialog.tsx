/**
 * The confirmation before sealing. It shows exactly what becomes permanent (the editor
 * passes a read-only summary of every field) and says plainly that a sealed record can
 * never be edited, only corrected by a visible 更正 next to it.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';

export interface SealDialogProps {
  open: boolean;
  sealing: boolean;
  /** Problems that the service will refuse (e.g. a missing leave note): confirm is disabled. */
  blocked?: string[];
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function SealDialog({ open, sealing, blocked = [], onConfirm, onCancel, children }: SealDialogProps) {
  return (
    <Modal
      open={open}
      title="确认封存：以下内容将永久记入记录本"
      width={860}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={onCancel} disabled={sealing}>返回修改</Button>,
        <Button
          key="seal" type="primary" danger loading={sealing} disabled={blocked.length > 0}
          onClick={onConfirm} data-testid="seal-confirm"
        >
          确认封存
        </Button>,
      ]}
    >
      <Alert
        type="warning" showIcon style={{ marginBottom: 16 }}
        title="封存后，这条记录将永久保存，不能再修改或删除。"
        description="如发现错误，只能在原记录旁追加签名的“更正”，原文始终保留。请逐项核对后再确认。"
      />
      {blocked.length > 0 && (
        <Alert
          type="error" showIcon style={{ marginBottom: 16 }} data-testid="seal-blocked"
          title="以下问题必须先改正，才能封存"
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{blocked.map((b) => <li key={b}>{b}</li>)}</ul>}
        />
      )}
      <div data-testid="seal-summary">{children}</div>
    </Modal>
  );
}
