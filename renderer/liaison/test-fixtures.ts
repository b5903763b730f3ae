/** Service answers for the liaison pages' tests where the real service cannot be brought there cheaply. */
import type { LiaisonView, SpotDrawView } from '../../db/contract';
import { status } from '../test/kit';

export const DRAW: SpotDrawView = {
  bookId: '0f0e0d0c-0000-4000-8000-0000000000bb',
  orgName: '中国示例学会党建工作小组',
  size: 12,
  root: 'ab'.repeat(32),
  sample: {
    method: 'hmac-sha256-fisher-yates/v1',
    seed: 'cd'.repeat(32),
    count: 2,
    populationSize: 12,
    scope: '全部记录',
    select: { type: 'all' },
    seqs: [3, 7],
  },
  entries: [
    {
      seq: 3,
      kind: 'meeting',
      kindLabel: '会议记录',
      title: '第一次组长会议',
      date: '2025-03-01',
      facts: [
        { label: '到会人数', value: '5 人应到，4 人实到，超过三分之二', state: 'ok' },
        { label: '纪要备案', value: '逾期 3 个工作日', state: 'problem' },
      ],
    },
    { seq: 7, kind: 'work', kindLabel: '工作记录', title: '报送材料', date: '2025-04-01', facts: [] },
  ],
};

export const LIAISON: LiaisonView = {
  bookId: '0f0e0d0c-0000-4000-8000-0000000000cc',
  name: '张联络',
  office: '科技社团党委组织部',
  keyId: 'SHA256:LiaisonKeyLiaisonKeyLiaisonKeyLiaisonKey012',
  publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILiaison',
  allowedSigners: 'x namespaces="dangjian-logbook-receipt" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILiaison',
  createdAt: '2025-03-01T02:00:00.000Z',
};

/** The liaison's books list: the imported society book (the one checked) and the liaison's own. */
export const LIAISON_BOOKS = [
  status({ bookId: DRAW.bookId, readOnly: true, imported: true }),
  status({ bookId: LIAISON.bookId, name: '党建联络员工作记录（张联络）', orgName: undefined, liaison: true }),
];
