import fs from 'node:fs';
import path from 'node:path';

/** fsyncs a directory so a rename or a new file in it survives power loss (no-op where unsupported). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Replaces `file` atomically and durably: write a temp file beside it, fsync it, rename it
 * over the target, fsync the directory. A crash leaves either the old or the new content,
 * never a torn file. The temp name is fixed, so a crash leaves at most one stray temp file,
 * overwritten by the next write.
 */
export function writeFileDurably(file: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // The mode argument of open() is filtered by the umask and ignored for existing files.
  fs.chmodSync(temp, mode);
  fs.renameSync(temp, file);
  fsyncDirectory(path.dirname(file));
}
