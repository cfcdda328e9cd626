import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * ZIP archives written byte by byte (APPNOTE 6.3.10) for the import's tests: plain ones, and what
 * no ZIP writer at hand makes, a ZIP64 archive (fflate writes none; Info-ZIP's unzip and Python's
 * zipfile read these) and hostile archives whose headers lie about sizes, checksums or the number
 * of files.
 */

export interface ZipFixtureEntry {
  name: string;
  /** The file's content, deflated unless `method` is 0 (stored) or `compressed` is given. */
  data: Buffer;
  method?: number;
  /** The bytes stored for the file instead of data deflated (a hand-made deflate stream). */
  compressed?: Buffer;
  /** What the headers claim instead of the truth. */
  declaredSize?: number;
  crc?: number;
}

export interface ZipFixtureOptions {
  /** ZIP64 sizes and offsets in every header, and the ZIP64 end records. */
  zip64?: boolean;
  /** The number of files the end record claims, instead of the count written. */
  declaredCount?: number;
}

const u16 = (value: number): Buffer => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
};
const u32 = (value: number): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
};
const u64 = (value: number): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt(value));
  return buffer;
};

const unknown32 = 0xffffffff;

export function writeZip(entries: readonly ZipFixtureEntry[], options: ZipFixtureOptions = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const version = zip64 ? 45 : 20;
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const stored = entry.compressed ?? (method === 0 ? entry.data : deflateRawSync(entry.data));
    const size = entry.declaredSize ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x0800; // names in UTF-8
    // Local header: ZIP64 puts both sizes in its extra field, original size first.
    const localExtra = zip64 ? Buffer.concat([u16(0x0001), u16(16), u64(size), u64(stored.length)]) : Buffer.alloc(0);
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(version),
      u16(flags),
      u16(method),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(zip64 ? unknown32 : stored.length),
      u32(zip64 ? unknown32 : size),
      u16(name.length),
      u16(localExtra.length),
      name,
      localExtra,
    ]);
    const centralExtra = zip64 ? Buffer.concat([u16(0x0001), u16(24), u64(size), u64(stored.length), u64(offset)]) : Buffer.alloc(0);
    directory.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(version),
        u16(version),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(zip64 ? unknown32 : stored.length),
        u32(zip64 ? unknown32 : size),
        u16(name.length),
        u16(centralExtra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(zip64 ? unknown32 : offset),
        name,
        centralExtra,
      ]),
    );
    locals.push(local, stored);
    offset += local.length + stored.length;
  }
  const central = Buffer.concat(directory);
  const count = options.declaredCount ?? entries.length;
  const tail: Buffer[] = [];
  if (zip64) {
    const zip64End = offset + central.length;
    tail.push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(central.length), u64(offset)]));
    tail.push(Buffer.concat([u32(0x07064b50), u32(0), u64(zip64End), u32(1)]));
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(unknown32), u32(unknown32), u16(0)]));
  } else {
    tail.push(
      Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(Math.min(count, 0xffff)), u16(Math.min(count, 0xffff)), u32(central.length), u32(offset), u16(0)]),
    );
  }
  return Buffer.concat([...locals, central, ...tail]);
}

/**
 * A deflate stream that inflates to `mebibytes` MiB of zeros in about 1 KB a MiB: one block of a
 * MiB of zeros, flushed so that it stands alone, repeated, then a final empty block.
 */
export function zerosBomb(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), Buffer.from([0x03, 0x00])]);
}
