/**
 * The first-run screen's second choice: open the demo book (示例记录本) instead of setting up
 * a real one. The first time, the service generates it (a few seconds), so the button says so.
 */
import { useState } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useApi } from '../api-context';
import { errorMessage } from '../api';

export function DemoChoice({ onOpened }: { onOpened: (bookId: string) => void }) {
  const api = useApi();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setOpening(true);
    setError(null);
    try {
      const demo = await api['demo.open']({});
      onOpened(demo.bookId);
    } catch (e) {
      setError(errorMessage(e));
      setOpening(false);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 24 }} data-testid="demo-choice">
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div style={{ maxWidth: 620 }}>
          <Typography.Text strong>先看看示例？</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            示例记录本是一个虚构的北京市科技社团党建工作小组两年的记录（成员变动、会议与请假、列席、更正、活动、述职、逾期备案等），
            供熟悉本程序使用。它单独保存，不是正式记录，不会混入您的记录本，可随时一键删除。
          </Typography.Paragraph>
        </div>
        <Button icon={<ExperimentOutlined />} loading={opening} onClick={() => void open()} data-testid="demo-open">
          {opening ? '正在生成示例记录本…' : '打开示例记录本'}
        </Button>
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={`无法打开示例记录本：${error}`}
          data-testid="demo-error"
        />
      )}
    </Card>
  );
}
