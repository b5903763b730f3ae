import zlib from 'node:zlib';

/**
 * A zip writer with no safety at all, for tests only: it writes exactly the bytes it is told
 * (any name bytes, flags, attributes, sizes, CRCs), which yazl rightly refuses to do. The
 * hostile-bundle corpus is built with it. Zip64 end records are written when there are
 * more than 65,535 entries.
 */

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** 0 stored, 8 deflated (default), anything else is written as is (data stored raw). */
  method?: number;
  flags?: number;
  /** Unix mode in the high 16 bits, e.g. (0o120777 << 16) >>> 0 for a symlink. */
  externalAttributes?: number;
  extra?: Buffer;
  /** Central-directory overrides (the local header keeps the true values). */
  crc?: number;
  uncompressedSize?: number;
  compressedSize?: number;
  /** A different name in the local header. */
  localName?: Buffer;
  /** Point the central-directory entry at the local header of entry #index (no data of its own). */
  aliasOf?: number;
}

const UTF8_FLAG = 0x800;
const DOS_DATE_1980 = 0x21;

function nameBytes(name: string | Buffer): Buffer {
  return typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = nameBytes(entry.name);
    const method = entry.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(entry.data) : entry.data;
    const crc = zlib.crc32(entry.data) >>> 0;
    const flags = entry.flags ?? (typeof entry.name === 'string' ? UTF8_FLAG : 0);
    const extra = entry.extra ?? Buffer.alloc(0);
    let localOffset = offset;
    if (entry.aliasOf === undefined) {
      const localName = entry.localName ?? name;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(DOS_DATE_1980, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(entry.data.length, 22);
      local.writeUInt16LE(localName.length, 26);
      local.writeUInt16LE(extra.length, 28);
      const chunk = Buffer.concat([local, localName, extra, body]);
      locals.push(chunk);
      offsets.push(offset);
      offset += chunk.length;
    } else {
      localOffset = offsets[entry.aliasOf]!;
      offsets.push(localOffset);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(entry.crc ?? crc, 16);
    central.writeUInt32LE(entry.compressedSize ?? body.length, 20);
    central.writeUInt32LE(entry.uncompressedSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(entry.externalAttributes ?? (0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(Buffer.concat([central, name, extra]));
  }
  const cd = Buffer.concat(centrals);
  const cdOffset = offset;
  const count = entries.length;
  const tail: Buffer[] = [];
  if (count > 0xffff) {
    const eocd64 = Buffer.alloc(56);
    eocd64.writeUInt32LE(0x06064b50, 0);
    eocd64.writeBigUInt64LE(44n, 4);
    eocd64.writeUInt16LE(45, 12);
    eocd64.writeUInt16LE(45, 14);
    eocd64.writeBigUInt64LE(BigInt(count), 24);
    eocd64.writeBigUInt64LE(BigInt(count), 32);
    eocd64.writeBigUInt64LE(BigInt(cd.length), 40);
    eocd64.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(eocd64, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}
