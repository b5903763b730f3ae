/**
 * How the demo book is marked wherever it shows: a tag in the header, a banner above every
 * page that stays on paper when printed (so a printout or PDF of it says 示例 too), the
 * window title, and the ways out (leave it, or delete it in one click).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Space, Tag } from 'antd';
import { useApi } from '../api-context';
import { errorMessage } from '../api';

export const DEMO_LABEL = '示例记录本（非正式记录）';
const APP_TITLE = '党建工作小组工作记录本';

export function DemoTag() {
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="demo-tag">
      {DEMO_LABEL}
    </Tag>
  );
}

/** The title of the window (and of the browser tab): the demo's says so first. */
export function useWindowTitle(demo: boolean): void {
  useEffect(() => {
    document.title = demo ? `${DEMO_LABEL} — ${APP_TITLE}` : APP_TITLE;
    return () => {
      document.title = APP_TITLE;
    };
  }, [demo]);
}

/** `onLeave`: back to the first-run screen or the real book; after a delete too. */
export function DemoBanner({ onLeave }: { onLeave: () => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [removing, setRemoving] = useState(false);

  const remove = async () => {
    setRemoving(true);
    try {
      await api['demo.remove']({});
      void message.success('示例记录本已删除');
      onLeave();
    } catch (e) {
      setRemoving(false);
      void message.error(`无法删除示例记录本：${errorMessage(e)}`);
    }
  };

  return (
    <Alert
      banner
      type="info"
      className="demo-banner"
      data-testid="demo-banner"
      title={`${DEMO_LABEL}：本记录本中的组织、人员和事项均为虚构，仅供熟悉本程序，不能作为正式记录使用或导出。`}
      action={
        <Space className="no-print">
          <Button size="small" onClick={onLeave} data-testid="demo-leave">
            退出示例
          </Button>
          <Button size="small" danger loading={removing} onClick={() => void remove()} data-testid="demo-remove">
            删除示例记录本
          </Button>
        </Space>
      }
    />
  );
}
