// Any dropped file → staged by its real kind (CSV text or workbook) → loaded. Files that are
// not tables get a message of their own, naming the file.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { MeasureDef } from '../framework/types';
import type { ColumnMapping } from './columnMapping';
import type { TextEncodingName } from './decodeText';
import { IngestError } from './errors';
import { loadStaged, type LoadReport } from './loadStaged';
import { sniffFile } from './sniffFile';
import { stageCsv } from './stageCsv';
import { pickSheet, stageSheet } from './stageSheet';
import type { WorkbookReader } from './workbook';
import type { StagedTable } from './staged';

export interface LoadOptions {
  /** Text encoding chosen by the person instead of the detected one. */
  encoding?: TextEncodingName;
  /** Workbook sheet chosen by the person instead of the first one holding a table. */
  sheet?: string;
  /** Columns read another way than the automatic match (by column name). */
  mapping?: ColumnMapping;
  /** A mapping confirmed before for files with this header signature, if any. */
  remembered?: (signature: string) => ColumnMapping | undefined;
}

export async function loadInput(
  engine: Engine,
  file: { name: string; bytes: Uint8Array },
  catalog: readonly MeasureDef[],
  readWorkbook: WorkbookReader,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const loadId = await nextLoadId(engine);
  const staged = await stage(engine, file, loadId, readWorkbook, options);
  try {
    return await loadStaged(engine, staged, file.name, loadId, catalog, options);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${staged.table}`);
  }
}

async function stage(
  engine: Engine,
  file: { name: string; bytes: Uint8Array },
  loadId: number,
  readWorkbook: WorkbookReader,
  options: LoadOptions,
): Promise<StagedTable> {
  const kind = sniffFile(file.name, file.bytes);
  const at = { file: file.name };
  switch (kind.kind) {
    case 'empty':
      throw new IngestError(
        'empty',
        { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
        at,
      );
    case 'binary':
      throw new IngestError(
        'binary',
        {
          vi: `Tệp không phải bảng tính CSV hay Excel (nội dung là ${kind.what === 'binary' ? 'dữ liệu nhị phân' : `ảnh/tệp ${kind.what}`}), dù tên tệp là "${file.name}".`,
          en: `The file is not a CSV or Excel spreadsheet (its content is ${kind.what === 'binary' ? 'binary data' : `a ${kind.what} file`}), whatever its name says.`,
        },
        at,
      );
    case 'cfb':
      throw new IngestError(
        'encryptedXlsx',
        {
          vi: 'Tệp Excel có mật khẩu hoặc ở định dạng .xls cũ: hãy mở trong Excel, bỏ mật khẩu và lưu lại dạng .xlsx.',
          en: 'The Excel file is password-protected or in the old .xls format: open it in Excel, remove the password and save it as .xlsx.',
        },
        at,
      );
    case 'xlsx': {
      const sheets = await readWorkbook(file.bytes).catch((e: unknown) => {
        const reason = (e as Error).message;
        throw new IngestError(
          'corruptXlsx',
          {
            vi: `Tệp Excel bị hỏng hoặc không đầy đủ, không mở được (${reason}).`,
            en: `The Excel file is damaged or incomplete and cannot be opened (${reason}).`,
          },
          at,
        );
      });
      return stageSheet(
        engine,
        pickSheet(sheets, options.sheet, file.name),
        sheets.map((s) => s.name),
        loadId,
      );
    }
    case 'json':
    case 'text':
      return stageCsv(engine, file, loadId, options.encoding);
  }
}

async function nextLoadId(engine: Engine): Promise<number> {
  const rows = toRows(
    await engine.query('SELECT coalesce(max(load_id), 0)::INTEGER + 1 AS id FROM loads'),
  );
  return Number(rows[0]?.id ?? 1);
}
