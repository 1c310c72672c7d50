// Bytes of a text file → text, with the encoding named so the report can show it. UTF-8 (with
// or without BOM) and UTF-16 are recognised for sure; other bytes are legacy Windows code
// pages, where Windows-1258 (Vietnamese) is told from Windows-1252 (Western) by which one
// yields Vietnamese letters. A file that is UTF-8 except on some lines — rows pasted from
// another export — is read line by line, each line in its own encoding, and said so: decoding
// it all one way would garble one part or the other without a word.
import {
  LISTED_ROWS,
  legacyPageOf,
  scanLines,
  type LegacyEncoding,
  type LineScan,
  type RowSample,
} from './lineScan';

export type { LegacyEncoding, RowSample } from './lineScan';

/** UTF-8 lines read as UTF-8 and the others in the legacy page named after the '+'. */
export type MixedEncoding = 'utf-8+windows-1258' | 'utf-8+windows-1252';

export type TextEncodingName =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | LegacyEncoding | MixedEncoding;

/** Every name a load can be read with: the report's selector, and what a saved workspace may hold. */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'windows-1252',
  'utf-8+windows-1258',
  'utf-8+windows-1252',
];

/**
 * Rows read another way than most of the file, or not readable as chosen:
 * - `mixed`: lines in two encodings, each read in its own; `rows` are those in `other`;
 * - `replaced`: read as UTF-8 as the person chose, but `rows` are not UTF-8 (they look like
 *   `other`): their unreadable bytes became U+FFFD;
 * - `misread`: read in a legacy page as the person chose, but `rows` are UTF-8: their letters
 *   came out garbled.
 */
export interface EncodingFinding {
  kind: 'mixed' | 'replaced' | 'misread';
  /** The encoding most of the file was read in. */
  main: 'utf-8' | LegacyEncoding;
  /** The encoding the listed rows are in. */
  other: 'utf-8' | LegacyEncoding;
  /** The first rows (1-based lines, as the report counts them) and how many in all. */
  rows: number[];
  count: number;
  /** The reading that gets the whole file right, when the person chose another. */
  suggested?: TextEncodingName;
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  finding: EncodingFinding | null;
}

/**
 * Lines that neither UTF-8 nor the legacy page can make text of (control bytes, unassigned
 * bytes): a damaged file or binary data. Thrown so the caller can name the file.
 */
export class UnreadableLines extends Error {
  constructor(
    readonly encoding: LegacyEncoding,
    readonly sample: RowSample,
  ) {
    super(`lines not readable as UTF-8 or ${encoding}: ${sample.rows.join(', ')}`);
    this.name = 'UnreadableLines';
  }
}

export const hasUtf8Bom = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** TextDecoder drops a BOM matching its encoding; NFC so that Vietnamese compares by letters. */
const decode = (label: string, bytes: Uint8Array): string =>
  new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');

const mixedOf = (page: LegacyEncoding): MixedEncoding => `utf-8+${page}`;

/** The legacy page of a mixed name, or null for the others. */
function pageOfMixed(encoding: TextEncodingName): LegacyEncoding | null {
  return encoding === 'utf-8+windows-1258'
    ? 'windows-1258'
    : encoding === 'utf-8+windows-1252'
      ? 'windows-1252'
      : null;
}

export function decodeText(bytes: Uint8Array, chosen?: TextEncodingName): DecodedText {
  const utf16 = chosen === 'utf-16le' || chosen === 'utf-16be' ? chosen : null;
  if (utf16 || (!chosen && utf16Of(bytes))) {
    const encoding = utf16 ?? utf16Of(bytes)!;
    return { text: decode(encoding, bytes).normalize('NFC'), encoding, finding: null };
  }
  // A UTF-8 BOM is a BOM whatever the person chose: never three letters of text.
  const from = hasUtf8Bom(bytes) ? 3 : 0;
  const body = bytes.subarray(from);
  const whole = chosen === undefined || chosen === 'utf-8' || chosen === 'utf-8-bom';
  if (whole && isValidUtf8(body)) {
    const encoding = chosen ?? (from > 0 ? 'utf-8-bom' : 'utf-8');
    return { text: decode('utf-8', body).normalize('NFC'), encoding, finding: null };
  }
  const scan = scanLines(bytes, from);
  const forcedPage = chosen === 'windows-1258' || chosen === 'windows-1252' ? chosen : null;
  if (forcedPage) {
    return {
      text: decode(forcedPage, body).normalize('NFC'),
      encoding: forcedPage,
      finding:
        scan.utf8.count > 0
          ? {
              ...finding('misread', forcedPage, 'utf-8', scan.utf8),
              suggested: scan.legacy.count === 0 ? 'utf-8' : mixedOf(legacyPageOf(scan)),
            }
          : null,
    };
  }
  const page = (chosen && pageOfMixed(chosen)) || legacyPageOf(scan);
  if (chosen === 'utf-8' || chosen === 'utf-8-bom') {
    return {
      text: decode('utf-8', body).normalize('NFC'),
      encoding: chosen,
      finding:
        scan.legacy.count > 0
          ? {
              ...finding('replaced', 'utf-8', page, scan.legacy),
              suggested: scan.utf8.count === 0 ? page : mixedOf(page),
            }
          : null,
    };
  }
  // Detected (or chosen) as legacy, alone or mixed: every legacy line must be text in `page`.
  const unreadable = scan.unreadable[page];
  if (unreadable.count > 0) throw new UnreadableLines(page, unreadable);
  if (scan.utf8.count === 0 && !chosen) {
    return { text: decode(page, body).normalize('NFC'), encoding: page, finding: null };
  }
  return {
    text: decodeRuns(bytes, scan, page).normalize('NFC'),
    encoding: mixedOf(page),
    finding: mixedFinding(scan, page),
  };
}

/** What the file is, without decoding it (the UTF-8 lines of a mixed file decide nothing). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const utf16 = utf16Of(bytes);
  if (utf16) return utf16;
  const from = hasUtf8Bom(bytes) ? 3 : 0;
  if (isValidUtf8(bytes.subarray(from))) return from > 0 ? 'utf-8-bom' : 'utf-8';
  const scan = scanLines(bytes, from);
  const page = legacyPageOf(scan);
  return scan.utf8.count === 0 ? page : mixedOf(page);
}

/** Each stretch of lines decoded in its own encoding, in file order. */
function decodeRuns(bytes: Uint8Array, scan: LineScan, page: LegacyEncoding): string {
  return scan.runs
    .map((run, i) =>
      decode(
        run.utf8 ? 'utf-8' : page,
        bytes.subarray(run.start, scan.runs[i + 1]?.start ?? bytes.length),
      ),
    )
    .join('');
}

/**
 * The minority of a mixed file is what to fix; the majority names the file's encoding. Nothing
 * to say when one of the two has no lines (a mixed reading chosen for a file in one encoding).
 */
function mixedFinding(scan: LineScan, page: LegacyEncoding): EncodingFinding | null {
  if (scan.utf8.count === 0 || scan.legacy.count === 0) return null;
  return scan.utf8.count >= scan.legacy.count
    ? finding('mixed', 'utf-8', page, scan.legacy)
    : finding('mixed', page, 'utf-8', scan.utf8);
}

function finding(
  kind: EncodingFinding['kind'],
  main: EncodingFinding['main'],
  other: EncodingFinding['other'],
  rows: RowSample,
): EncodingFinding {
  return { kind, main, other, rows: rows.rows.slice(0, LISTED_ROWS), count: rows.count };
}

/** Latin text in UTF-16 has a NUL in every other byte: odd positions (LE) or even (BE). */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}
