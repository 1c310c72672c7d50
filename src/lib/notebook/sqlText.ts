// What a notebook needs to know about a cell's SQL without running it: the names it mentions
// (its dependencies on earlier cells), whether it is one read-only statement, and where in the
// person's text an engine error points. A small lexer is enough: strings, quoted names and
// comments are the only places where a word is not a word.

export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'comment' | 'semicolon' | 'other';
  text: string;
  /** Offset in the source. */
  start: number;
}

const WORD = /[\p{L}_][\p{L}\p{N}_$]*/uy;

/** Splits SQL into tokens; unterminated strings, names and comments run to the end. */
export function sqlTokens(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlToken['kind'], end: number): void => {
    out.push({ kind, text: sql.slice(i, end), start: i });
    i = end;
  };
  const until = (close: string, from: number): number => {
    const at = sql.indexOf(close, from);
    return at < 0 ? sql.length : at + close.length;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '-' && next === '-') {
      push('comment', until('\n', i));
    } else if (c === '/' && next === '*') {
      push('comment', until('*/', i + 2));
    } else if (c === "'") {
      push('string', quotedEnd(sql, i, "'"));
    } else if (c === '"') {
      push('quoted', quotedEnd(sql, i, '"'));
    } else if (c === '$' && /^\$[\p{L}_]*\$/u.test(sql.slice(i))) {
      const tag = /^\$[\p{L}_]*\$/u.exec(sql.slice(i))![0];
      push('string', until(tag, i + tag.length));
    } else if (c === ';') {
      push('semicolon', i + 1);
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(sql);
      if (word) push('word', i + word[0].length);
      else push('other', i + 1);
    }
  }
  return out;
}

/** End of a quoted run where the quote is escaped by doubling it. */
function quotedEnd(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

/** The name a word or quoted token stands for, compared case-insensitively like DuckDB does. */
function nameOf(token: SqlToken): string | null {
  if (token.kind === 'word') return token.text.toLowerCase();
  if (token.kind === 'quoted' && token.text.endsWith('"') && token.text.length > 1)
    return token.text.slice(1, -1).replaceAll('""', '"').toLowerCase();
  return null;
}

/** Which of `names` the SQL mentions as a name (not inside strings or comments). */
export function mentionedNames(sql: string, names: Iterable<string>): string[] {
  const wanted = new Map([...names].map((n) => [n.toLowerCase(), n]));
  const found = new Set<string>();
  for (const token of sqlTokens(sql)) {
    const name = nameOf(token);
    const original = name === null ? undefined : wanted.get(name);
    if (original !== undefined) found.add(original);
  }
  return [...found];
}

/**
 * First words of the statements a notebook runs; anything else gets a plain message before it
 * reaches the engine. This only words the refusal: the runner then has the engine itself check
 * that the text is one SELECT, so a lexer that reads some corner of SQL differently from
 * DuckDB cannot let a second statement through.
 */
const READING = new Set([
  'select',
  'with',
  'from',
  'values',
  'table',
  'describe',
  'summarize',
  'show',
]);

export type SqlProblem =
  | { kind: 'empty' }
  | { kind: 'several'; at: number }
  | { kind: 'notReading'; word: string; at: number }
  | { kind: 'outside'; word: string; at: number };

/** Why the SQL cannot run as a notebook cell, or null when it looks like one reading statement. */
export function readOnlyProblem(sql: string): SqlProblem | null {
  const outside = outsideReadProblem(sql);
  if (outside) return outside;
  const tokens = sqlTokens(sql).filter((t) => t.kind !== 'comment');
  const body = trimSemicolons(tokens);
  if (body.length === 0) return { kind: 'empty' };
  const semicolon = body.find((t) => t.kind === 'semicolon');
  if (semicolon) return { kind: 'several', at: semicolon.start };
  const first = body.find((t) => t.text !== '(');
  if (!first || first.kind !== 'word' || !READING.has(first.text.toLowerCase()))
    return { kind: 'notReading', word: first?.text ?? '', at: first?.start ?? 0 };
  return null;
}

/**
 * Reading files or addresses would let a notebook send the data somewhere (a URL in a path is a
 * request). Checked on the raw text, strings and comments included, so no quoting trick hides
 * it: a URL, the file-reading functions, and `query()`, which runs SQL built from strings.
 */
const OUTSIDE = [
  /:\/\//,
  /\b(read_[a-z_]*|glob|[a-z_]*_scan|sniff_csv|query_table)\b/i,
  /\b(query)\s*"?\s*(\(|\/\*|--)/i,
];

function outsideReadProblem(sql: string): SqlProblem | null {
  for (const pattern of OUTSIDE) {
    const m = pattern.exec(sql);
    if (m) return { kind: 'outside', word: m[1] ?? m[0], at: m.index };
  }
  return null;
}

function trimSemicolons(tokens: SqlToken[]): SqlToken[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === 'semicolon') end -= 1;
  return tokens.slice(0, end);
}

/** The SQL with its trailing semicolons (and what follows them: comments, space) taken off. */
export function withoutTrailingSemicolons(sql: string): string {
  const tokens = sqlTokens(sql);
  let last = tokens.length - 1;
  while (last >= 0 && (tokens[last]!.kind === 'comment' || tokens[last]!.kind === 'semicolon'))
    last -= 1;
  if (last === tokens.length - 1) return sql;
  const lastKept = tokens[last];
  // A comment after the last semicolon may end the text: cut right after the last real token.
  return lastKept ? sql.slice(0, lastKept.start + lastKept.text.length) : '';
}

export interface SqlPosition {
  /** 1-based line and column in the cell's own text. */
  line: number;
  column: number;
  /** Offset in the cell's own text. */
  offset: number;
}

/**
 * DuckDB ends an error with "LINE n: <text>" and a caret under the fault. `lineShift` is how
 * many lines the runner put before the person's SQL. Long lines are shown cut, with "...".
 */
export function errorPosition(message: string, sql: string, lineShift = 0): SqlPosition | null {
  const match = /\nLINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return null;
  const line = Number(match[1]) - lineShift;
  const lines = sql.split('\n');
  const text = lines[line - 1];
  if (line < 1 || text === undefined) return null;
  const prefix = `LINE ${match[1]}: `.length;
  const caret = match[3]!.length - prefix;
  let shown = match[2]!;
  let shift = 0;
  if (shown.startsWith('...')) {
    shown = shown.slice(3);
    shift = -3;
  }
  shown = shown.replace(/\.\.\.$/, '');
  const at = text.indexOf(shown.slice(0, Math.min(shown.length, 40)));
  const column = Math.max(0, Math.min(text.length, (at < 0 ? 0 : at) + caret + shift));
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
  return { line, column: column + 1, offset };
}

/** The error's own words, without DuckDB's "LINE n:" excerpt (the view shows the position). */
export function errorHeadline(message: string): string {
  return message.replace(/\n+LINE \d+: [\s\S]*$/, '').trim();
}
