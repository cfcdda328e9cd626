import { crc32 } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';
import { formatNumber } from '#shared/format/locale';

/**
 * The parts of a .docx (a ZIP archive, ZIP64 included) that the import reads, inflated by fflate's
 * streaming Unzip: only the parts asked for, the archive given a slice at a time, so that the bytes
 * that actually come out are counted and a ZIP bomb stops at the cap whatever sizes its headers
 * declare. (unzipSync believes them: it inflates all of a stream into a buffer of the declared
 * size, about 7 s per GiB of a bomb on the development machine.) fflate checks no CRC-32, so the
 * central directory (APPNOTE 6.3.10, 4.3.12) is read here for each entry's checksum and
 * encryption flag, and for how many entries there are.
 */

export interface PackagePart {
  name: string;
  bytes: Buffer;
}

export class PackageError extends Error {
  constructor(
    readonly problem: 'damaged' | 'not_word' | 'encrypted' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Far more files than a Word document has (each picture is one or two). */
const maxPackageEntries = 10_000;
/** All the parts read, inflated: far above any agreement's text, low enough to stop a ZIP bomb. */
const maxInflatedBytes = 64 * 1024 * 1024;
/** Compressed bytes given to fflate at a time: at deflate's most (1:1032) about 16 MiB inflated. */
const sliceBytes = 16 * 1024;

const endSignature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directorySignature = 0x02014b50;

const damaged = (message: string): PackageError => new PackageError('damaged', message);

interface DirectoryEntry {
  crc: number;
  isEncrypted: boolean;
}

/** Names as fflate decodes them: UTF-8 when the entry's flag says so, else one byte a letter. */
const decodeName = (bytes: Buffer, flags: number): string => ((flags & 0x800) !== 0 ? new TextDecoder().decode(bytes) : bytes.toString('latin1'));

/** Each entry's CRC-32 and encryption flag, from the central directory. */
function readDirectory(bytes: Buffer): Map<string, DirectoryEntry> {
  // The end record is the last thing in the file, after a comment of at most 65,535 bytes.
  const end = bytes.lastIndexOf(endSignature);
  if (end < 0 || end + 22 > bytes.length || bytes.length - end > 22 + 0xffff)
    throw damaged('it has no ZIP central directory (it is cut short or is not a ZIP archive)');
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (end >= 20 && bytes.readUInt32LE(end - 20) === zip64LocatorSignature) {
    const zip64End = Number(bytes.readBigUInt64LE(end - 12));
    if (zip64End + 56 > end || bytes.readUInt32LE(zip64End) !== zip64EndSignature) throw damaged('its ZIP64 end record is damaged');
    count = Number(bytes.readBigUInt64LE(zip64End + 32));
    offset = Number(bytes.readBigUInt64LE(zip64End + 48));
  }
  if (count > maxPackageEntries)
    throw new PackageError(
      'too_large',
      `it holds ${formatNumber(count, 'en')} files, more than the ${formatNumber(maxPackageEntries, 'en')} a Word document may have here`,
    );
  const entries = new Map<string, DirectoryEntry>();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== directorySignature) throw damaged('its ZIP central directory is damaged');
    const flags = bytes.readUInt16LE(offset + 8);
    const nameEnd = offset + 46 + bytes.readUInt16LE(offset + 28);
    if (nameEnd > bytes.length) throw damaged('its ZIP central directory is damaged');
    const name = decodeName(bytes.subarray(offset + 46, nameEnd), flags);
    if (entries.has(name)) throw damaged(`it holds two files named ${name}`);
    entries.set(name, { crc: bytes.readUInt32LE(offset + 16), isEncrypted: (flags & 0x1) !== 0 });
    offset = nameEnd + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The named parts, inflated within what is left of the budget, each checked against its CRC-32. */
function inflateParts(
  bytes: Buffer,
  directory: ReadonlyMap<string, DirectoryEntry>,
  names: readonly string[],
  budget: { left: number },
): Map<string, PackagePart> {
  const wanted = new Set(names.filter((name) => directory.has(name)));
  for (const name of wanted) if (directory.get(name)?.isEncrypted) throw new PackageError('encrypted', `${name} is encrypted`);
  const parts = new Map<string, PackagePart>();
  if (wanted.size === 0) return parts;
  const started = new Set<string>();
  let failure: PackageError | null = null;
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || started.has(file.name) || failure) return;
    started.add(file.name);
    if (file.compression !== 0 && file.compression !== 8) {
      failure = damaged(`${file.name} is compressed with method ${file.compression}, which Word does not use`);
      return;
    }
    const tooLarge = new PackageError('too_large', `its text inflates to more than ${formatNumber(maxInflatedBytes, 'en')} bytes`);
    // A size declared beyond the cap is believed at once; one below it is not (it is counted).
    if ((file.originalSize ?? 0) > budget.left) {
      failure = tooLarge;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = damaged(`${file.name} cannot be decompressed (${error.message})`);
        return;
      }
      budget.left -= chunk.length;
      if (budget.left < 0) {
        failure = tooLarge;
        return;
      }
      chunks.push(chunk);
      if (final) parts.set(file.name, { name: file.name, bytes: Buffer.concat(chunks) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure && parts.size < wanted.size; offset += sliceBytes) {
      unzip.push(bytes.subarray(offset, offset + sliceBytes), offset + sliceBytes >= bytes.length);
    }
  } catch (error) {
    throw damaged(`its files cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (failure) throw failure;
  for (const name of wanted) {
    const part = parts.get(name);
    if (!part) throw damaged(`${name} is listed but cannot be found in it`);
    if (crc32(part.bytes) !== directory.get(name)?.crc) throw damaged(`${name} does not match its checksum (CRC-32)`);
  }
  return parts;
}

/** A ZIP archive whose parts are read on demand, all within one budget of inflated bytes. */
export interface ZipPackage {
  has(name: string): boolean;
  /** Every part's name, from the central directory. */
  names(): string[];
  /** The named parts that the archive holds, inflated and checked. */
  read(names: readonly string[]): Map<string, PackagePart>;
}

export function openPackage(bytes: Buffer): ZipPackage {
  const directory = readDirectory(bytes);
  const budget = { left: maxInflatedBytes };
  return { has: (name) => directory.has(name), names: () => [...directory.keys()], read: (names) => inflateParts(bytes, directory, names, budget) };
}
