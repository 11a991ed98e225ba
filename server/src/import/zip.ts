// An .xlsx workbook is a ZIP archive. exceljs's streaming reader waits for ever on an archive cut
// short (an upload or a download interrupted: the commonest damaged file): the import would hold
// its transaction, and every write queued behind it, until the transaction's timeout. So the
// archive's end record, its directory and each entry's place are checked before it is streamed.
// Damage inside an entry (bytes changed) makes exceljs throw, which the reader reports the same way.
import { open } from 'node:fs/promises';
import type { Damage } from '../rules/violations.ts';

const END = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record's size without its comment, and the longest comment it may carry. */
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** ZIP64 marks a field too large for its 2 or 4 bytes (archives past 4 GB, beyond any upload's limit). */
const ZIP64 = 0xffffffff;

/** What is wrong with the ZIP archive at `path`, or null when it is whole. */
export async function zipDamage(path: string): Promise<Damage | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (length: number, position: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(4, 0);
    if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_HEADER) return 'notXlsx';
    const tailStart = Math.max(0, size - END_SIZE - MAX_COMMENT);
    const tail = await read(size - tailStart, tailStart);
    let end = -1;
    for (let i = tail.length - END_SIZE; i >= 0 && end < 0; i--) if (tail.readUInt32LE(i) === END) end = i;
    if (end < 0) return 'cutShort';
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryAt = tail.readUInt32LE(end + 16);
    if (directoryAt === ZIP64 || directorySize === ZIP64) return null;
    if (directoryAt + directorySize > tailStart + end) return 'cutShort';
    const directory = await read(directorySize, directoryAt);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'damaged';
      const compressed = directory.readUInt32LE(at + 20);
      const localAt = directory.readUInt32LE(at + 42);
      if (compressed === ZIP64 || localAt === ZIP64) return null;
      const local = await read(30, localAt);
      if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) return 'damaged';
      if (localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) + compressed > directoryAt) return 'cutShort';
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return null;
  } finally {
    await file.close();
  }
}
