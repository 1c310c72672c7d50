// A framework written out as the table a decision prints (see frameworkTable), as XLSX: what a
// reviewed framework read from a table downloads as, and reads back into the same rules.
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

/**
 * The framework as the table a decision prints: titles, then STT | Chỉ số | Điểm tối đa | Cách
 * tính điểm, a section row per main index and a row per indicator with its method text (the one
 * the rule was read from, so the table reads back into the same framework).
 */
export function frameworkTable(
  fw: Framework,
  methods: ReadonlyMap<string, string | null>,
): (string | number)[][] {
  const rows: (string | number)[][] = [
    [fw.title.vi],
    [fw.decision],
    [],
    ['STT', 'Mã', 'Chỉ số', 'Điểm tối đa', 'Cách tính điểm'],
  ];
  fw.mainIndices.forEach((m, i) => {
    rows.push([String(i + 1), '', m.name.vi, m.maxPoints, '']);
    fw.indicators
      .filter((x) => x.mainIndex === m.code)
      .forEach((x, j) =>
        rows.push([`${i + 1}.${j + 1}`, x.code, x.name.vi, x.maxPoints, methods.get(x.code) ?? '']),
      );
  });
  rows.push(['', '', 'Tổng điểm', fw.mainIndices.reduce((s, m) => s + m.maxPoints, 0), '']);
  return rows;
}
