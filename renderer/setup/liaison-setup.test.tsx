import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LiaisonSetup } from './liaison-setup';
import { realBook } from '../test/real-service';
import { BooksGate } from '../app/app-root';
import { fakeApi, renderWithApi } from '../test/kit';

describe('the liaison set-up (real service)', () => {
  it('refuses empty fields without calling, then sets up the identity and shows its printable fingerprint', async () => {
    const user = userEvent.setup();
    const real = await realBook();
    let entered: string | null = null;
    renderWithApi(<LiaisonSetup onDone={(id) => (entered = id)} />, real.api);

    await user.click(screen.getByTestId('liaison-setup-submit'));
    expect(await screen.findByText('请填写姓名')).toBeInTheDocument();
    expect(screen.getByText('请填写工作单位')).toBeInTheDocument();
    expect(real.api['liaison.setup']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('姓名'), '张联络');
    await user.type(screen.getByLabelText('工作单位'), '科技社团党委组织部{Enter}');
    await screen.findByTestId('liaison-setup-done');
    const view = (await real.api['liaison.get']({})) as { keyId: string; bookId: string };
    expect(screen.getByTestId('liaison-name')).toHaveTextContent('张联络');
    expect(screen.getByTestId('liaison-key-id')).toHaveTextContent(view.keyId);
    expect(screen.getByTestId('liaison-allowed-signers')).toHaveTextContent('namespaces="dangjian-logbook-receipt"');
    expect(screen.getByTestId('print-liaison-fingerprint')).toBeInTheDocument();
    await user.click(screen.getByTestId('liaison-enter'));
    expect(entered).toBe(view.bookId);
  }, 30_000);

  it('shows the service refusal of a second identity in Chinese', async () => {
    const user = userEvent.setup();
    const real = await realBook();
    await real.api['liaison.setup']({ liaison: { name: '甲', office: '某单位' } });
    renderWithApi(<LiaisonSetup onDone={() => {}} />, real.api);
    await user.type(screen.getByLabelText('姓名'), '乙');
    await user.type(screen.getByLabelText('工作单位'), '另一单位');
    await user.click(screen.getByTestId('liaison-setup-submit'));
    expect(await screen.findByTestId('liaison-setup-error')).toHaveTextContent('只能有一个联络员身份');
  }, 30_000);
});

describe('the first-run role choice', () => {
  it('offers 记录人 (the wizard) and 党建联络员 (the liaison set-up)', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'books.list': () => [], 'profiles.list': () => ({ profiles: [] }) });
    renderWithApi(<BooksGate />, api);
    await screen.findByTestId('role-choice');
    expect(screen.getByTestId('setup-wizard')).toBeInTheDocument();
    await user.click(screen.getByTestId('role-liaison'));
    await waitFor(() => expect(screen.queryByTestId('setup-wizard')).not.toBeInTheDocument());
    expect(screen.getByTestId('liaison-setup')).toBeInTheDocument();
    await user.click(screen.getByTestId('role-recorder'));
    expect(await screen.findByTestId('setup-wizard')).toBeInTheDocument();
  }, 30_000);

  it('hides the role choice once the liaison identity is made (its fingerprint stays on screen)', async () => {
    const user = userEvent.setup();
    const real = await realBook();
    real.api['books.list'].mockImplementation(() => Promise.resolve([]));
    renderWithApi(<BooksGate />, real.api);
    await user.click(await screen.findByTestId('role-liaison'));
    await user.type(screen.getByLabelText('姓名'), '张联络');
    await user.type(screen.getByLabelText('工作单位'), '科技社团党委组织部');
    await user.click(screen.getByTestId('liaison-setup-submit'));
    await screen.findByTestId('liaison-setup-done');
    expect(screen.queryByTestId('role-choice')).not.toBeInTheDocument();
  }, 30_000);
});
