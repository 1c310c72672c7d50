// A workbook sheet → a staged DuckDB table. The sheet's rows were read in JS already; its
// layout is found the same way as a CSV's, and its data rows go to DuckDB as CSV text with
// their sheet row numbers, so every value keeps its cell.
import type { Engine } from '../db/engine';
import { lit } from '../sql/quote';
import type { CsvRecord } from './csvRecords';
import { IngestError } from './errors';
import { columnsOfWidth, findLayout, type Layout } from './findLayout';
import { skippedRow, stagedTableName, type SkippedRow, type StagedTable } from './staged';
import { sheetRecords, type WorkbookFormat, type WorkbookSheet } from './workbook';

/** The sheet to load: the one named, else the first that holds a table with data. */
export function pickSheet(
  sheets: WorkbookSheet[],
  wanted: string | undefined,
  file: string,
): { sheet: WorkbookSheet; records: CsvRecord[]; layout: Layout } {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted);
    if (!sheet) {
      throw new IngestError(
        'noSuchSheet',
        {
          vi: `Không có trang "${wanted}" trong tệp.`,
          en: `The workbook has no sheet "${wanted}".`,
        },
        { file },
      );
    }
    const found = tableIn(sheet);
    if (!found.layout || !found.hasData) throw noTable(file, sheet.name, found.layout !== null);
    return { sheet, records: found.records, layout: found.layout };
  }
  const tables = sheets.map((sheet) => ({ sheet, ...tableIn(sheet) }));
  const first = tables.find((t) => t.layout && t.hasData);
  if (first) return { sheet: first.sheet, records: first.records, layout: first.layout! };
  throw noTable(
    file,
    sheets[0]?.name,
    tables.some((t) => t.layout !== null),
  );
}

function tableIn(sheet: WorkbookSheet): {
  records: CsvRecord[];
  layout: Layout | null;
  hasData: boolean;
} {
  const records = sheetRecords(sheet);
  const layout = findLayout(records);
  const hasData =
    layout !== null &&
    records.slice(layout.dataStart).some((r) => r.cells.some((c) => c.trim() !== ''));
  return { records, layout, hasData };
}

/** A header with nothing under it is a table without data; no header at all, no table. */
function noTable(file: string, sheet: string | undefined, headerFound: boolean): IngestError {
  const at = { file, ...(sheet ? { sheet } : {}) };
  if (headerFound) {
    return new IngestError(
      'noData',
      { vi: 'Bảng không có dòng số liệu nào.', en: 'The table has no data rows.' },
      at,
    );
  }
  return new IngestError(
    'noHeader',
    {
      vi: 'Không tìm thấy bảng số liệu: không có dòng tiêu đề (tên cột) nào.',
      en: 'No data table found: no header row (column names).',
    },
    at,
  );
}

export async function stageSheet(
  engine: Engine,
  picked: { sheet: WorkbookSheet; records: CsvRecord[]; layout: Layout },
  sheets: string[],
  loadId: number,
  format: WorkbookFormat,
): Promise<StagedTable> {
  const { sheet, records, layout } = picked;
  const data = records.slice(layout.dataStart);
  const columns = columnsOfWidth(layout, Math.max(0, ...data.map((r) => r.cells.length)));
  const blank = (r: CsvRecord): boolean => r.cells.every((c) => c.trim() === '');
  const rows = data.filter((r) => !blank(r));
  const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  const csv = [
    ['__row', ...columns.map((c) => c.name)].map(quote).join(','),
    ...rows.map((r) =>
      [String(r.line), ...columns.map((_, i) => r.cells[i] ?? '')].map(quote).join(','),
    ),
  ].join('\n');

  const table = stagedTableName(loadId);
  const virtualName = `upload_${loadId}_sheet.csv`;
  await engine.registerFile(virtualName, new TextEncoder().encode(csv + '\n'));
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS
      SELECT * REPLACE (__row::INTEGER AS __row) FROM read_csv(${lit(virtualName)}, header = true, all_varchar = true,
        delim = ',', quote = '"', escape = '"', null_padding = true)`);
  } finally {
    await engine.dropFile(virtualName);
  }
  const skipped: SkippedRow[] = [
    ...layout.titleRecords.map((i) => skippedRow(records[i]!, 'title')),
    ...(layout.numberingRecord === null
      ? []
      : [skippedRow(records[layout.numberingRecord]!, 'numbering')]),
    ...data.filter(blank).map((r) => ({ row: r.line, reason: 'blank' as const, text: '' })),
  ];
  return {
    table,
    columns,
    rowsRead: rows.length,
    sheet: sheet.name,
    format,
    encoding: null,
    delimiter: null,
    headerRows: layout.headerRecords.map((i) => records[i]!.line),
    skipped,
    sheets,
  };
}
