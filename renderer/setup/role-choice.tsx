/**
 * The first question of the first run: who uses this installation. 记录人 keeps an
 * organisation's book (the wizard, or a bundle imported from the old computer); 党建联络员
 * sets up a signing identity and then imports the societies' books to check. One installation
 * may hold both: the other role is added later from the menu (联络员身份 / 设置 → 新建记录本).
 */
import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';

export type Role = 'recorder' | 'liaison';

const OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: 'recorder', label: '记录人', hint: '为学会党组织建立并填写工作记录本' },
  { value: 'liaison', label: '党建联络员', hint: '导入各学会的数据包，抽查记录并出具签名回执' },
];

export function RoleChoice({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  return (
    <div style={{ maxWidth: 960, margin: '24px auto 0', padding: '0 24px' }} className="no-print">
      <Typography.Text strong style={{ marginRight: 12 }}>
        本机使用者：
      </Typography.Text>
      <Segmented<Role>
        data-testid="role-choice"
        value={value}
        onChange={onChange}
        options={OPTIONS.map((o) => ({
          value: o.value,
          label: (
            <div style={{ padding: '4px 8px' }} data-testid={`role-${o.value}`}>
              <div style={{ fontWeight: 600 }}>{o.label}</div>
              <div style={{ fontSize: 12, opacity: 0.75 }}>{o.hint}</div>
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** The first-run screen: the role choice, then that role's set-up below it. */
export function FirstRunRoles({
  role,
  onRole,
  recorder,
  liaison,
  locked = false,
}: {
  role: Role;
  onRole: (role: Role) => void;
  recorder: ReactNode;
  liaison: ReactNode;
  /** Once the chosen role's book exists (its fingerprint on screen), the choice is gone. */
  locked?: boolean;
}) {
  return (
    <div data-testid="first-run">
      {!locked && <RoleChoice value={role} onChange={onRole} />}
      {role === 'recorder' ? recorder : <div style={{ padding: '24px 16px' }}>{liaison}</div>}
    </div>
  );
}
