// The entries of a ZIP archive (a workspace backup, a Word document), read from its central directory. Entries
// are stored or deflated; the sizes the directory declares are checked against a limit before
// anything is unpacked, and again while unpacking, so a small archive cannot fill the tab.

export interface ZipEntry {
  name: string;
  method: number;
  packedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const ENTRY = 0x02014b50;
const LOCAL = 0x04034b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

/** Where the end-of-directory record starts, or -1 when there is none. */
export function endRecord(view: DataView): number {
  // The last 22 bytes, or up to 64 KiB earlier when a comment follows it.
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** The archive's entries, or null when the bytes hold no readable ZIP directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      packedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * Entry names from the local headers at the start of the bytes, in order: what an archive's
 * first bytes tell before its directory (at its end) is read, or when the file was cut short.
 */
export function leadingNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const names: string[] = [];
  let at = 0;
  while (at >= 0 && at + 30 <= bytes.length && view.getUint32(at, true) === LOCAL) {
    const nameLength = view.getUint16(at + 26, true);
    const data = at + 30 + nameLength + view.getUint16(at + 28, true);
    if (data > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    // Bit 3: the sizes are written after the data (LibreOffice, streaming writers), so the
    // next header is found by its signature; the names are all this is used for.
    const sized = (view.getUint16(at + 6, true) & 0x08) === 0;
    at = sized ? data + view.getUint32(at + 18, true) : nextLocal(bytes, data);
  }
  return names;
}

/** Where the next local header signature ("PK\x03\x04") starts from `from`, or -1. */
function nextLocal(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0x50, from); i >= 0; i = bytes.indexOf(0x50, i + 1))
    if (bytes[i + 1] === 0x4b && bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) return i;
  return -1;
}

/** The entry's bytes, unpacked; throws when they are not what the directory says. */
export async function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL)
    throw new Error(`"${entry.name}": no local header where the directory points`);
  const start =
    entry.offset +
    30 +
    view.getUint16(entry.offset + 26, true) +
    view.getUint16(entry.offset + 28, true);
  const packed = bytes.subarray(start, start + entry.packedSize);
  if (packed.length !== entry.packedSize) throw new Error(`"${entry.name}" is cut short`);
  let data: Uint8Array;
  if (entry.method === METHOD_STORE) data = packed;
  else if (entry.method === METHOD_DEFLATE) data = await inflateRaw(packed, entry.size);
  else throw new Error(`"${entry.name}": packing method ${entry.method} is not supported`);
  if (data.length !== entry.size) throw new Error(`"${entry.name}" is not the size declared`);
  return data;
}

/** Inflates at most `size` bytes: an entry that would unpack to more is refused mid-way. */
async function inflateRaw(packed: Uint8Array, size: number): Promise<Uint8Array> {
  const reader = new Blob([packed as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) {
      await reader.cancel();
      throw new Error('unpacks to more than declared');
    }
    out.set(value, at);
    at += value.length;
  }
  return out.subarray(0, at);
}
