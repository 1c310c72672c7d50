// What a dropped file really is, by its bytes rather than its name: a renamed PNG is not a
// CSV, and a CSV-named ZIP is an Excel workbook, or a Word document when it holds one.
import { leadingNames, zipEntries } from '../zip/readZip';
import { DOCUMENT_PART } from './docxTables';

export type FileKind =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  /** A Word document: its tables are read as a workbook's sheets. */
  | { kind: 'docx' }
  /** An OLE2 container: a password-protected .xlsx, or a legacy .xls. */
  | { kind: 'cfb' }
  | { kind: 'json' }
  | { kind: 'text' }
  | { kind: 'binary'; what: string };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF' },
  { bytes: [0x1f, 0x8b], what: 'GZIP' },
];

const startsWith = (bytes: Uint8Array, sig: number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

/** How much of a file's start tells what it is. */
export const SNIFF_BYTES = 8192;

/** What the file is, from its first SNIFF_BYTES bytes (`head`) and its size. */
export function sniffFile(name: string, head: Uint8Array, size = head.length): FileKind {
  const bytes = head.subarray(0, SNIFF_BYTES);
  if (size === 0) return { kind: 'empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: officeFormat(bytes) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return { kind: 'binary', what: known.what };
  if (/\.json$/i.test(name)) return { kind: 'json' };
  return looksLikeText(bytes) ? { kind: 'text' } : { kind: 'binary', what: 'binary' };
}

/**
 * Which Office file a ZIP is: a Word document keeps its body in word/document.xml. The
 * directory at the end of the whole bytes lists it; the local headers at the start show it in
 * the first bytes alone, or in a file cut short. A ZIP that shows no Word body is taken as a
 * workbook, as every ZIP was before Word documents were read.
 */
export function officeFormat(bytes: Uint8Array): 'xlsx' | 'docx' {
  const named = (name: string): boolean => name === DOCUMENT_PART;
  const listed = zipEntries(bytes)?.some((e) => named(e.name)) ?? false;
  return listed || leadingNames(bytes).some(named) ? 'docx' : 'xlsx';
}

/** Text has no NUL bytes (UTF-16 aside) and few control characters in its first bytes. */
function looksLikeText(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul += 1;
    else if (b < 0x09 || (b > 0x0d && b < 0x20)) control += 1;
  }
  // UTF-16 without a BOM: every other byte is NUL for Latin text.
  if (nul > head.length * 0.3 && nul < head.length * 0.7) return true;
  return nul === 0 && control <= head.length * 0.01;
}
