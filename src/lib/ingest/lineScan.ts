// One pass over the bytes of a text file that is not valid UTF-8 as a whole, line by line: which
// lines are UTF-8, which are in a legacy code page, where decoding has to switch between the two,
// and which lines hold bytes no text has. Rows are numbered as the rest of the app numbers them
// (csvRecords): 1-based, a line ending at LF, CR LF or a lone CR (csvRecords alone ignores a lone
// CR inside a quoted cell, which no export writes). It works on bytes: a UTF-8 sequence never
// contains 0x0A or 0x0D, and in the Windows code pages they are LF and CR.

export type LegacyEncoding = 'windows-1258' | 'windows-1252';

/** The first rows of a kind (enough to find them in the file) and how many there are. */
export interface RowSample {
  rows: number[];
  count: number;
}

/** Where a stretch of lines read in one encoding starts (byte offset), and which it is. */
export interface Run {
  start: number;
  utf8: boolean;
}

export interface LineScan {
  /** Lines with non-ASCII text that is valid UTF-8. */
  utf8: RowSample;
  /** Lines that are not valid UTF-8: a legacy code page, or damage. */
  legacy: RowSample;
  /**
   * Legacy lines a code page cannot make text of: a control byte (NUL, BEL …, DEL: binary data
   * in any code page) or a byte that page leaves unassigned.
   */
  unreadable: Record<LegacyEncoding, RowSample>;
  /** Tone bytes right after a letter on legacy lines: how Windows-1258 writes Vietnamese. */
  tones: number;
  /** Stretches of lines to decode as one; ASCII lines join whichever stretch they are in. */
  runs: Run[];
}

/** Rows listed by number in a message; the rest are counted. */
export const LISTED_ROWS = 10;

/**
 * Bytes WHATWG's decoders leave unassigned (they come out as C1 controls). Taken from the
 * code page tables, not from a decoder: Node's windows-1252 decodes every 0x80–0x9F as a C1
 * control, Chromium's as € ‚ ƒ „ …, and both must judge a file the same way.
 */
const UNASSIGNED: Record<LegacyEncoding, readonly number[]> = {
  'windows-1252': [0x81, 0x8d, 0x8f, 0x90, 0x9d],
  'windows-1258': [0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e],
};
/** Windows-1258 writes tones as combining bytes after a vowel; in Windows-1252 the same bytes
 * are Ì ì Þ Ò ò, which Western text almost never puts right after a letter. */
const TONE_BYTES = [0xcc, 0xec, 0xde, 0xd2, 0xf2];
/** Vowels with a shape mark (â ê ô ơ ư ă, both cases) and đ/Đ in Windows-1258. */
const VIETNAMESE_BYTES = [
  0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3, 0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3, 0xf0, 0xd0,
];

// What each byte value is, as bit flags in a table: the scan looks every byte up once.
const NOT_IN_1258 = 1;
const NOT_IN_1252 = 2;
const TONE = 4;
const LETTER = 8;
/** C0 controls other than tab (line breaks never reach the lookup), and DEL: not text. */
const CONTROL = 16;
const BYTE_FLAGS = (() => {
  const flags = new Uint8Array(256);
  for (const b of UNASSIGNED['windows-1258']) flags[b]! |= NOT_IN_1258;
  for (const b of UNASSIGNED['windows-1252']) flags[b]! |= NOT_IN_1252;
  for (const b of TONE_BYTES) flags[b]! |= TONE;
  for (const b of VIETNAMESE_BYTES) flags[b]! |= LETTER;
  for (let b = 0x41; b <= 0x7a; b++) if (b <= 0x5a || b >= 0x61) flags[b]! |= LETTER;
  for (let b = 0; b < 0x20; b++) if (b !== 0x09) flags[b]! |= CONTROL;
  flags[0x7f]! |= CONTROL;
  return flags;
})();

/**
 * UTF-8 lead byte → [continuation bytes, lowest and highest first continuation]. The narrowed
 * first continuation rejects overlong forms, surrogates and code points past U+10FFFF, exactly
 * as a fatal TextDecoder does.
 */
function utf8Lead(b: number): [number, number, number] | null {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  return null;
}

const sample = (): RowSample => ({ rows: [], count: 0 });

function note(s: RowSample, row: number): void {
  s.count += 1;
  if (s.rows.length < LISTED_ROWS) s.rows.push(row);
}

/** Scans `bytes` from `from` (past a BOM). Linear, no allocation per line. */
export function scanLines(bytes: Uint8Array, from = 0): LineScan {
  const scan: LineScan = {
    utf8: sample(),
    legacy: sample(),
    unreadable: { 'windows-1258': sample(), 'windows-1252': sample() },
    tones: 0,
    runs: [{ start: from, utf8: true }],
  };
  let kindKnown = false;
  let row = 1;
  let lineStart = from;
  // The line so far: still valid UTF-8? any non-ASCII byte? the flags of its bytes, its tones.
  let valid = true;
  let nonAscii = false;
  let need = 0;
  let low = 0x80;
  let high = 0xbf;
  let seen = 0;
  let tones = 0;

  const endLine = (next: number): void => {
    if (need > 0) valid = false;
    if (nonAscii) {
      if (valid) note(scan.utf8, row);
      else {
        note(scan.legacy, row);
        scan.tones += tones;
        if (seen & (CONTROL | NOT_IN_1258)) note(scan.unreadable['windows-1258'], row);
        if (seen & (CONTROL | NOT_IN_1252)) note(scan.unreadable['windows-1252'], row);
      }
      const run = scan.runs.at(-1)!;
      if (!kindKnown) {
        run.utf8 = valid;
        kindKnown = true;
      } else if (run.utf8 !== valid) scan.runs.push({ start: lineStart, utf8: valid });
    }
    row += 1;
    lineStart = next;
    valid = true;
    nonAscii = false;
    need = 0;
    seen = 0;
    tones = 0;
  };

  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || b === 0x0d) {
      const next = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
      endLine(next);
      i = next - 1;
      continue;
    }
    const flags = BYTE_FLAGS[b]!;
    seen |= flags;
    if (b < 0x80) {
      if (need > 0) {
        valid = false;
        need = 0;
      }
      continue;
    }
    nonAscii = true;
    if (flags & TONE && i > lineStart && BYTE_FLAGS[bytes[i - 1]!]! & LETTER) tones += 1;
    if (!valid) continue;
    if (need > 0) {
      if (b < low || b > high) {
        valid = false;
        continue;
      }
      need -= 1;
      low = 0x80;
      high = 0xbf;
      continue;
    }
    const lead = utf8Lead(b);
    if (lead === null) valid = false;
    else [need, low, high] = lead;
  }
  if (lineStart < bytes.length) endLine(bytes.length);
  return scan;
}

/**
 * The code page of the legacy lines: Windows-1258 when they write tones the Vietnamese way,
 * Windows-1252 otherwise — unless only the other page can read every one of them.
 */
export function legacyPageOf(scan: LineScan): LegacyEncoding {
  const preferred: LegacyEncoding = scan.tones > 0 ? 'windows-1258' : 'windows-1252';
  const other: LegacyEncoding = preferred === 'windows-1258' ? 'windows-1252' : 'windows-1258';
  return scan.unreadable[preferred].count > 0 && scan.unreadable[other].count === 0
    ? other
    : preferred;
}
