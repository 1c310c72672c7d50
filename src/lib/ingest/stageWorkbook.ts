// An office file → its format (from its bytes: a ZIP's parts, an OLE2 container's streams, an
// ODS manifest's encryption) → checked before it is unpacked → read (in the worker in the page)
// → the sheet that holds a table, staged. A file that cannot be opened is refused here, before
// anything is written: a password, a damaged file, a Word 97–2003 document.
import type { Engine } from '../db/engine';
import { unpackEntry, zipEntries } from '../zip/readZip';
import { cfbContent, cfbStreams } from './cfbStreams';
import { dataTablesFirst } from './docxTables';
import { MAX_COLUMNS, tooManyColumns } from './errors';
import { blobBytes, type InputFile } from './inputFile';
import { noTableInDocument } from './notATable';
import { damagedFile, legacyWordDocument, protectedWorkbook } from './officeFiles';
import { checkpoint, type LoadControl } from './progress';
import { officeFormat } from './sniffFile';
import { pickSheet, stageSheet } from './stageSheet';
import type { StagedTable } from './staged';
import type { WorkbookFormat, WorkbookReader } from './workbook';
import { zipSizes } from './zipDirectory';

/** What the first bytes said the file is. */
export type OfficeKind = 'xlsx' | 'docx' | 'xlsb' | 'ods' | 'fods' | 'cfb' | 'html';

/** Over this unpacked size a ZIP is refused before it is opened (a "zip bomb"). */
export type UnpackedTooLarge = (format: WorkbookFormat, unpacked: number) => Error;

export async function stageWorkbook(
  engine: Engine,
  file: InputFile,
  kind: OfficeKind,
  loadId: number,
  readWorkbook: WorkbookReader,
  options: { sheet?: string; maxUnpacked: number; tooLarge: UnpackedTooLarge } & LoadControl,
): Promise<StagedTable> {
  const bytes = await blobBytes(file.data);
  // A ZIP is judged by what its directory says it unpacks to, before anything is unpacked.
  const zipped = kind !== 'cfb' && kind !== 'html' && kind !== 'fods';
  const sizes = zipped ? zipSizes(bytes) : null;
  if (sizes && sizes.unpacked > options.maxUnpacked)
    throw options.tooLarge(officeFormat(bytes), sizes.unpacked);
  const format = await workbookFormat(file.name, kind, bytes);
  const sheets = await readWorkbook(bytes, format).catch((e: unknown) => {
    const error = e as Error;
    throw error?.name === 'ProtectedWorkbook'
      ? protectedWorkbook(file.name)
      : damagedFile(file.name, format, error?.message ?? String(e));
  });
  checkpoint(options, file.name, 'parsing');
  if (format === 'docx' && sheets.length === 0) throw noTableInDocument(file.name);
  const picked = pickSheet(
    format === 'docx' ? dataTablesFirst(sheets) : sheets,
    options.sheet,
    file.name,
  );
  const width = picked.records.reduce((m, r) => Math.max(m, r.cells.length), 0);
  if (width > MAX_COLUMNS) throw tooManyColumns(file.name, width, picked.sheet.name);
  return stageSheet(
    engine,
    picked,
    sheets.map((s) => s.name),
    loadId,
    format,
  );
}

/**
 * The format from the whole file: the first bytes may not show a ZIP's parts (the directory at
 * the end does), an OLE2 container is a workbook, a protected .xlsx or a .doc by its streams,
 * and an encrypted ODS says so in its manifest (its content is unreadable noise).
 */
async function workbookFormat(
  file: string,
  kind: OfficeKind,
  bytes: Uint8Array,
): Promise<WorkbookFormat> {
  switch (kind) {
    case 'html':
    case 'fods':
      return kind;
    case 'cfb': {
      const content = cfbContent(cfbStreams(bytes));
      if (content === 'encrypted') throw protectedWorkbook(file);
      if (content === 'doc') throw legacyWordDocument(file);
      if (content === 'unknown')
        throw damagedFile(file, 'xls', 'no Workbook stream in the OLE2 directory');
      return 'xls';
    }
    default: {
      const format = officeFormat(bytes);
      if (format === 'ods' && (await encryptedOds(bytes))) throw protectedWorkbook(file);
      return format;
    }
  }
}

async function encryptedOds(bytes: Uint8Array): Promise<boolean> {
  const manifest = zipEntries(bytes)?.find((e) => e.name === 'META-INF/manifest.xml');
  if (!manifest) return false;
  const xml = new TextDecoder().decode(
    await unpackEntry(bytes, manifest).catch(() => new Uint8Array()),
  );
  return xml.includes('encryption-data');
}
