// Minimal, dependency-free XLSX (SpreadsheetML) writer: the app's table exports in the browser,
// and (through scripts/lib/xlsx-writer.mjs, which adds deflate) the sample and fixture files.
// We deliberately avoid the npm `xlsx` package (known CVEs): XML is built as strings and the ZIP
// container is assembled by ../zip/writeZip.mjs; entries are stored, or deflated by a function
// the caller gives.
import { zipFiles } from '../zip/writeZip.mjs';

/** @typedef {string | number | boolean | null | undefined} Cell */
/**
 * @typedef {object} SheetSpec
 * @property {string} name
 * @property {Cell[][]} rows
 * @property {string[]} [merges] A1 ranges, e.g. "A5:A6" or "C5:E5".
 * @property {(number | null | undefined)[]} [colWidths] Widths in characters, by column index.
 * @property {number[]} [boldRows] 0-based indexes of rows rendered bold.
 */
/** @typedef {{ sheets: SheetSpec[] }} Workbook */

// Excel's hard limits; exceeding them produces files Excel refuses or "repairs".
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_CELL_CHARS = 32767;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * 0-based column index → column letters ("A".."Z", "AA", …). Bijective base 26, so there is no
 * zero digit: that is why we subtract 1 on each step instead of doing a plain radix conversion.
 * @param {number} index0
 * @returns {string}
 */
export function columnLetter(index0) {
  if (!Number.isSafeInteger(index0) || index0 < 0) {
    throw new RangeError(`columnLetter: expected a non-negative integer, got ${index0}`);
  }
  let letters = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * 0-based (row, column) → A1 reference, e.g. cellRef(6, 1) === "B7".
 * @param {number} row0
 * @param {number} col0
 * @returns {string}
 */
export function cellRef(row0, col0) {
  if (!Number.isSafeInteger(row0) || row0 < 0) {
    throw new RangeError(`cellRef: expected a non-negative row index, got ${row0}`);
  }
  return columnLetter(col0) + (row0 + 1);
}

// XML 1.0 cannot represent C0 controls (other than tab/LF/CR), U+FFFE/U+FFFF or unpaired
// surrogates at all, not even as character references, so they are dropped.
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// CR is written as a character reference because XML parsers normalise a literal CR to LF.
/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' };

/** @param {string} text */
function escapeXml(text) {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"\r]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Shared strings are ST_Xstring: readers (Excel, read-excel-file) decode "_xHHHH_" as a code
 * unit, so a literal "_x0041_" in the data must have its underscore escaped to survive.
 * @param {string} text
 */
function escapeSharedString(text) {
  // Strip first, so that dropping a control character cannot assemble an unescaped "_xHHHH_".
  const clean = text.replace(INVALID_XML_CHARS, '');
  return escapeXml(clean.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/**
 * Parses "B7" into 0-based indexes, enforcing Excel's grid limits.
 * @param {string} ref
 * @returns {{ row: number, col: number }}
 */
function parseCellRef(ref) {
  const match = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!match) throw new Error(`Invalid cell reference "${ref}"`);
  const [, letters = '', digits = ''] = match;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(digits) - 1;
  if (col > MAX_COLS || row >= MAX_ROWS) throw new Error(`Cell reference "${ref}" is off-sheet`);
  return { row, col: col - 1 };
}

/**
 * Normalises "a1:b2" → range, rejecting malformed, inverted or single-cell ranges, because Excel
 * flags all of those as corruption instead of ignoring them.
 * @param {string} range
 */
function parseRange(range) {
  const parts = String(range).toUpperCase().split(':');
  if (parts.length !== 2) throw new Error(`Invalid merge range "${range}" (expected e.g. "A1:D1")`);
  const from = parseCellRef(parts[0] ?? '');
  const to = parseCellRef(parts[1] ?? '');
  if (to.row < from.row || to.col < from.col || (to.row === from.row && to.col === from.col)) {
    throw new Error(`Invalid merge range "${range}": must span at least two cells, top-left first`);
  }
  return { ref: parts.join(':'), from, to };
}

/** @param {unknown} name @param {Set<string>} seen */
function validateSheetName(name, seen) {
  const fail = (/** @type {string} */ why) => {
    throw new Error(`Invalid sheet name ${JSON.stringify(name)}: ${why}`);
  };
  if (typeof name !== 'string' || name.length === 0) fail('must be a non-empty string');
  const text = /** @type {string} */ (name);
  if (text.length > 31) fail('must be at most 31 characters');
  if (/[[\]:*?/\\]/.test(text)) fail('must not contain any of [ ] : * ? / \\');
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001F]/.test(text)) fail('must not contain control characters');
  if (text.startsWith("'") || text.endsWith("'")) fail('must not start or end with an apostrophe');
  // Excel compares sheet names case-insensitively, so "Data" and "DATA" would collide.
  const key = text.toLowerCase();
  if (seen.has(key)) fail('duplicate sheet name (names are case-insensitive)');
  seen.add(key);
}

/**
 * Builds one worksheet part. Shared strings are interned into `strings` as a side effect.
 * @param {SheetSpec} sheet
 * @param {Map<string, number>} strings
 * @returns {{ xml: string, stringRefs: number }}
 */
function buildSheetXml(sheet, strings) {
  const rows = sheet.rows ?? [];
  if (!Array.isArray(rows)) throw new TypeError(`Sheet "${sheet.name}": rows must be an array`);
  if (rows.length > MAX_ROWS) throw new Error(`Sheet "${sheet.name}": more than ${MAX_ROWS} rows`);
  const bold = new Set(sheet.boldRows ?? []);
  const merges = (sheet.merges ?? []).map(parseRange);
  let maxRow = 0;
  let maxCol = 0;
  let stringRefs = 0;
  const rowXml = [];

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length > MAX_COLS) throw new Error(`Sheet "${sheet.name}": row ${r + 1} is too wide`);
    // Styling the whole row (not just its cells) keeps the bold look when someone types into
    // an empty cell of a header row later.
    const style = bold.has(r) ? ' s="1"' : '';
    const cells = [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const ref = cellRef(r, c);
      if (typeof value === 'string') {
        if (value.length > MAX_CELL_CHARS) throw new Error(`Cell ${ref}: text over 32767 chars`);
        let index = strings.get(value);
        if (index === undefined) strings.set(value, (index = strings.size));
        stringRefs++;
        cells.push(`<c r="${ref}"${style} t="s"><v>${index}</v></c>`);
      } else if (typeof value === 'number') {
        // NaN/Infinity have no SpreadsheetML representation; failing loudly beats a corrupt file.
        if (!Number.isFinite(value)) throw new Error(`Cell ${ref}: non-finite number ${value}`);
        cells.push(`<c r="${ref}"${style}><v>${String(value)}</v></c>`);
      } else if (typeof value === 'boolean') {
        cells.push(`<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`);
      } else {
        throw new TypeError(`Cell ${ref}: unsupported value of type ${typeof value}`);
      }
      maxCol = Math.max(maxCol, c + 1);
    }
    if (cells.length > 0 || style) {
      maxRow = r + 1;
      rowXml.push(
        `<row r="${r + 1}"${style ? `${style} customFormat="1"` : ''}>${cells.join('')}</row>`,
      );
    }
  }

  // Overlapping merges make Excel discard the sheet's merge list ("repaired records").
  merges.forEach((a, i) => {
    for (const b of merges.slice(i + 1)) {
      const apart =
        a.to.row < b.from.row ||
        b.to.row < a.from.row ||
        a.to.col < b.from.col ||
        b.to.col < a.from.col;
      if (!apart) throw new Error(`Sheet "${sheet.name}": merges ${a.ref} and ${b.ref} overlap`);
    }
    maxRow = Math.max(maxRow, a.to.row + 1);
    maxCol = Math.max(maxCol, a.to.col + 1);
  });

  /** @type {string[]} */
  const cols = [];
  (sheet.colWidths ?? []).forEach((width, c) => {
    if (width === null || width === undefined) return;
    if (!(typeof width === 'number' && width > 0 && width <= 255)) {
      throw new Error(`Sheet "${sheet.name}": column width ${width} must be in (0, 255]`);
    }
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`);
  });

  const last = cellRef(Math.max(maxRow, 1) - 1, Math.max(maxCol, 1) - 1);
  // Element order below is mandated by the CT_Worksheet schema; Excel rejects other orders.
  const xml =
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${last === 'A1' ? 'A1' : `A1:${last}`}"/>` +
    (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
    (rowXml.length ? `<sheetData>${rowXml.join('')}</sheetData>` : '<sheetData/>') +
    (merges.length
      ? `<mergeCells count="${merges.length}">` +
        merges.map((m) => `<mergeCell ref="${m.ref}"/>`).join('') +
        '</mergeCells>'
      : '') +
    '</worksheet>';
  return { xml, stringRefs };
}

const STYLES_XML =
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  // Excel expects the two reserved fills (none, gray125) even though nothing uses them.
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** @param {string} id @param {string} type @param {string} target */
const rel = (id, type, target) =>
  `<Relationship Id="${id}" Type="${NS_REL}/${type}" Target="${target}"/>`;
/** @param {string} part @param {string} type */
const override = (part, type) =>
  `<Override PartName="/xl/${part}" ContentType="${CT}.spreadsheetml.${type}+xml"/>`;

/**
 * Serialises a workbook to XLSX bytes. Output is deterministic: same input (and same deflate
 * build) gives byte-identical files, so generated samples can be committed and diffed.
 * @param {Workbook} workbook
 * @param {((data: Uint8Array) => Uint8Array) | null} [deflateRaw] compresses each part (raw
 *   DEFLATE); without it the parts are stored, as a browser without zlib writes them.
 * @returns {Uint8Array}
 */
export function writeXlsx(workbook, deflateRaw = null) {
  const sheets = workbook?.sheets;
  if (!Array.isArray(sheets) || sheets.length === 0) {
    throw new Error('writeXlsx: workbook.sheets must be a non-empty array');
  }
  const seen = new Set();
  sheets.forEach((s) => validateSheetName(s?.name, seen));

  /** @type {Map<string, number>} */
  const strings = new Map();
  let stringRefs = 0;
  const sheetXml = sheets.map((sheet) => {
    const built = buildSheetXml(sheet, strings);
    stringRefs += built.stringRefs;
    return built.xml;
  });

  const sheetParts = sheets.map((_, i) => `worksheets/sheet${i + 1}.xml`);
  const sst = [...strings.keys()].map((s) => {
    const space = /^\s|\s$|[\t\n\r]| {2}/.test(s) ? ' xml:space="preserve"' : '';
    return `<si><t${space}>${escapeSharedString(s)}</t></si>`;
  });
  // Insertion order is the archive order; [Content_Types].xml first, as Office itself does.
  /** @type {Record<string, string>} */
  const files = {
    '[Content_Types].xml':
      `<Types xmlns="${NS_CT}"><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="rels" ContentType="${CT}-package.relationships+xml"/>` +
      override('workbook.xml', 'sheet.main') +
      sheetParts.map((part) => override(part, 'worksheet')).join('') +
      override('styles.xml', 'styles') +
      override('sharedStrings.xml', 'sharedStrings') +
      '</Types>',
    '_rels/.rels': `<Relationships xmlns="${NS_PKG_REL}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml':
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<Relationships xmlns="${NS_PKG_REL}">` +
      sheetParts.map((part, i) => rel(`rId${i + 1}`, 'worksheet', part)).join('') +
      rel(`rId${sheets.length + 1}`, 'styles', 'styles.xml') +
      rel(`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml') +
      '</Relationships>',
    'xl/styles.xml': STYLES_XML,
    'xl/sharedStrings.xml': `<sst xmlns="${NS_MAIN}" count="${stringRefs}" uniqueCount="${strings.size}">${sst.join('')}</sst>`,
    ...Object.fromEntries(sheetParts.map((part, i) => [`xl/${part}`, sheetXml[i] ?? ''])),
  };
  const utf8 = new TextEncoder();
  return zipFiles(
    Object.entries(files).map(([name, xml]) => ({ name, data: utf8.encode(XML_DECL + xml) })),
    deflateRaw,
  );
}
