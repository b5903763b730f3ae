import { BUNDLE_NAMESPACE } from './sshsig';

/** README.txt of a bag: what it is and the exact commands to check it by hand (Chinese, then English). */
export interface ReadmeFacts {
  bookId: string;
  name: string;
  orgName: string;
  size: number;
  root: string;
  keyId: string;
  checkpointTime: string;
}

export function bundleReadme(f: ReadmeFacts): string {
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${f.bookId} -n ${BUNDLE_NAMESPACE} -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt`;
  return `党建工作小组工作记录本 · 导出包
================================

本文件夹是一个 BagIt 1.0 包（RFC 8493），装有一本电子记录本的全部记录：
  记录本：${f.name}
  组织：${f.orgName}
  记录本标识：${f.bookId}
  条数：${f.size}，默克尔根：${f.root}
  检查点时间：${f.checkpointTime}
  签名密钥指纹：${f.keyId}

内容
  data/entries.jsonl     每行一条记录，正是当初计算哈希的字节（规范化 JSON，RFC 8785）；
                         记录哈希 = SHA-256(0x00 || 该行字节)，各条按前后哈希相连
  data/checkpoint.json   已签名的检查点：条数、默克尔根（RFC 9162）、时间、密钥
  data/book.json         记录本名称、组织与历次登记的公钥
  data/attachments/      附件，文件名即其 SHA-256
  manifest-sha256.txt    各数据文件的 SHA-256；tagmanifest-sha256.txt：各说明文件的 SHA-256
  tagmanifest-sha256.txt.sig   用记录本当前密钥对 tagmanifest-sha256.txt 的 SSH 签名
  allowed_signers        该密钥（供 ssh-keygen 核验）
  verify_ledger.py       用 Python 3 标准库复核记录链与默克尔根

手工核验（在本文件夹中依次运行，全部成功才算通过）
  1. 核对密钥：下面的命令显示 allowed_signers 中密钥的指纹，应为 ${f.keyId}，
     并与向上级党组织备案的指纹一致（以纸面备案为准）：
     cut -d' ' -f3- allowed_signers | ssh-keygen -lf -
  2. 核验签名（应显示 Good "${BUNDLE_NAMESPACE}" signature）：
     ${verify}
  3. 核验说明文件：sha256sum -c tagmanifest-sha256.txt
  4. 核验数据文件：sha256sum -c manifest-sha256.txt
  5. 核验记录链与检查点：python3 verify_ledger.py
  签名保证 tagmanifest 未被改动，tagmanifest 保证 manifest 未被改动，manifest 保证每个数据
  文件未被改动，verify_ledger.py 保证记录首尾相连、条数与默克尔根与检查点一致。
  Windows 上可在 Git for Windows 的 Git Bash 中运行以上命令（自带 ssh-keygen、sha256sum、cut），
  第 5 步需另装 Python 3。

Party-building work group record book: exported bundle
======================================================

This folder is a BagIt 1.0 bag (RFC 8493) holding every entry of one electronic record book:
  book: ${f.name}
  organisation: ${f.orgName}
  book id: ${f.bookId}
  entries: ${f.size}, Merkle root: ${f.root}
  checkpoint time: ${f.checkpointTime}
  signing key fingerprint: ${f.keyId}

Contents
  data/entries.jsonl     one entry per line, exactly the bytes that were hashed (canonical JSON,
                         RFC 8785); entry hash = SHA-256(0x00 || line bytes); each entry names
                         the hash of the previous one
  data/checkpoint.json   the signed checkpoint: size, Merkle root (RFC 9162), time, key
  data/book.json         the book's name, organisation and every key enrolled in it
  data/attachments/      attachments, each named by its SHA-256
  manifest-sha256.txt    SHA-256 of every payload file; tagmanifest-sha256.txt: of every tag file
  tagmanifest-sha256.txt.sig   SSH signature over tagmanifest-sha256.txt by the book's current key
  allowed_signers        that key, for ssh-keygen
  verify_ledger.py       re-checks the chain and the Merkle root with Python 3's standard library

Checking by hand (run in this folder; every step must succeed)
  1. Key: this prints the fingerprint of the key in allowed_signers; it must be
     ${f.keyId} and equal the one filed with the supervising party organisation
     (the paper record is authoritative):
     cut -d' ' -f3- allowed_signers | ssh-keygen -lf -
  2. Signature (expect: Good "${BUNDLE_NAMESPACE}" signature):
     ${verify}
  3. Tag files:     sha256sum -c tagmanifest-sha256.txt
  4. Payload files: sha256sum -c manifest-sha256.txt
  5. Chain and checkpoint: python3 verify_ledger.py
  The signature covers the tag manifest, the tag manifest covers the payload manifest, the
  payload manifest covers every payload file, and verify_ledger.py checks that the entries
  link up and match the checkpoint's size and Merkle root.
  On Windows, run the commands in Git Bash (Git for Windows ships ssh-keygen, sha256sum and
  cut); step 5 needs Python 3.
`;
}
