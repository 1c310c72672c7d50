// XLSX files for the sample and fixture generators: the app's writer, with Node's deflate at a
// pinned level so the committed files are reproducible byte for byte.
import zlib from 'node:zlib';
import { cellRef, columnLetter, writeXlsx as write } from '../../src/lib/export/xlsxWriter.mjs';

export { cellRef, columnLetter };

/** @param {import('../../src/lib/export/xlsxWriter.mjs').Workbook} workbook */
export const writeXlsx = (workbook) =>
  write(workbook, (data) => zlib.deflateRawSync(data, { level: 9 }));
