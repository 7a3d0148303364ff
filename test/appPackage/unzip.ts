/**
 * A small ZIP reader for the tests, written independently of scripts/lib/zip.ts so that a bug in the
 * writer is not mirrored by the reader: it finds the end-of-central-directory record, walks the
 * central directory, checks each local header against it, inflates the data and verifies the CRC.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface UnzippedEntry {
  name: string;
  method: number;
  flags: number;
  data: Buffer;
}

export function readZip(zip: Buffer): UnzippedEntry[] {
  const eocdOffset = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocdOffset < 0 || eocdOffset + 22 > zip.length) throw new Error('No end of central directory record');
  const count = zip.readUInt16LE(eocdOffset + 10);
  if (zip.readUInt16LE(eocdOffset + 8) !== count) throw new Error('Multi-disk archives are not expected');
  const cdSize = zip.readUInt32LE(eocdOffset + 12);
  const cdOffset = zip.readUInt32LE(eocdOffset + 16);
  if (cdOffset + cdSize !== eocdOffset) throw new Error('Central directory does not end at the EOCD record');

  const entries: UnzippedEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`Bad central directory header at ${p}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`Bad local header for ${name}`);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const localName = zip.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength);
    if (localName !== name) throw new Error(`Local header name ${localName} differs from ${name}`);
    if (zip.readUInt16LE(localOffset + 8) !== method || zip.readUInt32LE(localOffset + 14) !== crc) {
      throw new Error(`Local header of ${name} disagrees with the central directory`);
    }
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = zip.subarray(start, start + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`Unexpected compression method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length}, central directory says ${size}`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, method, flags, data });
  }
  if (p !== eocdOffset) throw new Error('Central directory size does not match its entries');
  return entries;
}
