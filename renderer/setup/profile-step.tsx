/** Wizard step 2: which local rules the book checks meetings against. */
import { Radio, Space, Typography } from 'antd';
import { PROFILE_CHOICES, type ProfileId } from '../app/labels';
import { CustomRules, type CustomRuleValues } from './custom-rules';

export function ProfileStep({ value, onChange, custom, onCustomChange }: {
  value: ProfileId;
  onChange: (id: ProfileId) => void;
  custom: CustomRuleValues;
  onCustomChange: (v: CustomRuleValues) => void;
}) {
  return (
    <div data-testid="wizard-profile">
      <Typography.Paragraph type="secondary">
        规则方案决定会议到会人数、表决通过和纪要备案期限如何检查。检查只作提示，不会阻止记录；以后可在“设置与密钥”中变更（变更本身也会记入记录本）。
      </Typography.Paragraph>
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value as ProfileId)} style={{ width: '100%' }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {PROFILE_CHOICES.map((p) => (
            <Radio key={p.id} value={p.id} data-testid={`profile-${p.id}`}>
              <Typography.Text strong>{p.name}</Typography.Text>
              <div><Typography.Text type="secondary">{p.rule}</Typography.Text></div>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {value === 'custom' && <CustomRules value={custom} onChange={onCustomChange} />}
    </div>
  );
}
