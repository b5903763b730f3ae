/**
 * The liaison's own book (党建联络员): a book of its own in this data folder, entry 1 its key,
 * entry 2 `liaison.setup` (联络员信息: name, office). One per data folder: the row in
 * `liaison_book` is written in the book's own transaction, so a second set-up is refused even
 * when two race. Its key signs the spot checks' receipts; it is never a society's bundle.
 */
import { ServiceError, liaisonIdentity, type LiaisonIdentity, type LiaisonView } from '../contract';
import type { Database } from 'better-sqlite3';
import type { KeyStore } from '../ledger';
import { importPrivateKey, signBytes } from '../ledger/keys';
import { allowedSignersLine } from '../bundle/sshsig';
import { RECEIPT_NAMESPACE } from '../liaison/receipt';
import { makeBody } from './entry-body';
import { guard, type ServiceContext } from './service-context';

export const LIAISON_SETUP_KIND = 'liaison.setup';

/** The liaison book's id in this data folder, or null. */
export function liaisonBookId(db: Database): string | null {
  const id = db.prepare('SELECT book_id FROM liaison_book WHERE one = 1').pluck().get();
  return typeof id === 'string' ? id : null;
}

const alreadySetUp = () =>
  new ServiceError('liaison-exists', '本数据文件夹已设立联络员身份，每个数据文件夹只能有一个联络员身份。');

export function setupLiaison(ctx: ServiceContext, identity: LiaisonIdentity): LiaisonView {
  const db = ctx.ledger.database;
  if (liaisonBookId(db) !== null) throw alreadySetUp();
  const hook = ctx.requestHook();
  const input = { name: identity.name, office: identity.office };
  try {
    guard(() =>
      ctx.ledger.createBook(
        `党建联络员工作记录（${identity.name}）`,
        {},
        [{ kind: LIAISON_SETUP_KIND, body: makeBody(input, {}, []) }],
        (bookId, entries) => {
          hook?.(bookId, entries);
          db.prepare('INSERT INTO liaison_book (one, book_id) VALUES (1, ?)').run(bookId);
        },
      ),
    );
  } catch (error) {
    // Two set-ups raced: the row of the first one makes the second's transaction fail whole.
    if (error instanceof Error && /UNIQUE|PRIMARY KEY/u.test(error.message)) throw alreadySetUp();
    throw error;
  }
  return getLiaison(ctx)!;
}

/** The liaison identity as last sealed in its book (proven), or null when none was set up. */
export function getLiaison(ctx: ServiceContext): LiaisonView | null {
  const bookId = liaisonBookId(ctx.ledger.database);
  if (bookId === null) return null;
  const info = guard(() => ctx.ledger.getBook(bookId));
  ctx.projection(bookId);
  const setups = guard(() => ctx.read.ofKinds(bookId, [LIAISON_SETUP_KIND])).filter((s) => !s.problem);
  const last = setups[setups.length - 1];
  const entry = last ? guard(() => ctx.ledger.getEntry(bookId, last.seq)) : null;
  const parsed = liaisonIdentity.safeParse((entry?.body as { input?: unknown } | undefined)?.input);
  if (!parsed.success)
    throw new ServiceError('liaison-damaged', '联络员记录本中的联络员信息无法读取（记录可能已损坏），请运行完整校验。');
  return {
    bookId,
    name: parsed.data.name,
    office: parsed.data.office,
    keyId: info.keyId,
    publicKey: info.publicKey,
    allowedSigners: allowedSignersLine(bookId, info.publicKey, RECEIPT_NAMESPACE),
    createdAt: info.createdAt,
  };
}

/** The liaison identity, or a Chinese refusal naming what to do first. */
export function requireLiaison(ctx: ServiceContext): LiaisonView {
  const view = getLiaison(ctx);
  if (!view) throw new ServiceError('liaison-missing', '尚未设立联络员身份：请先在“联络员信息”中填写姓名和单位。');
  return view;
}

/** Signs with the liaison's current key (the key stays in the key store). */
export function liaisonSigner(keys: Pick<KeyStore, 'load'>, view: LiaisonView): (data: Buffer) => Buffer {
  const der = keys.load(view.keyId);
  if (!der) throw new ServiceError('key-missing', `找不到联络员的签名私钥（${view.keyId}），不能签署回执。`);
  const key = guard(() => importPrivateKey(der, view.keyId));
  return (data) => signBytes(key.privateKey, data);
}
