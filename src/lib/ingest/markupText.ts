// An HTML file's bytes → its text. Government web systems export tables as HTML named .xls, in
// UTF-8 with a <meta charset>, sometimes in a Windows code page with or without saying so: the
// charset the file declares wins, else the same detection as for a CSV (UTF-8, or the legacy
// page that yields Vietnamese letters).
import { decodeText } from './decodeText';

/** Where a page declares its charset: near the top, in <meta charset> or http-equiv content. */
const DECLARED = /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i;
const HEAD_BYTES = 4096;

export function markupText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const label = DECLARED.exec(head)?.[1];
  // A declaration readable as single bytes is not in UTF-16, whatever it says (a page saved
  // as UTF-8 that still declares "utf-16" would come out garbled).
  if (label && knownLabel(label) && !/^utf-?16/i.test(label)) {
    return new TextDecoder(label)
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .normalize('NFC');
  }
  return decodeText(bytes).text;
}

function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
