#!/usr/bin/env python3
"""Check the ledger inside this bag with nothing but Python 3's standard library.

检查本包中的记录链（仅需 Python 3 标准库）。在包的根目录运行：  python3 verify_ledger.py

What it checks / 检查内容:
  - data/entries.jsonl: one entry per line, exactly the bytes that were hashed;
    entry hash = SHA-256(0x00 || line bytes) (RFC 9162 leaf hash);
  - seq runs 1..n in order, each `prev` is the previous entry's hash (entry 1: 64 zeros),
    each `book` is this book's id;
  - the RFC 9162 Merkle root of the n hashes and n itself equal data/checkpoint.json;
  - every attachment an entry names is present in data/attachments/ with that SHA-256;
  - the checkpoint's key id is the key in allowed_signers (the key ssh-keygen checks).
What it cannot check / 不能检查: the checkpoint's own Ed25519 signature (the standard
library has no Ed25519). The bag is signed with that same key: check the signature with
  ssh-keygen -Y verify -f allowed_signers -I <book id> -n dangjian-logbook-bundle \\
      -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt
and the files with  sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt
Exit status 0 only if every check passes. 全部通过时退出码为 0。
"""
import base64
import hashlib
import json
import os
import sys

ZERO_HASH = "0" * 64
failures = []


def report(ok, zh, en):
    print(("[通过 PASS] " if ok else "[失败 FAIL] ") + zh + " / " + en)
    if not ok:
        failures.append(en)
    return ok


def leaf_hash(line):
    return hashlib.sha256(b"\x00" + line).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(leaves, lo, hi):
    """MTH(D[lo:hi]) of RFC 9162 section 2.1.1: split at the largest power of two < n."""
    n = hi - lo
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[lo]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(merkle_root(leaves, lo, lo + k), merkle_root(leaves, lo + k, hi))


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def key_id_of(line):
    """`SHA256:<base64>` of the SSH wire-format key, as `ssh-keygen -lf` prints it."""
    wire = base64.b64decode(line.split()[1], validate=True)
    return "SHA256:" + base64.b64encode(hashlib.sha256(wire).digest()).decode().rstrip("=")


def main():
    with open("data/book.json", "rb") as f:
        book = json.load(f)
    with open("data/checkpoint.json", "rb") as f:
        checkpoint = json.load(f)["checkpoint"]
    book_id = book["bookId"]
    print("记录本 Book: %s  %s" % (book_id, book.get("name", "")))

    hashes, prev, problem, attachments, line_endings_ok = [], ZERO_HASH, None, set(), True
    with open("data/entries.jsonl", "rb") as f:  # streamed: one line at a time
        for number, raw in enumerate(f, start=1):
            line = raw[:-1] if raw.endswith(b"\n") else raw
            line_endings_ok = line_endings_ok and raw.endswith(b"\n") and b"\r" not in raw
            digest = leaf_hash(line)
            try:
                entry = json.loads(line.decode("utf-8"))
            except ValueError:
                problem = problem or ("第 %d 行不是 JSON" % number, "line %d is not JSON" % number)
                entry = {}
            if problem is None and entry.get("seq") != number:
                problem = ("第 %d 行的序号是 %r" % (number, entry.get("seq")), "line %d has seq %r" % (number, entry.get("seq")))
            if problem is None and entry.get("prev") != prev:
                problem = ("第 %d 条的前一条哈希不符" % number, "entry %d: prev is not the hash of entry %d" % (number, number - 1))
            if problem is None and entry.get("book") != book_id:
                problem = ("第 %d 条不属于本记录本" % number, "entry %d: book is not %s" % (number, book_id))
            attachments.update(entry.get("attachments", []))
            hashes.append(digest)
            prev = digest.hex()
    report(line_endings_ok, "每行以 LF 结尾，无 CR", "every line ends with LF, no CR")
    n = len(hashes)
    report(problem is None,
           problem[0] if problem else "%d 条记录：序号连续、前后哈希相连、都属于本记录本" % n,
           problem[1] if problem else "%d entries: seq 1..n, each prev links, all of this book" % n)

    report(checkpoint.get("book") == book_id, "检查点属于本记录本", "checkpoint is of this book")
    report(checkpoint.get("size") == n, "条数与检查点一致（%d）" % n,
           "size %d equals the checkpoint's %r" % (n, checkpoint.get("size")))
    root = merkle_root(hashes, 0, n).hex()
    report(root == checkpoint.get("root"), "默克尔根与检查点一致（%s）" % root,
           "Merkle root (RFC 9162) equals the checkpoint's %s" % checkpoint.get("root"))

    files = {h: os.path.join("data", "attachments", h) for h in sorted(attachments)}
    missing = [h for h, p in files.items() if not os.path.isfile(p) or file_sha256(p) != h]
    report(not missing, "记录引用的 %d 个附件齐全且哈希相符" % len(attachments),
           "%d attachments named by entries present and matching%s"
           % (len(attachments), "; bad: " + ", ".join(missing) if missing else ""))

    with open("allowed_signers", "r", encoding="utf-8") as f:
        signer = f.readline().split(None, 2)[2]
    keys = book.get("keys") or [{}]
    report(key_id_of(signer) == checkpoint.get("keyId") == keys[-1].get("keyId"),
           "检查点的密钥就是 allowed_signers 中的密钥（%s）" % checkpoint.get("keyId"),
           "the checkpoint's key is the key in allowed_signers and the newest in book.json")

    print("[提示 NOTE] 检查点自身的 Ed25519 签名无法用 Python 标准库核验，请用 ssh-keygen 核验本包签名（见 README.txt）"
          " / the checkpoint's own Ed25519 signature cannot be checked with the standard library;"
          " check the bag's SSH signature with ssh-keygen (see README.txt)")
    if failures:
        print("结果：未通过（%d 项） / RESULT: FAILED (%d)" % (len(failures), len(failures)))
        return 1
    print("结果：全部通过 / RESULT: ALL CHECKS PASSED")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        print("[失败 FAIL] 无法读取包内文件 / cannot read the bag: %s" % error)
        sys.exit(1)
