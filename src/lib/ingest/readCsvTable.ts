// A CSV file's bytes → a temporary DuckDB table of text cells, through DuckDB's own reader.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';
import { IngestError } from './errors';

export interface CsvTable {
  /** Temporary table: `__row` (the record's row in the file, header = 1) and one VARCHAR per column. */
  table: string;
  headers: string[];
  rowsRead: number;
}

export async function readCsvTable(
  engine: Engine,
  file: { name: string; bytes: Uint8Array },
  loadId: number,
): Promise<CsvTable> {
  assertText(file);
  const virtualName = `upload_${loadId}.csv`;
  const table = `raw_load_${loadId}`;
  await engine.registerFile(virtualName, file.bytes);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${table} AS
       SELECT row_number() OVER () + 1 AS __row, * FROM read_csv(${lit(virtualName)}, all_varchar = true, header = true)`,
    );
  } catch (e) {
    const reason = (e as Error).message;
    throw new IngestError(
      { vi: `Không đọc được tệp CSV: ${reason}`, en: `Could not read the CSV file: ${reason}` },
      { file: file.name },
    );
  } finally {
    await engine.dropFile(virtualName);
  }
  const headers = toRows(await engine.query(`DESCRIBE ${table}`))
    .map((r) => String(r.column_name))
    .filter((h) => h !== '__row');
  const rowsRead = Number(
    toRows(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${table}`))[0]?.n ?? 0,
  );
  return { table, headers, rowsRead };
}

function assertText(file: { name: string; bytes: Uint8Array }): void {
  if (file.bytes.length === 0) {
    throw new IngestError(
      { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
      { file: file.name },
    );
  }
  if (file.bytes.subarray(0, 4096).includes(0)) {
    throw new IngestError(
      {
        vi: 'Tệp không phải văn bản CSV (có byte nhị phân).',
        en: 'The file is not CSV text (it holds binary bytes).',
      },
      { file: file.name },
    );
  }
}
