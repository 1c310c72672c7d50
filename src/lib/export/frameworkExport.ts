// A framework written out as the table a decision prints (see frameworkTable), as XLSX: what a
// reviewed framework read from a table downloads as, and reads back into the same rules.
import { frameworkTable } from '../framework/sheetReview';
import type { Framework } from '../framework/types';
import { writeXlsx } from './xlsxWriter.mjs';

export function frameworkXlsx(
  fw: Framework,
  methods: ReadonlyMap<string, string | null>,
): Uint8Array {
  return writeXlsx({
    sheets: [
      {
        name: 'Bộ chỉ số',
        rows: frameworkTable(fw, methods),
        // The title and the header row.
        boldRows: [0, 3],
        colWidths: [8, 14, 50, 12, 70],
      },
    ],
  });
}
