// A CSV/TSV file → a staged DuckDB table. JavaScript reads the text (see readText.ts) and finds
// the layout in the first rows; DuckDB's own reader parses the body (much faster than a JS parse
// on big files).
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { ident, lit } from '../sql/quote';
import { csvRecords, sniffDelimiter } from './csvRecords';
import type { TextEncodingName } from './decodeText';
import { encodingNote, lostLettersError } from './encodingNote';
import { lostLetters } from './lostLetters';
import type { InputFile } from './inputFile';
import { readText } from './readText';
import { IngestError, MAX_COLUMNS, tooManyColumns } from './errors';
import { columnsOfWidth, findLayout } from './findLayout';
import { skippedRow, stagedTableName, type SkippedRow, type StagedTable } from './staged';
import { checkpoint, type LoadControl } from './progress';

const HEAD_RECORDS = 80;
/** DuckDB's CSV reader refuses longer lines (2 MB); found first, to name the row. */
const MAX_LINE_CHARS = 2_000_000;
/** Engine messages can quote a whole line: shown cut short. */
const MAX_REASON = 300;

export async function stageCsv(
  engine: Engine,
  file: InputFile,
  loadId: number,
  options: { encoding?: TextEncodingName } & LoadControl = {},
): Promise<StagedTable> {
  // Read before anything splits the text into cells: a 10 MB line would be built up cell by cell.
  const text = await readText(file, MAX_LINE_CHARS, options);
  const long = text.lines.longLine;
  if (long !== null) {
    throw new IngestError(
      'lineTooLong',
      {
        // The location names the row ("dòng 2: …"): the text does not say it twice.
        vi: 'Dòng này dài hơn 2 triệu ký tự: tệp hỏng hoặc không phải bảng CSV. Dữ liệu đã nạp trước đó vẫn giữ nguyên.',
        en: 'This row is longer than 2 million characters: the file is damaged or not a CSV table. What was loaded before is unchanged.',
      },
      { file: file.name, row: long },
    );
  }

  checkpoint(options, file.name, 'decoding');
  const delimiter = sniffDelimiter(text.head);
  const head = csvRecords(text.head, delimiter, HEAD_RECORDS);
  // Before the layout: with its letters lost, a header is no header the app knows.
  const lost = lostLetters(head);
  if (lost) throw lostLettersError(file.name, lost);
  const layout = findLayout(head);
  if (!layout) {
    throw new IngestError(
      'noHeader',
      {
        vi: 'Không tìm thấy dòng tiêu đề của bảng (các tên cột).',
        en: 'No header row (column names) found.',
      },
      { file: file.name },
    );
  }
  const first = head[layout.dataStart];
  if (!first) {
    throw new IngestError(
      'noData',
      { vi: 'Bảng không có dòng số liệu nào.', en: 'The table has no data rows.' },
      { file: file.name },
    );
  }
  const columns = columnsOfWidth(
    layout,
    Math.max(...head.slice(layout.dataStart).map((r) => r.cells.length)),
  );
  if (columns.length > MAX_COLUMNS) throw tooManyColumns(file.name, columns.length);

  checkpoint(options, file.name, 'parsing');
  const table = stagedTableName(loadId);
  const virtualName = `upload_${loadId}.csv`;
  await text.register(engine, virtualName);
  try {
    // Each record numbered as the line it would be on were every record one line: so it is in
    // nearly every file, and the table needs no second copy to carry its rows (see attachRows).
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS
      SELECT (row_number() OVER () + ${first.line - 1})::INTEGER AS __row, * FROM read_csv(${lit(virtualName)},
        delim = ${lit(delimiter)}, quote = '"', escape = '"', header = false, skip = ${first.line - 1},
        all_varchar = true, null_padding = true, strict_mode = false,
        names = [${columns.map((c) => lit(c.name)).join(', ')}])`);
  } catch (e) {
    const message = (e as Error).message;
    const reason = message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message;
    throw new IngestError(
      'unreadableCsv',
      { vi: `Không đọc được tệp CSV: ${reason}`, en: `Could not read the CSV file: ${reason}` },
      { file: file.name },
    );
  } finally {
    await engine.dropFile(virtualName);
  }

  checkpoint(options, file.name, 'parsing', 2, 3);
  const lines = text.lines.lines(first.line);
  const rowsRead = Number(
    toRows(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${table}`))[0]?.n ?? 0,
  );
  await attachRows(engine, table, lines.recordLines, first.line, rowsRead);
  // Rows of nothing but delimiters are no data either: the file says nothing.
  const anyValue = toRows(
    await engine.query(
      `SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM ${table} WHERE concat(${columns.map((c) => ident(c.name)).join(', ')}) <> '' LIMIT 1)`,
    ),
  )[0]?.n;
  if (!anyValue) {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`);
    throw new IngestError(
      'noData',
      {
        vi: 'Bảng không có dòng số liệu nào: mọi dòng dưới tiêu đề đều trống.',
        en: 'The table has no data rows: every row below the header is empty.',
      },
      { file: file.name },
    );
  }

  const skipped: SkippedRow[] = [
    ...layout.titleRecords.map((i) => skippedRow(head[i]!, 'title')),
    ...(layout.numberingRecord === null
      ? []
      : [skippedRow(head[layout.numberingRecord]!, 'numbering')]),
    ...lines.blankLines.map((row) => ({ row, reason: 'blank' as const, text: '' })),
  ];
  return {
    table,
    columns,
    rowsRead,
    sheet: null,
    format: null,
    encoding: text.encoding,
    ...(text.finding ? { encodingNote: encodingNote(file.name, text.finding) } : {}),
    delimiter,
    headerRows: layout.headerRecords.map((i) => head[i]!.line),
    skipped,
    sheets: [],
  };
}

/**
 * Gives each record its physical row. When every record is one line and none is blank the row
 * numbered at reading is it; otherwise the line map computed in JavaScript is joined in.
 */
async function attachRows(
  engine: Engine,
  table: string,
  starts: Int32Array,
  firstLine: number,
  records: number,
): Promise<void> {
  const regular =
    starts.length === records && (records === 0 || starts[records - 1] === firstLine + records - 1);
  if (regular) return;
  const mapName = `${table}_lines.csv`;
  const body = Array.from(starts, (line, i) => `${i + 1},${line}`).join('\n');
  await engine.registerFile(mapName, new TextEncoder().encode(`record,line\n${body}\n`));
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table}_lined AS
      SELECT coalesce(m.line, r.__row)::INTEGER AS __row, r.* EXCLUDE (__row)
      FROM ${table} r
      LEFT JOIN read_csv(${lit(mapName)}, header = true, columns = {'record': 'BIGINT', 'line': 'INTEGER'}) m
        ON m.record = r.__row - ${firstLine - 1}
      ORDER BY r.__row`);
  } finally {
    await engine.dropFile(mapName);
  }
  await engine.exec(`DROP TABLE ${table}`);
  await engine.exec(`ALTER TABLE ${table}_lined RENAME TO ${table}`);
}
