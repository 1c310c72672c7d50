// ZIP container (PKWARE APPNOTE 4.3): local headers + data, central directory, end record. For
// XLSX files and workspace backups. No ZIP64, which caps us at 65535 entries / 4 GiB: beyond
// anything a browser tab holds.

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01: fixed so output is reproducible
const FLAG_UTF8 = 0x0800; // file names are UTF-8 (APPNOTE bit 11)
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

/** @type {Uint32Array | undefined} */
let crcTable;
/** CRC-32 (IEEE), as ZIP entries carry it. @param {Uint8Array} data */
export function crc32(data) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data)
    crc = /** @type {number} */ (crcTable[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Little-endian packing of [byteWidth, value] pairs; lets each ZIP record below read like the
 * field table in the spec.
 * @param {[2 | 4, number][]} fields
 */
function le(fields) {
  const bytes = new Uint8Array(fields.reduce((sum, [width]) => sum + width, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [width, value] of fields) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += width;
  }
  return bytes;
}

/**
 * @param {{ name: string, data: Uint8Array }[]} files
 * @param {((data: Uint8Array) => Uint8Array) | null} deflateRaw
 * @returns {Uint8Array}
 */
export function zipFiles(files, deflateRaw) {
  const utf8 = new TextEncoder();
  /** @type {Uint8Array[]} */
  const body = [];
  /** @type {Uint8Array[]} */
  const central = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = utf8.encode(name);
    const packed = deflateRaw ? deflateRaw(data) : data;
    // The local header and the central entry repeat this same run of fields.
    /** @type {[2 | 4, number][]} */
    const common = [
      [2, deflateRaw ? 20 : 10], // version needed to extract: 2.0 (deflate), 1.0 (stored)
      [2, FLAG_UTF8],
      [2, deflateRaw ? METHOD_DEFLATE : METHOD_STORE],
      [2, DOS_TIME],
      [2, DOS_DATE],
      [4, crc32(data)],
      [4, packed.length],
      [4, data.length],
      [2, nameBytes.length],
      [2, 0], // extra field length
    ];
    const local = le([[4, 0x04034b50], ...common]);
    const entry = le([
      [4, 0x02014b50],
      [2, 20], // version made by: 2.0, MS-DOS attribute semantics
      ...common,
      [2, 0], // file comment length
      [2, 0], // disk number start
      [2, 0], // internal attributes
      [4, 0], // external attributes
      [4, offset], // where this entry's local header starts
    ]);
    body.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const n = files.length;
  if (n > 0xffff || offset + centralSize > 0xffffffff) throw new Error('Too large without ZIP64');
  const end = le([
    [4, 0x06054b50],
    [2, 0], // number of this disk
    [2, 0], // disk where the central directory starts
    [2, n], // entries on this disk
    [2, n], // entries in total
    [4, centralSize],
    [4, offset], // central directory starts right after the last entry's data
    [2, 0], // archive comment length
  ]);

  // One fresh array: callers may read `.buffer`, which must hold this archive and nothing else.
  const out = new Uint8Array(offset + centralSize + end.length);
  let pos = 0;
  for (const part of [...body, ...central, end]) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}
