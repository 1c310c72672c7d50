// What a dropped file really is, by its bytes rather than its name: a renamed PNG is not a
// CSV, a CSV-named ZIP is an Excel workbook, or a Word document or an OpenDocument spreadsheet
// when it holds one, and an .xls may be an Excel 97–2003 workbook or a web page's HTML table.
import { leadingNames, zipEntries } from '../zip/readZip';
import { CFB_SIGNATURE } from './cfbStreams';
import { DOCUMENT_PART } from './docxTables';

/** The formats that are ZIP archives, told apart by the parts they hold. */
export type ZipFormat = 'xlsx' | 'docx' | 'xlsb' | 'ods';

export type FileKind =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  /** A Word document: its tables are read as a workbook's sheets. */
  | { kind: 'docx' }
  | { kind: 'xlsb' }
  /** An OpenDocument spreadsheet (a ZIP), or the same as one XML file (flat .fods). */
  | { kind: 'ods' }
  | { kind: 'fods' }
  /** An OLE2 container: a legacy .xls, a password-protected .xlsx, or a Word 97–2003 .doc. */
  | { kind: 'cfb' }
  /** A web page holding a table, as web systems export "Excel" files. */
  | { kind: 'html' }
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
  if (startsWith(bytes, CFB_SIGNATURE)) return { kind: 'cfb' };
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return { kind: 'binary', what: known.what };
  if (/\.json$/i.test(name)) return { kind: 'json' };
  if (!looksLikeText(bytes)) return { kind: 'binary', what: 'binary' };
  return { kind: markupKind(bytes) ?? 'text' };
}

/** The part that names each ZIP format (an ODS says so in its entry `mimetype`, first as a rule). */
const PARTS: { part: string; format: ZipFormat }[] = [
  { part: DOCUMENT_PART, format: 'docx' },
  { part: 'xl/workbook.bin', format: 'xlsb' },
];
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Which Office file a ZIP is. The directory at the end of the whole bytes lists its parts; the
 * local headers at the start show them in the first bytes alone, or in a file cut short. A ZIP
 * that shows no other format's part is taken as an .xlsx, as every ZIP was before the others
 * were read.
 */
export function officeFormat(bytes: Uint8Array): ZipFormat {
  if (odsMimetype(bytes)) return 'ods';
  const names = new Set([...(zipEntries(bytes)?.map((e) => e.name) ?? []), ...leadingNames(bytes)]);
  const named = PARTS.find((p) => names.has(p.part))?.format;
  if (named) return named;
  // Some writers (SheetJS's own) put `mimetype` anywhere: an OpenDocument file all the same.
  return names.has('mimetype') && names.has('content.xml') ? 'ods' : 'xlsx';
}

/**
 * OpenDocument puts its media type first, stored uncompressed as the entry `mimetype`, so that
 * the first bytes tell: "PK\x03\x04", 26 bytes of header, the name, then the type.
 */
function odsMimetype(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes.subarray(30, 30 + 8 + 64));
  return text.startsWith('mimetype') && text.includes(ODS_MIMETYPE);
}

/**
 * An HTML page (after a BOM, white space, an XML declaration or comments: "<html", "<!DOCTYPE
 * html", "<table", or Excel's HTML namespace), or a flat OpenDocument spreadsheet (an XML
 * office:document of the spreadsheet type).
 */
function markupKind(head: Uint8Array): 'html' | 'fods' | null {
  const text = new TextDecoder('latin1').decode(head);
  const start = text.replace(/^(\u00ef\u00bb\u00bf|\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/, '');
  if (/^<(!doctype\s+html|html|table)\b/i.test(start)) return 'html';
  if (text.includes('urn:schemas-microsoft-com:office:excel') && /<(html|table)\b/i.test(text))
    return 'html';
  if (/^<office:document\b/.test(start) && text.includes(ODS_MIMETYPE)) return 'fods';
  return null;
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
