// What an XLSX (a ZIP) says it holds, read from its central directory before anything is
// unpacked: a few hundred kilobytes can unpack to gigabytes (a "zip bomb") and take the tab down.
import { endRecord } from '../zip/readZip';

export interface ZipSizes {
  entries: number;
  /** Bytes the entries take unpacked, as the directory declares them. */
  unpacked: number;
  packed: number;
}

const ENTRY = 0x02014b50;

/** The declared sizes, or null when the bytes hold no readable ZIP directory. */
export function zipSizes(bytes: Uint8Array): ZipSizes | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 markers: sizes beyond 4 GiB, far past anything a browser tab can unpack.
  if (count === 0xffff || offset === 0xffffffff)
    return { entries: count, unpacked: Infinity, packed: bytes.length };
  let at = offset;
  let unpacked = 0;
  let packed = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY) return null;
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (compressed === 0xffffffff || size === 0xffffffff)
      return { entries: count, unpacked: Infinity, packed: bytes.length };
    packed += compressed;
    unpacked += size;
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return { entries: count, unpacked, packed };
}
