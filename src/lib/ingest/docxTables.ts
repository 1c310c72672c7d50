// The tables of a Word document (.docx) as workbook sheets: provinces publish their DTI sets as
// tables inside decisions, and a table read from the .docx must reach the layout, title and
// framework readers exactly as the same table in a spreadsheet would. The XML is scanned by hand
// — there is no DOMParser in Node or in a Worker — in one pass, tag by tag, so a long decision
// costs time in proportion to its size and nothing more.
import { unpackEntry, zipEntries } from '../zip/readZip';
import type { CellValue, WorkbookSheet } from './workbook';

/** The part of a .docx holding its body; what tells a Word document from a workbook. */
export const DOCUMENT_PART = 'word/document.xml';

/**
 * Paragraphs kept above a table as its title rows: a decision's annex opens with a few lines
 * ("BỘ CHỈ SỐ … CẤP HUYỆN", "(Kèm theo Quyết định số …)") that the title reader looks for, and
 * the body text of the decision further up is not part of the table. Nor is anything before a
 * page or section break: an annex starts on a page of its own.
 */
const TITLE_PARAGRAPHS = 6;

/** One sheet per top-level table of the document, named "Bảng 1", "Bảng 2", … */
export async function readDocxTables(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  const entry = zipEntries(bytes)?.find((e) => e.name === DOCUMENT_PART);
  if (!entry) throw new Error(`no ${DOCUMENT_PART} in the file`);
  return docxTables(new TextDecoder().decode(await unpackEntry(bytes, entry)));
}

interface Cell {
  paragraphs: string[];
  span: number;
  /** A cell under the first of a vertical merge: empty, as a spreadsheet's merged cell reads. */
  continued: boolean;
}

/**
 * Whole subtrees left out: text boxes and drawings float beside the text (and Word writes each
 * twice, as a DrawingML choice and a VML fallback); deleted or moved-away tracked changes are not
 * the document's text.
 */
const SKIPPED = new Set([
  'w:txbxContent',
  'w:drawing',
  'w:pict',
  'w:object',
  'w:del',
  'w:moveFrom',
  'mc:Fallback',
]);

/**
 * The tables in a document.xml's text. Names are matched with Word's own "w:" prefix, which
 * every writer of .docx we know uses.
 */
export function docxTables(xml: string): WorkbookSheet[] {
  const scan = new TableScan();
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    if (lt > at && scan.inText) scan.chars(decodeEntities(xml.slice(at, lt)));
    if (xml.startsWith('<!--', lt)) {
      at = after(xml, '-->', lt);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const stop = xml.indexOf(']]>', lt);
      if (scan.inText) scan.chars(xml.slice(lt + 9, stop < 0 ? xml.length : stop));
      at = after(xml, ']]>', lt);
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      at = after(xml, '>', lt);
    } else {
      const gt = tagEnd(xml, lt);
      const tag = xml.slice(lt + 1, gt);
      at = gt + 1;
      if (tag.startsWith('/')) scan.close(tagName(tag, 1));
      else scan.open(tagName(tag, 0), tag, tag.endsWith('/'));
    }
  }
  return scan.sheets;
}

/** What the scan has seen so far: the tables done, and the one, row, cell, paragraph under way. */
class TableScan {
  readonly sheets: WorkbookSheet[] = [];
  /** Body paragraphs since the last table, the last TITLE_PARAGRAPHS of them. */
  private titles: string[] = [];
  private rows: CellValue[][] = [];
  private row: CellValue[] | null = null;
  private cell: Cell | null = null;
  private paragraph: string | null = null;
  private tableDepth = 0;
  private runDepth = 0;
  /** Inside a w:t: its text so far, and whether its white space is kept. */
  private text: string | null = null;
  private preserve = false;
  /** Element depth, and the depth at which a skipped subtree closes (-1: not skipping). */
  private depth = 0;
  private skipTo = -1;
  /** The body paragraph under way ends its section, which starts a new page (unless continuous). */
  private sectionEnd: 'no' | 'page' | 'continuous' = 'no';

  /** Whether characters now are a w:t's text; the white space between other tags is not. */
  get inText(): boolean {
    return this.text !== null && this.skipTo < 0;
  }

  chars(s: string): void {
    if (this.inText) this.text += s;
  }

  open(name: string, tag: string, empty: boolean): void {
    if (!empty) this.depth += 1;
    if (this.skipTo >= 0) return;
    if (SKIPPED.has(name)) {
      if (!empty) this.skipTo = this.depth - 1;
      return;
    }
    // Inside a nested table only paragraphs and their text count: they join the outer cell.
    const outer = this.tableDepth === 1;
    switch (name) {
      case 'w:tbl':
        if (empty) return;
        this.tableDepth += 1;
        if (this.tableDepth === 1) this.rows = this.titles.map((t) => [t]);
        return;
      case 'w:tr':
        if (outer) this.row = [];
        return;
      case 'w:gridBefore':
        // Grid columns a row skips before its first cell.
        if (outer && this.row) this.row.push(...nulls(count(attr(tag, 'w:val'))));
        return;
      case 'w:tc':
        if (!outer) return;
        this.cell = { paragraphs: [], span: 1, continued: false };
        if (empty) this.closeCell();
        return;
      case 'w:gridSpan':
        if (outer && this.cell) this.cell.span = count(attr(tag, 'w:val'));
        return;
      case 'w:vMerge':
      case 'w:hMerge': {
        // No value, or "continue": part of the merge above (or, for the old hMerge, to the left).
        const val = attr(tag, 'w:val');
        if (outer && this.cell && (val === null || val === 'continue')) this.cell.continued = true;
        return;
      }
      case 'w:p':
        this.endParagraph();
        this.paragraph = '';
        if (empty) this.endParagraph();
        return;
      case 'w:r':
        if (!empty) this.runDepth += 1;
        return;
      case 'w:pageBreakBefore':
        if (this.body() && attr(tag, 'w:val') !== 'false' && attr(tag, 'w:val') !== '0')
          this.titles = [];
        return;
      case 'w:sectPr':
        if (this.body() && this.paragraph !== null) this.sectionEnd = 'page';
        return;
      case 'w:type':
        if (this.sectionEnd === 'page' && attr(tag, 'w:val') === 'continuous')
          this.sectionEnd = 'continuous';
        return;
      case 'w:t':
      case 'm:t':
        // m:t is an equation's text (a ratio method written with Word's equation editor).
        if (!empty && this.paragraph !== null && (this.runDepth > 0 || name === 'm:t')) {
          this.text = '';
          this.preserve = attr(tag, 'xml:space') === 'preserve';
        }
        return;
    }
    // Run content other than text; w:tab also names tab stops in a paragraph's properties.
    if (this.runDepth === 0 || this.paragraph === null) return;
    if (name === 'w:tab' || name === 'w:ptab') this.paragraph += ' ';
    else if (name === 'w:br' && attr(tag, 'w:type') === 'page' && this.body()) {
      // What came before is on an earlier page: not this page's titles.
      this.titles = [];
      this.paragraph = '';
    } else if (name === 'w:br' || name === 'w:cr') this.paragraph += '\n';
    else if (name === 'w:noBreakHyphen') this.paragraph += '-';
  }

  close(name: string): void {
    this.depth -= 1;
    if (this.skipTo >= 0) {
      if (this.depth === this.skipTo) this.skipTo = -1;
      return;
    }
    switch (name) {
      case 'w:t':
      case 'm:t':
        if (this.text !== null && this.paragraph !== null)
          this.paragraph += this.preserve ? this.text : trimXml(this.text);
        this.text = null;
        return;
      case 'm:num':
        // An equation's fraction reads as "numerator/denominator".
        if (this.paragraph !== null) this.paragraph += '/';
        return;
      case 'w:r':
        this.runDepth = Math.max(0, this.runDepth - 1);
        return;
      case 'w:p':
        this.endParagraph();
        return;
      case 'w:tc':
        if (this.tableDepth === 1) this.closeCell();
        return;
      case 'w:tr':
        if (this.tableDepth !== 1) return;
        if (this.row) this.rows.push(this.row);
        this.row = null;
        return;
      case 'w:tbl':
        if (this.tableDepth === 1) {
          const sheet = `Bảng ${this.sheets.length + 1}`;
          this.sheets.push({ name: sheet, rows: rectangular(this.rows) });
          this.titles = [];
          this.rows = [];
        }
        this.tableDepth = Math.max(0, this.tableDepth - 1);
        return;
    }
  }

  /** Outside every table: where an annex's title paragraphs are. */
  private body(): boolean {
    return this.tableDepth === 0;
  }

  private endParagraph(): void {
    const p = this.paragraph;
    if (p === null) return;
    if (this.tableDepth > 0) this.cell?.paragraphs.push(p);
    else if (p.trim() !== '') this.titles = [...this.titles, p.trim()].slice(-TITLE_PARAGRAPHS);
    if (this.sectionEnd === 'page') this.titles = [];
    this.sectionEnd = 'no';
    this.paragraph = null;
  }

  /** Word ends many cells with an empty paragraph; a spreadsheet cell shows none, nor "". */
  private closeCell(): void {
    const { cell, row } = this;
    if (!cell || !row) return;
    const value = cell.paragraphs.join('\n').trim();
    row.push(cell.continued || value === '' ? null : value, ...nulls(cell.span - 1));
    this.cell = null;
  }
}

/**
 * The document's tables, wider ones first. A decision opens with its heading (issuing body |
 * national motto, number | place and date) and closes with its signature block, each laid out
 * as a two-column table; the table of indicators is wider, and is looked for first.
 */
export function dataTablesFirst(sheets: WorkbookSheet[]): WorkbookSheet[] {
  const narrow = (s: WorkbookSheet): boolean => (s.rows[0]?.length ?? 0) <= 2;
  return [...sheets.filter((s) => !narrow(s)), ...sheets.filter(narrow)];
}

/** Where a tag's closing ">" is, past any ">" inside a quoted attribute value. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return xml.length;
}

/** The position after the next `stop` from `from`, or the end of the text. */
function after(xml: string, stop: string, from: number): number {
  const i = xml.indexOf(stop, from);
  return i < 0 ? xml.length : i + stop.length;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function tagName(tag: string, from: number): string {
  let i = from;
  while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag[i] !== '/') i++;
  return tag.slice(from, i);
}

/** An attribute's value, decoded, or null when the tag has none by that name. */
function attr(tag: string, name: string): string | null {
  for (let from = 0; ;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    if (!isSpace(tag.charCodeAt(i - 1))) continue;
    let j = from;
    while (isSpace(tag.charCodeAt(j))) j++;
    if (tag[j] !== '=') continue;
    j += 1;
    while (isSpace(tag.charCodeAt(j))) j++;
    const quote = tag[j];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, j + 1);
    return close < 0 ? null : decodeEntities(tag.slice(j + 1, close));
  }
}

/** A span or skip count: a positive whole number, 1 when missing or unreadable. */
function count(value: string | null): number {
  const n = Number.parseInt(value ?? '', 10);
  // A span wider than any real table is a damaged file, not 16,000 empty columns.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

const nulls = (n: number): null[] => Array.from({ length: Math.max(0, n) }, () => null);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and numeric references; anything else is left as written. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let at = 0;
  for (;;) {
    const amp = s.indexOf('&', at);
    if (amp < 0) return out + s.slice(at);
    const semi = s.indexOf(';', amp);
    // Entity names are short: a ";" far off belongs to the text, not to this "&".
    if (semi < 0 || semi - amp > 10) {
      out += s.slice(at, amp + 1);
      at = amp + 1;
      continue;
    }
    out += s.slice(at, amp) + entity(s.slice(amp + 1, semi), s.slice(amp, semi + 1));
    at = semi + 1;
  }
}

function entity(name: string, written: string): string {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : written;
  }
  return ENTITIES[name] ?? written;
}

/** Leading and trailing XML white space, which Word drops from a w:t without xml:space. */
function trimXml(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Every row as wide as the widest, as a spreadsheet's rows are. */
function rectangular(rows: CellValue[][]): CellValue[][] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) => [...r, ...nulls(width - r.length)]);
}
