/**
 * The renderer's root: the app shell (antd in Chinese, messages, error boundary) and
 * the gate that shows the first-run wizard when this machine has no book yet.
 */
import { useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { errorText, useServiceQuery } from './service-query';
import { BookProvider, pickInitialBook } from './book-context';
import { AppShell } from './app-shell';
import { Frame } from './frame';
import { SetupWizard } from '../setup/setup-wizard';
import { DemoChoice } from '../demo/demo-choice';
import { FirstRunImport } from '../bundle/bundle-card';
import { FirstRunRoles, type Role } from '../setup/role-choice';
import { LiaisonSetup } from '../setup/liaison-setup';
import { navigate } from './routes';

export function BooksGate() {
  const books = useServiceQuery('books.list', {});
  const reload = () => void books.refetch();
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('recorder');
  const [roleLocked, setRoleLocked] = useState(false);
  const list = books.data;

  if (!list) {
    if (books.error) {
      return (
        <Result
          status="warning"
          title="无法打开记录本"
          subTitle={errorText(books.error)}
          extra={
            <Button type="primary" loading={books.isFetching} onClick={reload}>
              重试
            </Button>
          }
        />
      );
    }
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin size="large" description="正在打开记录本…">
          <div style={{ height: 40 }} />
        </Spin>
      </div>
    );
  }
  // The demo book opens only when chosen: on start, and on leaving it, the real books come first.
  const real = list.filter((b) => !b.demo);
  const bookId = chosen && list.some((b) => b.bookId === chosen) ? chosen : pickInitialBook(real);
  const leaveDemo = () => {
    setChosen(null);
    reload();
  };
  if (!bookId) {
    const recorder = (
      <>
        <FirstRunImport
          onImported={(importedId) => {
            setChosen(importedId);
            reload();
          }}
        />
        <SetupWizard
          onCreated={() => setRoleLocked(true)}
          onDone={(createdId) => {
            setChosen(createdId);
            reload();
          }}
          aside={
            <DemoChoice
              onOpened={(demoId) => {
                setChosen(demoId);
                reload();
              }}
            />
          }
        />
      </>
    );
    const liaison = (
      <LiaisonSetup
        onCreated={() => setRoleLocked(true)}
        onDone={(liaisonBookId) => {
          setChosen(liaisonBookId);
          navigate({ page: 'workspace' }, { replace: true });
          reload();
        }}
      />
    );
    return <FirstRunRoles role={role} onRole={setRole} recorder={recorder} liaison={liaison} locked={roleLocked} />;
  }
  return (
    <BookProvider books={list} bookId={bookId} onSelect={setChosen} onCreated={reload}>
      <Frame onLeaveDemo={leaveDemo} />
    </BookProvider>
  );
}

export function LogbookApp() {
  return (
    <AppShell>
      <BooksGate />
    </AppShell>
  );
}
