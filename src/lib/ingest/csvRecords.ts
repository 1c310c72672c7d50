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
 * Where each record starts and which lines are blank, from text given in pieces: a file of
 * millions of rows is read chunk by chunk, never whole. No cells are built: one pass tracking
 * quotes and line breaks. It also finds the first line longer than `maxLineChars`.
 */
export class LineCounter {
  #starts = new Int32Array(1024);
  #count = 0;
  readonly #blank: number[] = [];
  #line = 1;
  #quoted = false;
  #recordStart = 1;
  #empty = true;
  /** The last piece ended in a CR outside quotes: an LF opening the next one ends no record. */
  #afterCr = false;
  /** Physical lines (counted by LF alone) and the length of the current one. */
  #physical = 1;
  #lineChars = 0;
  #longLine: number | null = null;

  constructor(readonly maxLineChars = Infinity) {}

  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (this.#lineChars > this.maxLineChars) this.#longLine ??= this.#physical;
        this.#physical += 1;
        this.#lineChars = 0;
      } else this.#lineChars += 1;
      if (this.#afterCr) {
        this.#afterCr = false;
        if (c === 10) continue;
      }
      if (c === 34) this.#quoted = !this.#quoted;
      if (this.#quoted) {
        if (c === 10) this.#line += 1;
        this.#empty = false;
      } else if (c === 10 || c === 13) {
        this.#afterCr = c === 13;
        this.#endRecord();
        this.#line += 1;
        this.#recordStart = this.#line;
        this.#empty = true;
      } else this.#empty = false;
    }
  }

  /** The first line longer than `maxLineChars` so far (1-based), or null. */
  get longLine(): number | null {
    return this.#longLine ?? (this.#lineChars > this.maxLineChars ? this.#physical : null);
  }

  /** Records and blank lines from `fromLine` on, once every piece is in. */
  lines(fromLine: number): LineMap {
    const starts = this.#empty ? this.#starts.subarray(0, this.#count) : this.#withLast();
    let first = 0;
    while (first < starts.length && starts[first]! < fromLine) first += 1;
    return {
      recordLines: starts.slice(first),
      blankLines: this.#blank.filter((line) => line >= fromLine),
    };
  }

  #endRecord(): void {
    if (this.#empty) {
      this.#blank.push(this.#recordStart);
      return;
    }
    if (this.#count === this.#starts.length) {
      const grown = new Int32Array(this.#starts.length * 2);
      grown.set(this.#starts);
      this.#starts = grown;
    }
    this.#starts[this.#count++] = this.#recordStart;
  }

  #withLast(): Int32Array {
    const all = new Int32Array(this.#count + 1);
    all.set(this.#starts.subarray(0, this.#count));
    all[this.#count] = this.#recordStart;
    return all;
  }
}
