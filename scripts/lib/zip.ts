/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3.x subset) over node:zlib, so that packaging the Teams app
 * needs no archive library.
 *
 * What it writes: one local file header + data per entry, a central directory and an end-of-central-
 * directory record. Entries are DEFLATE-compressed (method 8) unless that does not make them smaller,
 * in which case they are stored (method 0). Names are UTF-8 (general purpose flag bit 11). No ZIP64,
 * no encryption, no data descriptors, no extra fields: an app package is a handful of small files.
 *
 * The output is deterministic: every entry gets the same fixed timestamp unless one is given, so the
 * same inputs give the same bytes (for a given zlib).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer | Uint8Array;
  /** Modification time stored in the archive; defaults to {@link DEFAULT_ZIP_DATE}. */
  date?: Date;
}

/** 2020-01-01 00:00:00 local time: any fixed date in the DOS range (1980-2107) keeps output stable. */
export const DEFAULT_ZIP_DATE = new Date(2020, 0, 1, 0, 0, 0);

const LOCAL_FILE_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const VERSION_MADE_BY = (3 << 8) | 20; // upper byte 3 = Unix, so external attributes carry a mode
const FLAG_UTF8 = 1 << 11;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const UNIX_FILE_MODE = 0o100644;
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

/** Date and time in MS-DOS format, as the ZIP headers store them (2-second resolution, local time). */
export function toDosDateTime(date: Date): { time: number; date: number } {
  const year = date.getFullYear();
  if (year < 1980 || year > 2107) {
    throw new RangeError(`ZIP timestamps must be between 1980 and 2107, got ${date.toISOString()}`);
  }
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function checkName(name: string): Buffer {
  if (name.length === 0) throw new Error('A ZIP entry needs a name');
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`Unsafe ZIP entry name: ${JSON.stringify(name)}`);
  }
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > MAX_UINT16) throw new Error(`ZIP entry name too long: ${name.slice(0, 40)}...`);
  return bytes;
}

/** Builds a ZIP archive in memory from the given entries, in the given order. */
export function createZip(entries: readonly ZipEntryInput[]): Buffer {
  const seen = new Set<string>();
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const nameBytes = checkName(entry.name);
    if (seen.has(entry.name)) throw new Error(`Duplicate ZIP entry: ${entry.name}`);
    seen.add(entry.name);

    const raw = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const deflated = deflateRawSync(raw, { level: 9 });
    const useDeflate = deflated.length < raw.length;
    const payload = useDeflate ? deflated : raw;
    const method = useDeflate ? METHOD_DEFLATE : METHOD_STORE;
    const crc = crc32(raw) >>> 0;
    const { time, date } = toDosDateTime(entry.date ?? DEFAULT_ZIP_DATE);
    if (raw.length > MAX_UINT32 || payload.length > MAX_UINT32 || offset > MAX_UINT32) {
      throw new Error('ZIP64 is not supported: entry or archive larger than 4 GiB');
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER_SIGNATURE, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    localParts.push(local, nameBytes, payload);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_DIRECTORY_SIGNATURE, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((UNIX_FILE_MODE << 16) >>> 0, 38); // external attributes
    central.writeUInt32LE(offset, 42); // offset of the local header
    centralParts.push(central, nameBytes);

    offset += local.length + nameBytes.length + payload.length;
  }

  if (entries.length > MAX_UINT16) throw new Error('ZIP64 is not supported: more than 65535 entries');
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  end.writeUInt16LE(0, 4); // number of this disk
  end.writeUInt16LE(0, 6); // disk where the central directory starts
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length

  return Buffer.concat([...localParts, centralDirectory, end]);
}
