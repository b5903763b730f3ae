/**
 * The evidence package of an alarm (issue 10, item 7): one zip for the supervising office
 * with both signed checkpoints (or the liaison's signed receipt), the diverging entries on
 * each side as sealed, the kept bundle copy and a README in Chinese and English saying what
 * each file is and how to check it without this app.
 */
import yazl from 'yazl';

export interface EvidenceEntry {
  seq: number;
  kindLabel: string;
  title: string;
  hash: string;
  /** The entry's sealed bytes (one line of entries.jsonl). */
  line: string;
}

export interface EvidencePackageInput {
  alarm: { id: number; bookId: string; kind: string; kindLabel: string; at: string; message: string };
  pinnedCheckpoint: string | null;
  foundCheckpoint: string | null;
  receipt: { receipt: string; signature: string; allowedSigners: string } | null;
  divergence: { firstSeq: number; pinned: EvidenceEntry[]; found: EvidenceEntry[] } | null;
  bundle: { name: string; bytes: Buffer } | null;
  /** When the kept copy is too large to put inside (or missing): why. */
  bundleNote: string | null;
}

const MTIME = new Date('2026-01-01T00:00:00Z');

function readme(input: EvidencePackageInput): string {
  const a = input.alarm;
  const d = input.divergence;
  const seqs = (list: EvidenceEntry[]) => (list.length ? list.map((e) => e.seq).join(', ') : '—');
  return [
    `${a.kindLabel} 证据包 / evidence package`,
    '',
    `记录本 / book: ${a.bookId}`,
    `警报 / alarm: #${a.id} ${a.kind}，${a.at}`,
    a.message,
    '',
    '文件 / files:',
    input.pinnedCheckpoint
      ? '  pinned-checkpoint.json  本机上次核验并固定的已签名检查点 / the signed checkpoint this computer verified and pinned before'
      : '',
    input.foundCheckpoint
      ? '  found-checkpoint.json   被拒绝的数据包所带的已签名检查点 / the signed checkpoint the refused bundle carries'
      : '',
    input.receipt
      ? '  receipt.json, receipt.json.sig  联络员签署的抽查回执及其 SSHSIG 签名 / the liaison’s signed receipt and its SSHSIG\n' +
        '      核验 / verify: ssh-keygen -Y verify -f allowed_signers -I liaison -n dangjian-logbook-receipt -s receipt.json.sig < receipt.json'
      : '',
    '  diverging-entries.json  两边从第一处分歧起的记录（原样字节与哈希） / the entries of both sides from the first difference (bytes and hashes)',
    input.bundle
      ? `  bundle/${input.bundle.name}  保存的数据包副本（未合并） / the kept copy of the bundle (never merged)`
      : `  ${input.bundleNote ?? ''}`,
    '',
    d
      ? `第一处分歧 / first difference: 第 ${d.firstSeq} 条 / entry ${d.firstSeq}\n本机 / pinned: ${seqs(d.pinned)}\n数据包 / found: ${seqs(d.found)}`
      : '没有可逐条比较的本机副本（本机从未固定这本记录本）；回执的默克尔根与数据包不符即为证据。 / No local copy to compare entry by entry; the receipt root not matching the bundle is the evidence.',
    '',
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}

export async function buildEvidencePackage(input: EvidencePackageInput): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const top = `evidence-${input.alarm.bookId}-${input.alarm.id}`;
  const add = (name: string, data: Buffer | string) =>
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, `${top}/${name}`, {
      mtime: MTIME,
      mode: 0o100644,
    });
  add('README.txt', readme(input));
  add('alarm.json', `${JSON.stringify(input.alarm, null, 2)}\n`);
  if (input.pinnedCheckpoint) add('pinned-checkpoint.json', input.pinnedCheckpoint);
  if (input.foundCheckpoint) add('found-checkpoint.json', input.foundCheckpoint);
  if (input.receipt) {
    add('receipt.json', input.receipt.receipt);
    add('receipt.json.sig', input.receipt.signature);
    add('allowed_signers', `${input.receipt.allowedSigners}\n`);
  }
  add('diverging-entries.json', `${JSON.stringify(input.divergence, null, 2)}\n`);
  if (input.bundle) add(`bundle/${input.bundle.name}`, input.bundle.bytes);
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}
