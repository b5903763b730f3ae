/**
 * 变更规则方案: the organisation changes the local rules it follows. The change is itself a
 * sealed entry with its reason; entries sealed before keep the results of the old rules.
 */
import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useApi } from '../api-context';
import { ProfileStep } from '../setup/profile-step';
import type { CustomRuleValues } from '../setup/custom-rules';
import { profileChoiceOf, type ProfileId } from '../setup/use-profiles';
import { useReasonedChange } from './use-reasoned-change';
import { enterSubmits } from '../forms/enter-submit';

export function ProfileChange({
  bookId,
  current,
  disabled,
  onChanged,
}: {
  bookId: string;
  current: string;
  disabled: boolean;
  onChanged: () => void;
}) {
  const api = useApi();
  const change = useReasonedChange('规则方案', '例如上级党组织的通知文号', onChanged);
  const { open, setOpen, reason, setReason, busy, error } = change;
  const [profile, setProfile] = useState<ProfileId>(current as ProfileId);
  const [custom, setCustom] = useState<CustomRuleValues>({});

  const submit = () =>
    change.seal((why, requestId) => {
      return api['profile.change']({ bookId, requestId, profile: profileChoiceOf(profile, custom), reason: why });
    });

  return (
    <>
      <Button
        icon={<SwapOutlined />}
        disabled={disabled}
        onClick={() => {
          setProfile(current as ProfileId);
          setOpen(true);
        }}
        data-testid="profile-change"
      >
        变更规则方案
      </Button>
      <Modal
        open={open}
        title="变更规则方案"
        okText="封存变更"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => {
          void submit();
        }}
        onCancel={() => setOpen(false)}
        width={720}
        destroyOnHidden
      >
        <div onKeyDown={enterSubmits(submit)}>
          <Typography.Paragraph type="secondary">
            变更将作为一条记录封存；此前已封存的记录保留原规则下的检查结果。
          </Typography.Paragraph>
          <ProfileStep value={profile} onChange={setProfile} custom={custom} onCustomChange={setCustom} />
          <Typography.Text strong style={{ display: 'block', marginTop: 16 }}>
            变更原因
          </Typography.Text>
          <Input
            aria-label="变更原因"
            data-testid="profile-change-reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <Typography.Text type="danger" data-testid="profile-change-error">
              {error}
            </Typography.Text>
          )}
        </div>
      </Modal>
    </>
  );
}
