// The stream names inside an OLE2 compound file (CFB): the container of a legacy Excel 97–2003
// workbook ("Workbook", or "Book" before Excel 97), of a password-protected .xlsx
// ("EncryptionInfo", "EncryptedPackage") and of a Word 97–2003 document ("WordDocument"). Only
// the directory is read — on the page, before any reader is loaded — so a protected file is
// told apart from a workbook without the library, and without decrypting anything.

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const HEADER_FAT_SECTORS = 109;
/** A directory longer than this is no real file's (a workbook has a handful of streams). */
const MAX_DIRECTORY_SECTORS = 4096;

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The names in the directory, or null when the bytes hold no readable CFB directory. */
export function cfbStreams(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512 || CFB_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (n: number): number => (n + 1) * size;
  const fat = fatOf(view, size, sectorAt);
  if (!fat) return null;
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = view.getUint32(48, true); s !== END_OF_CHAIN; s = fat[s] ?? FREE) {
    if (s >= fat.length || seen.has(s) || seen.size >= MAX_DIRECTORY_SECTORS) return null;
    seen.add(s);
    const start = sectorAt(s);
    if (start + size > bytes.length) return null;
    for (let at = start; at < start + size; at += 128) {
      const nameBytes = view.getUint16(at + 64, true);
      // Type 1 is a storage, 2 a stream, 5 the root; 0 an unused slot.
      if (bytes[at + 66] === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(utf16(bytes.subarray(at, at + nameBytes - 2)));
    }
  }
  return names;
}

/** The file allocation table, from the sectors the header (and the DIFAT chain) list. */
function fatOf(view: DataView, size: number, sectorAt: (n: number) => number): Uint32Array | null {
  const fatSectors: number[] = [];
  const count = view.getUint32(44, true);
  for (let i = 0; i < Math.min(count, HEADER_FAT_SECTORS); i++)
    fatSectors.push(view.getUint32(76 + 4 * i, true));
  let difat = view.getUint32(68, true);
  const perSector = size / 4 - 1;
  while (fatSectors.length < count && difat !== END_OF_CHAIN && difat !== FREE) {
    const at = sectorAt(difat);
    if (at + size > view.byteLength) return null;
    for (let i = 0; i < perSector && fatSectors.length < count; i++)
      fatSectors.push(view.getUint32(at + 4 * i, true));
    difat = view.getUint32(at + 4 * perSector, true);
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  for (const [k, s] of fatSectors.entries()) {
    const at = sectorAt(s);
    if (at + size > view.byteLength) return null;
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = view.getUint32(at + 4 * i, true);
  }
  return fat;
}

function utf16(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2)
    s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return s;
}

/** What a compound file holds, by its streams. */
export type CfbContent = 'xls' | 'encrypted' | 'doc' | 'unknown';

export function cfbContent(names: readonly string[] | null): CfbContent {
  if (names === null) return 'unknown';
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return 'encrypted';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('WordDocument')) return 'doc';
  return 'unknown';
}
