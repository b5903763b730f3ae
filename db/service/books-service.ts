/** Books on this machine: create (organisation, profile, first roster in one go), list, status, verify. */
import type {
  BookStatus,
  BookSummary,
  MemberJoin,
  Organisation,
  ProfileChoice,
  VerificationView,
  VerifyView,
} from '../contract';
import type { EntryInput, Verification, VerifyReport } from '../ledger';
import { allowedSignersLine } from '../bundle/sshsig';
import { foldState } from './book-state';
import { makeBody } from './entry-body';
import { joinEntry } from './members-service';
import { liaisonBookId } from './liaison-service';
import { compositionFlags, requireProfile } from './rule-checks';
import { guard, type ServiceContext } from './service-context';

export interface CreateBook {
  organisation: Organisation;
  profile: ProfileChoice;
  members: MemberJoin[];
}

export function createBook(ctx: ServiceContext, req: CreateBook): BookStatus {
  requireProfile(req.profile);
  const state = foldState([]);
  state.organisation = req.organisation;
  state.profile = req.profile;
  const orgSetup = { organisation: req.organisation, profile: req.profile };
  const entries: EntryInput[] = [];
  for (const join of req.members) {
    const { entry, memberId } = joinEntry(ctx, state, join, false);
    state.members.set(memberId, {
      memberId,
      person: join.person,
      joinedOn: join.joinedOn,
      joinRole: join.role,
      roleChanges: [],
      history: [],
    });
    entries.push(entry);
  }
  const latestJoin = req.members.reduce((d, m) => (m.joinedOn > d ? m.joinedOn : d), ctx.today());
  const setupFlags = compositionFlags(state, latestJoin);
  entries.unshift({ kind: 'org.setup', body: makeBody(orgSetup, {}, setupFlags) });
  // One transaction: the book, its organisation and its first roster, or nothing.
  const info = guard(() =>
    ctx.ledger.createBook(
      req.organisation.orgName,
      { societyName: req.organisation.societyName },
      entries,
      ctx.requestHook(),
    ),
  );
  return bookStatus(ctx, info.bookId);
}

/** Every book of the data folder: one that cannot be read is listed with its problem, never hides the rest. */
export function listBooks(ctx: ServiceContext): BookSummary[] {
  const liaisonId = liaisonBookId(ctx.ledger.database);
  return guard(() => ctx.ledger.listBooks()).map((b) => {
    const summary: BookSummary = {
      bookId: b.bookId,
      name: b.name,
      size: b.size,
      readOnly: true,
      ...(b.imported ? { imported: true } : {}),
      ...(b.bookId === liaisonId ? { liaison: true as const } : {}),
    };
    try {
      const status = ctx.ledger.status(b.bookId);
      summary.readOnly = status.readOnly;
      if (status.reason) summary.reason = status.reason;
      const org = ctx.read.state(b.bookId).organisation;
      if (org) summary.orgName = org.orgName;
    } catch {
      summary.readOnly = true;
      summary.reason ??= '这本记录本的内容无法读取，已设为只读。请运行完整校验查看原因。';
    }
    return summary;
  });
}

export function bookStatus(ctx: ServiceContext, bookId: string): BookStatus {
  const info = guard(() => ctx.ledger.getBook(bookId));
  const status = guard(() => ctx.ledger.status(bookId));
  const result: BookStatus = {
    bookId,
    name: info.name,
    size: info.size,
    readOnly: status.readOnly,
    ...(info.imported ? { imported: true } : {}),
    keyId: info.keyId,
    publicKey: info.publicKey,
    // The line a bundle carries and `ssh-keygen -Y verify -f allowed_signers -I <book id>` reads.
    allowedSigners: allowedSignersLine(bookId, info.publicKey),
    createdAt: info.createdAt,
    integrity: verifyView(
      status.verification.report ?? status.report,
      status.verification.state === 'done',
      ctx.clock(),
    ),
    verification: verificationView(status.verification, ctx.clock()),
  };
  if (status.alarm) result.alarm = { at: status.alarm.at, problems: status.alarm.problems };
  if (status.reason) result.reason = status.reason;
  try {
    const org = ctx.read.state(bookId).organisation;
    if (org) result.orgName = org.orgName;
  } catch {
    // A book whose entries cannot be read still has a status: its problem.
  }
  return result;
}

/** The full verify: the one running in the background, or a new one; waits for its result. */
export async function verifyBook(ctx: ServiceContext, bookId: string): Promise<VerifyView> {
  guard(() => ctx.ledger.getBook(bookId));
  const report = await ctx.ledger.verifyInBackground(bookId);
  // The derived tables are checked against the verified entries and rebuilt when they disagree:
  // never a source of truth, never silently trusted.
  if (report.ok)
    guard(() => {
      if (!ctx.read.consistent(bookId)) ctx.read.rebuild(bookId);
    });
  return verifyView(report, true, ctx.clock());
}

function verifyView(r: VerifyReport, full: boolean, now: Date): VerifyView {
  return { ok: r.ok, size: r.size, root: r.root, problems: r.problems, ms: r.ms, checkedAt: now.toISOString(), full };
}

function verificationView(v: Verification, now: Date): VerificationView {
  return {
    state: v.state,
    done: v.done,
    total: v.total,
    ...(v.report ? { report: verifyView(v.report, true, now) } : {}),
  };
}
