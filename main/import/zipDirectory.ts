import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format (APPNOTE 6.3) to check what a .docx is before handing it to
 * mammoth: the central directory's entries (names, sizes, encryption flag), and one entry read.
 * Reading the central directory needs no decompression, so a hostile archive costs nothing here.
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  isEncrypted: boolean;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === endOfDirectorySignature) return offset;
  }
  throw new ZipFormatError('no ZIP central directory (the file is damaged or cut short)');
}

/** The entries of a ZIP archive, from its central directory. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  if (bytes.length < 22) throw new ZipFormatError('too short to be a ZIP archive');
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== directoryEntrySignature) throw new ZipFormatError('the ZIP central directory is damaged');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      isEncrypted: (bytes.readUInt16LE(offset + 8) & 0x1) === 1,
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's content (stored or deflated), refusing more than `maxBytes` once inflated. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.isEncrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.size > maxBytes) throw new ZipFormatError(`${entry.name} is larger than ${maxBytes} bytes`);
  const offset = entry.localHeaderOffset;
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== localHeaderSignature) throw new ZipFormatError(`the header of ${entry.name} is damaged`);
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}, which is not supported`);
}
