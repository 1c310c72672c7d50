// What an XLSX (a ZIP) says it holds, read from its central directory before anything is
// unpacked: a few hundred kilobytes can unpack to gigabytes (a "zip bomb") and take the tab down.
import { endRecord, zipEntries } from '../zip/readZip';

export interface ZipSizes {
  entries: number;
  /** Bytes the entries take unpacked, as the directory declares them. */
  unpacked: number;
  packed: number;
}

/** The declared sizes, or null when the bytes hold no readable ZIP directory. */
export function zipSizes(bytes: Uint8Array): ZipSizes | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  if (end < 0) return null;
  // ZIP64 markers: sizes beyond 4 GiB, far past anything a browser tab can unpack.
  const beyond = { unpacked: Infinity, packed: bytes.length };
  const count = view.getUint16(end + 10, true);
  if (count === 0xffff || view.getUint32(end + 16, true) === 0xffffffff)
    return { entries: count, ...beyond };
  const entries = zipEntries(bytes);
  if (!entries) return null;
  if (entries.some((e) => e.size === 0xffffffff || e.packedSize === 0xffffffff))
    return { entries: count, ...beyond };
  return {
    entries: count,
    unpacked: entries.reduce((sum, e) => sum + e.size, 0),
    packed: entries.reduce((sum, e) => sum + e.packedSize, 0),
  };
}
