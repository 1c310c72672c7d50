// A notebook from a file is untrusted: every field is read on its own and checked, each problem
// names its path, and only the known fields of known cell kinds come through.
import { Checker, InvalidSpecError } from '../framework/check';
import {
  CHART_MARKS,
  NOTEBOOK_FORMAT,
  NOTEBOOK_VERSION,
  type Cell,
  type ChartSpec,
  type Notebook,
} from './types';
import { nameProblem } from './cellNames';
import { MAX_TEXT_LENGTH } from './markdown';

/** How much a notebook may hold: enough for real work, bounded so a file cannot hang the page. */
export const NOTEBOOK_LIMITS = {
  cells: 500,
  sqlLength: 100_000,
  textLength: MAX_TEXT_LENGTH,
  /** All text cells together: what the Markdown reader can go through in about a second. */
  allText: 200_000,
  /** All SQL together: what finding the links between cells reads on every edit. */
  allSql: 500_000,
  titleLength: 200,
} as const;

export function validateNotebookFile(raw: unknown): Notebook {
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', ['format', 'version', 'notebook']);
  if (o.format !== NOTEBOOK_FORMAT)
    c.fail('format', `phải là "${NOTEBOOK_FORMAT}"`, `must be "${NOTEBOOK_FORMAT}"`);
  c.integer(o.version, 'version', { min: NOTEBOOK_VERSION, max: NOTEBOOK_VERSION });
  const notebook = readNotebook(c, o.notebook, 'notebook');
  if (c.problems.length > 0)
    throw new InvalidSpecError(
      { vi: 'Sổ phân tích không hợp lệ', en: 'Invalid notebook' },
      c.problems,
    );
  return notebook;
}

function readNotebook(c: Checker, raw: unknown, path: string): Notebook {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['id', 'title', 'cells', 'updated', 'builtin', 'trusted']);
  const cells = c.array(o.cells, `${path}.cells`);
  if (cells.length > NOTEBOOK_LIMITS.cells)
    c.fail(
      `${path}.cells`,
      `tối đa ${NOTEBOOK_LIMITS.cells} ô`,
      `at most ${NOTEBOOK_LIMITS.cells} cells`,
    );
  const read = cells
    .slice(0, NOTEBOOK_LIMITS.cells)
    .map((cell, i) => readCell(c, cell, `${path}.cells[${i}]`));
  c.unique(
    read.map((cell) => cell.id),
    (i) => `${path}.cells[${i}].id`,
  );
  checkNames(c, read, path);
  const allText = read.reduce((n, cell) => n + (cell.kind === 'text' ? cell.text.length : 0), 0);
  const allSql = read.reduce((n, cell) => n + (cell.kind === 'sql' ? cell.sql.length : 0), 0);
  if (allSql > NOTEBOOK_LIMITS.allSql)
    c.fail(
      `${path}.cells`,
      `các ô SQL dài tổng cộng ${allSql} ký tự, tối đa ${NOTEBOOK_LIMITS.allSql}`,
      `the SQL cells hold ${allSql} characters in all, at most ${NOTEBOOK_LIMITS.allSql}`,
    );
  if (allText > NOTEBOOK_LIMITS.allText)
    c.fail(
      `${path}.cells`,
      `các ô văn bản dài tổng cộng ${allText} ký tự, tối đa ${NOTEBOOK_LIMITS.allText}`,
      `the text cells hold ${allText} characters in all, at most ${NOTEBOOK_LIMITS.allText}`,
    );
  const updated =
    o.updated === undefined ? new Date(0).toISOString() : c.string(o.updated, `${path}.updated`);
  return {
    id: c.code(o.id, `${path}.id`),
    title: boundedText(c, o.title, `${path}.title`, NOTEBOOK_LIMITS.titleLength, false),
    cells: read,
    updated,
    ...(o.builtin === true ? { builtin: true } : {}),
    ...(o.trusted === true ? { trusted: true } : {}),
  };
}

function readCell(c: Checker, raw: unknown, path: string): Cell {
  const o = c.object(raw, path);
  const id = c.code(o.id, `${path}.id`);
  const kind = c.oneOf(o.kind, `${path}.kind`, ['sql', 'chart', 'text'] as const);
  if (kind === 'sql') {
    c.noExtraFields(o, path, ['id', 'kind', 'name', 'sql']);
    const name = o.name === undefined ? undefined : c.string(o.name, `${path}.name`);
    return {
      id,
      kind,
      sql: boundedText(c, o.sql, `${path}.sql`, NOTEBOOK_LIMITS.sqlLength, true),
      ...(name ? { name } : {}),
    };
  }
  if (kind === 'chart') {
    c.noExtraFields(o, path, ['id', 'kind', 'chart']);
    return { id, kind, chart: readChart(c, o.chart, `${path}.chart`) };
  }
  c.noExtraFields(o, path, ['id', 'kind', 'text']);
  return {
    id,
    kind,
    text: boundedText(c, o.text, `${path}.text`, NOTEBOOK_LIMITS.textLength, true),
  };
}

/** A chart spec; exported for the chart form, which checks what a person types as JSON. */
export function readChart(c: Checker, raw: unknown, path: string): ChartSpec {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['from', 'mark', 'x', 'y', 'colour', 'facet', 'title']);
  const column = (key: 'x' | 'y' | 'facet' | 'title'): Partial<ChartSpec> => {
    const v = o[key];
    if (v === undefined || v === '') return {};
    return { [key]: boundedText(c, v, `${path}.${key}`, 200, false) };
  };
  const colour =
    o.colour === undefined || o.colour === ''
      ? {}
      : { colour: boundedText(c, o.colour, `${path}.colour`, 200, false) };
  return {
    from: boundedText(c, o.from, `${path}.from`, 200, true),
    mark: c.oneOf(o.mark, `${path}.mark`, CHART_MARKS),
    ...column('x'),
    ...column('y'),
    ...colour,
    ...column('facet'),
    ...column('title'),
  };
}

function boundedText(
  c: Checker,
  raw: unknown,
  path: string,
  max: number,
  mayBeEmpty: boolean,
): string {
  if (typeof raw !== 'string' || (!mayBeEmpty && raw.trim() === '')) {
    c.fail(
      path,
      mayBeEmpty ? 'phải là một chuỗi' : 'phải là chuỗi không rỗng',
      mayBeEmpty ? 'must be a string' : 'must be a non-empty string',
    );
    return '';
  }
  if (raw.length > max) {
    c.fail(path, `dài quá ${max} ký tự`, `longer than ${max} characters`);
    return raw.slice(0, max);
  }
  return raw;
}

/**
 * Names are unique and well formed. A chart whose source is not (or no longer) a named cell above
 * it is kept: the page says it has nothing to draw, and the person picks another source.
 */
function checkNames(c: Checker, cells: Cell[], path: string): void {
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    if (cell.kind === 'sql' && cell.name !== undefined) {
      const problem = nameProblem(cell.name, seen);
      if (problem) c.fail(`${path}.cells[${i}].name`, problem.vi, problem.en);
      seen.add(cell.name.toLowerCase());
    }
  });
}
