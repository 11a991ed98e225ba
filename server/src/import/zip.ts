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
/**
 * What a workbook may unpack to, as its directory declares: a province's roster of a million rows
 * is some 500 MB of XML. exceljs keeps the shared strings table whole in memory (`sharedStrings:
 * 'cache'`), so it has a bound of its own. A "zip bomb" (a few MB unpacking to many GB) is refused
 * before a byte is inflated; one whose directory lies about its sizes is not caught here.
 */
const MAX_UNPACKED = 1024 * 1024 * 1024;
const MAX_SHARED_STRINGS = 256 * 1024 * 1024;
/** ZIP64 marks a field too large for its 4 bytes, given in the entry's ZIP64 extra field instead. */
const ZIP64 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

/**
 * A directory entry's unpacked and packed sizes and its local header's place: from the entry, or
 * from its ZIP64 extra field for those marked ZIP64 (some writers mark them even in small files).
 */
function sizesOf(directory: Buffer, at: number, nameLength: number, extraLength: number) {
  const found = {
    size: directory.readUInt32LE(at + 24),
    compressed: directory.readUInt32LE(at + 20),
    localAt: directory.readUInt32LE(at + 42),
  };
  const end = Math.min(directory.length, at + 46 + nameLength + extraLength);
  for (let x = at + 46 + nameLength; x + 4 <= end; x += 4 + directory.readUInt16LE(x + 2)) {
    if (directory.readUInt16LE(x) !== ZIP64_EXTRA) continue;
    let field = x + 4;
    for (const key of ['size', 'compressed', 'localAt'] as const) {
      if (found[key] !== ZIP64 || field + 8 > end) continue;
      found[key] = Number(directory.readBigUInt64LE(field));
      field += 8;
    }
  }
  return found;
}

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
    // A ZIP64 end record (archives past 4 GB or 65,535 entries) is not read: such a file is not checked.
    if (directoryAt === ZIP64 || directorySize === ZIP64) return null;
    if (directoryAt + directorySize > tailStart + end) return 'cutShort';
    const directory = await read(directorySize, directoryAt);
    let at = 0;
    let unpacked = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'damaged';
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      const { size: entrySize, compressed, localAt } = sizesOf(directory, at, nameLength, extraLength);
      unpacked += entrySize;
      if (unpacked > MAX_UNPACKED || (/sharedStrings\.xml$/i.test(name) && entrySize > MAX_SHARED_STRINGS))
        return 'tooLarge';
      const local = await read(30, localAt);
      if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) return 'damaged';
      if (localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) + compressed > directoryAt) return 'cutShort';
      at += 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
    }
    return null;
  } finally {
    await file.close();
  }
}
