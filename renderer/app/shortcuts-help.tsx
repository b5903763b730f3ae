/** The keyboard shortcuts, for F1 and the 帮助 menu. */
import { Modal, Table } from 'antd';

const ROWS = [
  { key: 'Ctrl + N', action: '新建会议记录' },
  { key: 'Ctrl + K / Ctrl + F', action: '搜索记录（标题、内容、人名或拼音首字母）' },
  { key: 'Ctrl + Shift + F', action: '定位到记录本的筛选框' },
  { key: 'Alt + 1 … 5', action: '切换到 记录本 / 成员 / 年度台账 / 草稿 / 设置与密钥' },
  { key: 'Enter', action: '在记录列表中打开选中的记录' },
  { key: 'F1', action: '显示本帮助' },
];

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="键盘快捷键" footer={null} onCancel={onClose} data-testid="shortcuts-help">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={ROWS}
        columns={[
          { title: '按键', dataIndex: 'key', width: 140 },
          { title: '作用', dataIndex: 'action' },
        ]}
      />
    </Modal>
  );
}
