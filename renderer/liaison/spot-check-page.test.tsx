import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SpotCheckPage } from './spot-check-page';
import { fakeApi, renderInBook, type FakeApi } from '../test/kit';
import { DRAW, LIAISON, LIAISON_BOOKS } from './test-fixtures';
import { dropSpotDraft } from './spot-state';

beforeEach(() => dropSpotDraft(DRAW.bookId));

function liaisonApi(): FakeApi {
  return fakeApi({
    'liaison.get': () => LIAISON,
    'spotChecks.list': () => [],
    'spotChecks.draw': () => DRAW,
    'spotChecks.seal': () => ({
      seq: 3,
      hash: 'h',
      recordedAt: '2025-03-18T06:00:00.000Z',
      flags: [],
      liaisonBookId: LIAISON.bookId,
    }),
  });
}

const render = (api: FakeApi) => renderInBook(<SpotCheckPage bookId={DRAW.bookId} />, api, LIAISON_BOOKS);

async function mark(user: ReturnType<typeof userEvent.setup>, seq: number, key: string, label: '符合' | '有问题') {
  await user.click(within(screen.getByTestId(`spot-check-${seq}-${key}`)).getByText(label));
}

describe('the spot-check page', () => {
  it('draws, shows each entry’s computed facts beside the checklist, names what is missing, then seals the findings', async () => {
    const user = userEvent.setup();
    const api = liaisonApi();
    render(api);
    await user.clear(await screen.findByLabelText('抽取条数'));
    await user.type(screen.getByLabelText('抽取条数'), '2');
    await user.click(screen.getByTestId('spot-draw'));
    expect(await screen.findByTestId('spot-seqs')).toHaveTextContent('第 3 条、第 7 条');
    expect(api['spotChecks.draw']).toHaveBeenCalledWith({ bookId: DRAW.bookId, count: 2, scope: { type: 'all' } });
    const facts = within(screen.getByTestId('spot-entry-3')).getByTestId('spot-entry-facts');
    expect(facts).toHaveTextContent('纪要备案：逾期 3 个工作日');
    expect(facts.querySelector('[data-state="problem"]')).not.toBeNull();

    await user.click(screen.getByTestId('spot-seal'));
    expect(await screen.findByTestId('spot-missing')).toHaveTextContent('第 3 条记录尚未判定：准确、规范、完整、原始');
    expect(api['spotChecks.seal']).not.toHaveBeenCalled();

    await user.click(within(screen.getByTestId('spot-entry-7')).getByTestId('spot-entry-all-ok'));
    for (const key of ['accurate', 'complete', 'original']) await mark(user, 3, key, '符合');
    await mark(user, 3, 'standard', '有问题');
    await user.type(screen.getByTestId('spot-note-3'), '纪要逾期备案');
    await user.click(within(screen.getByTestId('spot-conclusion-choice')).getByText('存在问题，需整改'));
    await user.type(screen.getByTestId('spot-rectify-what'), '补报纪要并说明原因');
    await user.click(screen.getByTestId('spot-seal'));
    expect(await screen.findByTestId('spot-missing')).toHaveTextContent('请选择整改期限');
    expect(api['spotChecks.seal']).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('整改期限'), '2025-06-30{Enter}');
    await user.click(screen.getByTestId('spot-seal'));

    await screen.findByTestId('spot-sealed');
    expect(api['spotChecks.seal']).toHaveBeenCalledTimes(1);
    expect(api['spotChecks.seal'].mock.calls[0]?.[0]).toMatchObject({
      bookId: DRAW.bookId,
      size: 12,
      root: DRAW.root,
      sample: { seed: DRAW.sample.seed, count: 2, populationSize: 12, scope: { type: 'all' }, seqs: [3, 7] },
      findings: [
        {
          seq: 3,
          checks: { accurate: 'ok', standard: 'problem', complete: 'ok', original: 'ok' },
          note: '纪要逾期备案',
        },
        { seq: 7, checks: { accurate: 'ok', standard: 'ok', complete: 'ok', original: 'ok' }, note: '' },
      ],
      conclusion: 'rectify',
      rectify: { what: '补报纪要并说明原因', by: '2025-06-30' },
    });
    expect(screen.getByTestId('spot-print-report')).toBeInTheDocument();
    expect(screen.getByTestId('spot-export-receipt')).toBeInTheDocument();
  }, 60_000);

  it('keeps an unfinished check as a draft and offers it again when the page opens', async () => {
    const user = userEvent.setup();
    const api = liaisonApi();
    render(api);
    await user.click(await screen.findByTestId('spot-draw'));
    await screen.findByTestId('spot-entry-3');
    await mark(user, 3, 'accurate', '有问题');
    await user.type(screen.getByTestId('spot-note-3'), '与原件不符');
    await new Promise((r) => setTimeout(r, 600));
    cleanup();

    render(api);
    expect(await screen.findByTestId('spot-restored')).toHaveTextContent('已恢复未完成的抽查');
    expect(screen.getByTestId('spot-note-3')).toHaveValue('与原件不符');
    expect(api['spotChecks.draw']).toHaveBeenCalledTimes(1);
    await user.click(screen.getByText('放弃并重新抽取'));
    await screen.findByTestId('spot-draw-form');
    await waitFor(() => expect(screen.queryByTestId('spot-entry-3')).not.toBeInTheDocument());
  }, 60_000);
});
