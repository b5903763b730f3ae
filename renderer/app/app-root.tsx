/**
 * The renderer's root: the app shell (antd in Chinese, messages, error boundary) and
 * the gate that shows the first-run wizard when this machine has no book yet.
 */
import { useCallback, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { useApi } from '../api-context';
import { useAsync } from './use-async';
import { BookProvider, pickInitialBook } from './book-context';
import { AppShell } from './app-shell';
import { Frame } from './frame';
import { SetupWizard } from '../setup/setup-wizard';
import { FirstRunImport } from '../bundle/bundle-card';

export function BooksGate() {
  const api = useApi();
  const books = useAsync(useCallback(() => api['books.list']({}), [api]));
  const [chosen, setChosen] = useState<string | null>(null);
  const list = books.data;

  if (!list) {
    if (books.error) {
      return (
        <Result status="warning" title="无法打开记录本" subTitle={books.error}
          extra={<Button type="primary" onClick={books.reload}>重试</Button>} />
      );
    }
    return <div style={{ padding: 80, textAlign: 'center' }}><Spin size="large" description="正在打开记录本…"><div style={{ height: 40 }} /></Spin></div>;
  }
  const bookId = chosen && list.some((b) => b.bookId === chosen) ? chosen : pickInitialBook(list);
  if (list.length === 0 || !bookId) {
    return (
      <>
        <FirstRunImport onImported={(importedId) => { setChosen(importedId); books.reload(); }} />
        <SetupWizard onDone={(createdId) => { setChosen(createdId); books.reload(); }} />
      </>
    );
  }
  return (
    <BookProvider books={list} bookId={bookId} onSelect={setChosen} onCreated={books.reload}>
      <Frame />
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
