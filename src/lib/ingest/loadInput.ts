// Any dropped file → staged by its real kind (CSV text or workbook) → loaded. Files that are
// not tables get a message of their own, naming the file.
import type { Engine } from '../db/engine';
import type { Framework, MeasureDef } from '../framework/types';
import type { ColumnMapping } from './columnMapping';
import type { TextEncodingName } from './decodeText';
import { IngestError } from './errors';
import { loadStaged } from './loadStaged';
import type { LoadWrites } from './loadWrites';
import type { LoadReport } from './loadReport';
import type { FormRoleChoices } from './formColumns';
import type { Shape } from './shape';
import type { RateScale } from './rateScales';
import { checkpoint, type LoadControl } from './progress';
import { notATable } from './notATable';
import { FORMAT_NAMES } from './officeFiles';
import { SNIFF_BYTES, sniffFile, type FileKind } from './sniffFile';
import { stageCsv } from './stageCsv';
import { stageWorkbook } from './stageWorkbook';
import { blobBytes, type InputFile } from './inputFile';
import type { WorkbookFormat, WorkbookReader } from './workbook';
import type { StagedTable } from './staged';
import { formatFixed } from '../i18n/format';

/** What the workspace knows when a file comes in: the measures, and frameworks to borrow rules from. */
export interface Known {
  measures: readonly MeasureDef[];
  frameworks: readonly Framework[];
}

export interface LoadOptions extends LoadControl {
  /** Text encoding chosen by the person instead of the detected one. */
  encoding?: TextEncodingName;
  /** Workbook sheet chosen by the person instead of the first one holding a table. */
  sheet?: string;
  /** Columns read another way than the automatic match (by column name). */
  mapping?: ColumnMapping;
  /** A mapping confirmed before for files with this header signature, if any. */
  remembered?: (signature: string) => ColumnMapping | undefined;
  /** Largest file accepted, in bytes (defaults in SIZE_LIMITS). */
  maxBytes?: number;
  /** What the table is, when the person says so instead of the detected shape. */
  shape?: Shape;
  /** The unit a self-assessment form is about, when the person says so (official code). */
  unit?: string;
  /** Roles the person chose for columns of a form, framework or targets table (by name). */
  formRoles?: FormRoleChoices;
  /** Rate measures the person reads as 0–1 or 0–100 instead of the automatic decision. */
  rateScales?: Record<string, RateScale>;
  /** Staged rows written at a time (see loadWrites.ts); CHUNK_ROWS unless a test says. */
  chunkRows?: number;
}

/**
 * What one browser tab can take. DuckDB-WASM has about 3 GiB of memory; a text file not in UTF-8
 * is held decoded and re-encoded while staged (≈ 3× its size), a workbook expands ≈ 10× when
 * unzipped and parsed.
 */
export const SIZE_LIMITS = {
  text: 400 * 1024 ** 2,
  /**
   * An XLSX workbook or a Word (.docx) document (both ZIPs of XML), and the other workbooks:
   * .xlsb, .ods (ZIPs too), Excel 97–2003 (.xls, parsed whole).
   */
  xlsx: 60 * 1024 ** 2,
  /** An HTML table or a flat .fods: uncompressed text, parsed whole (≈ 10× its size in memory). */
  markup: 100 * 1024 ** 2,
  /** What a workbook may unpack to: ten times the largest file, as real workbooks do. */
  xlsxUnpacked: 600 * 1024 ** 2,
} as const;

/** A size as the message's language writes numbers: "0,68 MB" in Vietnamese, "0.68 MB" in English. */
function megabytes(n: number, lang: 'vi' | 'en'): string {
  if (!Number.isFinite(n)) return '> 4 GB';
  return `${formatFixed(n / 1024 ** 2, lang, n < 10 * 1024 ** 2 ? 2 : 0)} MB`;
}

/** Loads the file inside `inLoad` (see loadWrites.ts), which commits it or takes it back. */
export async function loadInput(
  engine: Engine,
  file: InputFile,
  writes: LoadWrites,
  known: Known,
  readWorkbook: WorkbookReader,
  options: LoadOptions = {},
): Promise<LoadReport> {
  try {
    checkpoint(options, file.name, 'reading');
    const staged = await stage(engine, file, writes.loadId, readWorkbook, options);
    try {
      return await loadStaged(engine, staged, file.name, writes, known, options);
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${staged.table}`);
    }
  } catch (e) {
    throw /out of memory/i.test((e as Error)?.message ?? '') ? outOfMemory(file.name) : e;
  }
}

/** DuckDB ran out of the tab’s memory part-way: the load is taken back, and the person told why. */
function outOfMemory(file: string): IngestError {
  return new IngestError(
    'outOfMemory',
    {
      vi: 'Tệp quá lớn so với bộ nhớ của trình duyệt (khoảng 3 GB cho cơ sở dữ liệu trong trang). Dữ liệu đã nạp trước đó vẫn giữ nguyên. Hãy chia tệp thành nhiều phần hoặc bỏ bớt cột không cần.',
      en: 'The file is too large for the browser’s memory (about 3 GB for the in-page database). What was loaded before is unchanged. Split the file, or drop columns you do not need.',
    },
    { file },
  );
}

async function stage(
  engine: Engine,
  file: InputFile,
  loadId: number,
  readWorkbook: WorkbookReader,
  options: LoadOptions,
): Promise<StagedTable> {
  const size = file.data.size;
  const kind = sniffFile(file.name, await blobBytes(file.data.slice(0, SNIFF_BYTES)), size);
  const at = { file: file.name };
  const limit = options.maxBytes ?? sizeLimit(kind);
  const spreadsheet = kind.kind !== 'docx' && limit !== SIZE_LIMITS.text;
  if (size > limit) {
    throw new IngestError(
      'tooLarge',
      {
        vi: `Tệp nặng ${megabytes(size, 'vi')}, vượt giới hạn ${megabytes(limit, 'vi')} mà trình duyệt xử lý được cho loại tệp này. Hãy chia tệp thành nhiều phần${spreadsheet ? ' hoặc lưu thành CSV (nhẹ hơn nhiều)' : ''}.`,
        en: `The file is ${megabytes(size, 'en')}, over the ${megabytes(limit, 'en')} a browser tab can process for this kind of file. Split it${spreadsheet ? ', or save it as CSV (much lighter)' : ''}.`,
      },
      at,
    );
  }
  switch (kind.kind) {
    case 'empty':
      throw new IngestError(
        'empty',
        { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
        at,
      );
    case 'binary':
      throw notATable(file.name, kind.what);
    case 'json':
    case 'text':
      return stageCsv(engine, file, loadId, options);
    default:
      return stageWorkbook(engine, file, kind.kind, loadId, readWorkbook, {
        ...options,
        maxUnpacked: SIZE_LIMITS.xlsxUnpacked,
        tooLarge: (format, unpacked) => zipBomb(file.name, format, size, unpacked),
      });
  }
}

/**
 * A CSV is streamed to DuckDB; a workbook is read whole and parsed in memory, and an HTML or
 * flat-XML spreadsheet as a whole text too.
 */
function sizeLimit(kind: FileKind): number {
  switch (kind.kind) {
    case 'json':
    case 'text':
    case 'empty':
    case 'binary':
      return SIZE_LIMITS.text;
    case 'html':
    case 'fods':
      return SIZE_LIMITS.markup;
    default:
      return SIZE_LIMITS.xlsx;
  }
}

/** A ZIP whose directory says it unpacks to more than a tab can hold: maybe a "zip bomb". */
function zipBomb(
  file: string,
  format: WorkbookFormat,
  size: number,
  unpacked: number,
): IngestError {
  const name = FORMAT_NAMES[format];
  return new IngestError(
    'tooLarge',
    {
      vi: `Tệp ${name.vi} nặng ${megabytes(size, 'vi')} nhưng giải nén ra ${megabytes(unpacked, 'vi')}, quá ${megabytes(SIZE_LIMITS.xlsxUnpacked, 'vi')} mà trình duyệt đọc được: tệp có thể là "bom nén". Không mở tệp; dữ liệu đã nạp trước đó vẫn giữ nguyên.`,
      en: `The ${name.en} file is ${megabytes(size, 'en')} but unpacks to ${megabytes(unpacked, 'en')}, more than the ${megabytes(SIZE_LIMITS.xlsxUnpacked, 'en')} a browser can read: it may be a "zip bomb". It was not opened; what was loaded before is unchanged.`,
    },
    { file },
  );
}
