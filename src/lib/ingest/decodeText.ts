// Bytes of a text file → text, with the encoding named so the report can show it. UTF-8 (with
// or without BOM) and UTF-16 are recognised for sure; other bytes are legacy Windows code
// pages, where Windows-1258 (Vietnamese) is told from Windows-1252 (Western) by which one
// yields Vietnamese letters.

export type TextEncodingName =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'windows-1252',
];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array, chosen?: TextEncodingName): DecodedText {
  const encoding = chosen ?? detectEncoding(bytes);
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // TextDecoder drops a BOM matching its encoding; NFC so that Vietnamese compares by letters.
  const text = new TextDecoder(label)
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .normalize('NFC');
  return { text, encoding };
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return looksVietnamese1258(bytes.subarray(0, 65536)) ? 'windows-1258' : 'windows-1252';
  }
}

/** Windows-1258 writes tones as combining bytes after a vowel; in Windows-1252 the same bytes
 * are Ì ì Þ Ò ò, which Western text almost never puts right after a letter. */
const TONE_BYTES = new Set([0xcc, 0xec, 0xde, 0xd2, 0xf2]);
/** Vowels with a shape mark (â ê ô ơ ư ă, both cases) and đ/Đ in Windows-1258. */
const VIETNAMESE_BYTES = new Set([
  0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3, 0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3, 0xf0, 0xd0,
]);

function looksVietnamese1258(bytes: Uint8Array): boolean {
  let tones = 0;
  for (let i = 1; i < bytes.length; i++) {
    const prev = bytes[i - 1]!;
    const isLetter =
      (prev >= 0x41 && prev <= 0x5a) ||
      (prev >= 0x61 && prev <= 0x7a) ||
      VIETNAMESE_BYTES.has(prev);
    if (TONE_BYTES.has(bytes[i]!) && isLetter) tones += 1;
  }
  return tones > 0;
}

/** Latin text in UTF-16 has a NUL in every other byte: odd positions (LE) or even (BE). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
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
