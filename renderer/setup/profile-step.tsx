/** Wizard step 2 (and 变更规则方案): which local rules the book checks meetings against. */
import { Alert, Radio, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../api';
import { CustomRules, type CustomRuleValues } from './custom-rules';
import { useProfileCatalog, type ProfileId } from './use-profiles';

export function ProfileStep({
  value,
  onChange,
  custom,
  onCustomChange,
}: {
  value: ProfileId;
  onChange: (id: ProfileId) => void;
  custom: CustomRuleValues;
  onCustomChange: (v: CustomRuleValues) => void;
}) {
  const catalog = useProfileCatalog();
  const chosen = catalog.data?.profiles.find((p) => p.id === value);
  return (
    <div data-testid="wizard-profile">
      <Typography.Paragraph type="secondary">
        规则方案决定会议到会人数、表决通过和纪要备案期限如何检查。检查只作提示，不会阻止记录；以后可在“设置与密钥”中变更（变更本身也会记入记录本）。
      </Typography.Paragraph>
      {catalog.error && <Alert type="error" showIcon title={`无法读取规则方案：${errorMessage(catalog.error)}`} />}
      {catalog.isPending && <Skeleton active />}
      {catalog.data && (
        <Radio.Group value={value} onChange={(e) => onChange(e.target.value as ProfileId)} style={{ width: '100%' }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {catalog.data.profiles.map((p) => (
              <Radio key={p.id} value={p.id} data-testid={`profile-${p.id}`}>
                <Typography.Text strong>{p.label}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{p.summary}</Typography.Text>
                </div>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {value === 'custom' && chosen && catalog.data && (
        <CustomRules
          params={chosen.params}
          words={catalog.data.thresholdWords}
          value={custom}
          onChange={onCustomChange}
        />
      )}
    </div>
  );
}
