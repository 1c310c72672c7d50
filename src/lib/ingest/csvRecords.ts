// A small RFC 4180 tokenizer that knows where each record starts: the line number a person sees
// in a text editor. Used on the head of a file to find its layout, and over the whole file to
// map DuckDB's record numbers (it skips blank lines) back to physical lines.

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

/** Records of `text`, at most `limit` of them; blank lines are kept as a record with one empty cell. */
export function csvRecords(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === 10) line += 1;
        cell += text[i];
      }
    } else if (c === 34 && cell === '') {
      quoted = true;
    } else if (c === d) {
      cells.push(cell);
      cell = '';
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else {
      cell += text[i];
    }
  }
  if ((cell !== '' || cells.length > 0) && out.length < limit) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out;
}

/** Delimiter of a text table: the candidate splitting the first lines most consistently. */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 65536);
  const candidates = [',', ';', '\t', '|'];
  let best = ',';
  let bestScore = -1;
  for (const d of candidates) {
    const widths = csvRecords(head, d, 40)
      .map((r) => r.cells.length)
      .filter((n) => n > 1);
    if (widths.length === 0) continue;
    const mode = modeOf(widths);
    // Rows at the modal width, weighted by that width: favours the delimiter that makes a table.
    const score = widths.filter((w) => w === mode).length * Math.log2(mode + 1);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function modeOf(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

export interface LineMap {
  /** Physical start line of each non-blank record from `fromLine` on, in order. */
  recordLines: Int32Array;
  /** Blank lines in that region: DuckDB's reader skips them, the report lists them. */
  blankLines: number[];
}

/**
 * Start lines of the records from `fromLine` to the end, without building cells: a single pass
 * over the text tracking quotes and line breaks, fast enough for files of millions of rows.
 */
export function recordLines(text: string, fromLine: number): LineMap {
  const starts: number[] = [];
  const blank: number[] = [];
  let line = 1;
  let quoted = false;
  let recordStart = 1;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (quoted) {
      if (c === 10) line += 1;
      empty = false;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
      if (recordStart >= fromLine) (empty ? blank : starts).push(recordStart);
      line += 1;
      recordStart = line;
      empty = true;
    } else {
      empty = false;
    }
  }
  if (!empty && recordStart >= fromLine) starts.push(recordStart);
  return { recordLines: Int32Array.from(starts), blankLines: blank };
}
