// The notebooks that ship with the app, run cell by cell on the Nam Đàn sample as the notebook
// page would (a named cell becomes a temporary table the later cells read), and their findings
// checked against the pipeline's tables and against figures computed here independently.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/lib/db/rows';
import { toRows } from '../../src/lib/db/rows';
import {
  CHART_MARKS,
  NOTEBOOK_FORMAT,
  NOTEBOOK_VERSION,
  type Notebook,
  type SqlCell,
} from '../../src/lib/notebook/types';
import { validateNotebookFile } from '../../src/lib/notebook/validateNotebook';
import { dropResult, runSqlCell, workspaceTables } from '../../src/lib/notebook/runner';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { ROOT, fileAt, freshWorkspace, rows } from './support/workspace';

const FW = 'dti-xa-minh-hoa';
const FILES = ['kham-pha-du-lieu.json', 'vi-sao-tut-hang.json', 'do-nhay-trong-so.json'] as const;
type File = (typeof FILES)[number];

function readRaw(file: File): unknown {
  const text = readFileSync(path.join(ROOT, 'src/lib/notebook/builtin', file), 'utf8');
  return JSON.parse(text) as unknown;
}

function notebookOf(file: File): Notebook {
  return (readRaw(file) as { notebook: Notebook }).notebook;
}

/** What one run of a notebook produced: rows and column names per SQL cell id. */
interface Run {
  byId: Map<string, { rows: Row[]; columns: string[] }>;
  byName: Map<string, Row[]>;
}

/** The first word of the SQL once comments are set aside. */
function firstWord(sql: string): string {
  const body = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  return /[A-Za-z_]+/.exec(body)?.[0]?.toLowerCase() ?? '';
}

/** The words of the SQL outside comments and string literals, lower case. */
function sqlWords(sql: string): Set<string> {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, ' ');
  return new Set((code.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? []).map((w) => w.toLowerCase()));
}

/**
 * Runs every SQL cell in order through the notebook's own runner, as the page does (a named
 * cell becomes a temporary table of its name). `edit` replaces a named cell's SQL, as a reader
 * would. The temporary tables are dropped afterwards, whatever happened.
 */
async function runNotebook(
  ws: Workspace,
  nb: Notebook,
  edit: Record<string, string> = {},
): Promise<Run> {
  const run: Run = { byId: new Map(), byName: new Map() };
  const cells = nb.cells
    .filter((c): c is SqlCell => c.kind === 'sql')
    .map((c) => ({ ...c, sql: (c.name !== undefined ? edit[c.name] : undefined) ?? c.sql }));
  const tables = await workspaceTables(ws.engine);
  try {
    for (const cell of cells) {
      let table;
      try {
        table = (await runSqlCell(ws.engine, cell, tables)).table;
      } catch (e) {
        throw new Error(`${nb.id} ${cell.id} (${cell.name ?? 'unnamed'}): ${String(e)}`, {
          cause: e,
        });
      }
      const result = { rows: toRows(table), columns: table.schema.fields.map((f) => f.name) };
      expect(result.rows.length, `${nb.id} ${cell.id} returns rows`).toBeGreaterThan(0);
      run.byId.set(cell.id, result);
      if (cell.name !== undefined) run.byName.set(cell.name, result.rows);
    }
  } finally {
    for (const cell of cells) await dropResult(ws.engine, cell);
  }
  return run;
}

function result(run: Run, name: string): Row[] {
  const got = run.byName.get(name);
  if (!got) throw new Error(`no cell named ${name}`);
  return got;
}

const num = (v: unknown): number => Number(v);
const only = <T>(xs: T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0]!;
};

/** Competition ranks (1, 2, 2, 4) of scores compared at 4 decimals, as the pipeline ranks. */
function competitionRanks(scores: Map<string, number>): Map<string, number> {
  const key = (x: number): number => Math.round(x * 1e4);
  const all = [...scores.values()].map(key);
  return new Map(
    [...scores].map(([unit, s]) => [unit, 1 + all.filter((o) => o > key(s)).length] as const),
  );
}

describe('built-in notebooks', () => {
  let ws: Workspace;
  let workspaceNames: Set<string>;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score(FW, 'kh-cds-khanh-son-2024');
    workspaceNames = new Set(
      (
        await rows(
          ws,
          `SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary
           UNION SELECT view_name FROM duckdb_views() WHERE NOT temporary AND NOT internal`,
        )
      ).map((r) => String(r.name).toLowerCase()),
    );
  });

  describe.each(FILES)('%s', (file) => {
    it('is a notebook file whose cells, names and charts are well formed', () => {
      const raw = readRaw(file) as Record<string, unknown>;
      expect(raw.format).toBe(NOTEBOOK_FORMAT);
      expect(raw.version).toBe(NOTEBOOK_VERSION);
      const nb = notebookOf(file);
      expect(nb.builtin).toBe(true);
      expect(nb.id).toMatch(/^builtin-/);
      expect(Number.isNaN(Date.parse(nb.updated))).toBe(false);
      // The app reads the file through the same checks as a notebook someone sends.
      expect(validateNotebookFile(raw).cells).toHaveLength(nb.cells.length);

      const ids = nb.cells.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      const names = new Set<string>();
      for (const cell of nb.cells) {
        if (cell.kind === 'text') {
          expect(cell.text.trim()).not.toBe('');
        } else if (cell.kind === 'sql') {
          expect(['select', 'with'], `${cell.id} reads`).toContain(firstWord(cell.sql));
          expect(cell.sql, `${cell.id} is one statement`).not.toContain(';');
          if (cell.name !== undefined) {
            expect(cell.name).toMatch(/^[a-z_][a-z0-9_]*$/);
            expect(names.has(cell.name), `${cell.name} used once`).toBe(false);
            expect(workspaceNames.has(cell.name), `${cell.name} shadows a table`).toBe(false);
            names.add(cell.name);
          }
        } else {
          expect(CHART_MARKS).toContain(cell.chart.mark);
          expect(names.has(cell.chart.from), `${cell.id} draws a cell named above`).toBe(true);
        }
      }
      expect(nb.cells.some((c) => c.kind === 'chart')).toBe(true);

      // A cell reads only the cells above it: no word of its SQL names a cell at or below it
      // (the notebook would take it for a table that is stale or not there yet).
      const sqlCells = nb.cells.filter((c): c is SqlCell => c.kind === 'sql');
      sqlCells.forEach((cell, i) => {
        const words = sqlWords(cell.sql);
        for (const later of sqlCells.slice(i + 1))
          if (later.name !== undefined)
            expect(words.has(later.name), `${cell.id} mentions ${later.name} from below`).toBe(
              false,
            );
      });
    });

    it('runs every SQL cell to a non-empty result, with the columns its charts draw', async () => {
      const nb = notebookOf(file);
      const run = await runNotebook(ws, nb);
      const columnsOf = new Map(
        nb.cells.flatMap((c) =>
          c.kind === 'sql' && c.name !== undefined ? [[c.name, run.byId.get(c.id)!.columns]] : [],
        ),
      );
      for (const cell of nb.cells) {
        if (cell.kind !== 'chart') continue;
        const { from, x, y, colour, facet } = cell.chart;
        const columns = columnsOf.get(from)!;
        for (const channel of [x, y, facet])
          if (channel !== undefined) expect(columns).toContain(channel);
        if (colour !== undefined && !/^#[0-9a-f]{6}$/i.test(colour))
          expect(columns).toContain(colour);
      }
      // Every notebook that names the scored framework finds the one that was scored.
      if (run.byName.has('bo_chi_so')) expect(only(result(run, 'bo_chi_so')).framework_id).toBe(FW);
      // Named cells are gone afterwards: the next notebook starts from the workspace alone.
      const left = await rows(ws, `SELECT table_name FROM duckdb_tables() WHERE temporary`);
      expect(left).toEqual([]);
    });
  });

  it('khám phá: loads, ranking and bands agree with the workspace', async () => {
    const nb = notebookOf('kham-pha-du-lieu.json');
    const run = await runNotebook(ws, nb);
    const firstSql = nb.cells.find((c) => c.kind === 'sql')!;
    const load = only(run.byId.get(firstSql.id)!.rows);
    const [obs] = await rows(ws, `SELECT count(*) AS n FROM observations`);
    expect(load).toMatchObject({ ten_tep: 'nam-dan-2023-2024.csv', so_don_vi: 19, so_nam: 2 });
    expect(load.tu_nam).toBe(2023);
    expect(load.den_nam).toBe(2024);
    expect(num(load.so_gia_tri)).toBe(num(obs!.n));

    const ranking = result(run, 'xep_hang_nam_moi');
    expect(ranking).toHaveLength(19);
    expect(ranking.map((r) => num(r.hang))).toEqual(
      [...ranking.map((r) => num(r.hang))].sort((a, b) => a - b),
    );
    const last = only(result(run, 'xa_dang_xem'));
    expect(last.nam).toBe(2024);
    expect(last.hang).toBe(Math.max(...ranking.map((r) => num(r.hang))));

    const bands = result(run, 'phan_bo_xep_loai');
    for (const year of [2023, 2024]) {
      const inYear = bands.filter((b) => b.nam === year);
      expect(inYear.reduce((n, b) => n + num(b.so_don_vi), 0)).toBe(19);
    }
  });

  it('vì sao tụt hạng: picks the largest drop and splits its change exactly', async () => {
    const nb = notebookOf('vi-sao-tut-hang.json');
    const run = await runNotebook(ws, nb);

    // The unit with the largest rank drop between the last two years, found here in JS.
    const scores = await rows(ws, `SELECT unit_code, year, rank, total FROM scores`);
    const years = [...new Set(scores.map((s) => num(s.year)))].sort((a, b) => a - b);
    const [before, now] = years.slice(-2) as [number, number];
    const at = (year: number): Map<string, Row> =>
      new Map(
        scores
          .filter((s) => s.year === year && s.rank !== null)
          .map((s) => [String(s.unit_code), s]),
      );
    const then = at(before);
    const moves = [...at(now)]
      .filter(([unit]) => then.has(unit))
      .map(([unit, s]) => ({
        unit,
        drop: num(s.rank) - num(then.get(unit)!.rank),
        change: num(s.total) - num(then.get(unit)!.total),
      }))
      .sort((a, b) => b.drop - a.drop || a.change - b.change);
    const expected = moves[0]!;
    expect(expected.drop).toBeGreaterThan(0);
    expect(moves[1]!.drop < expected.drop || moves[1]!.change > expected.change).toBe(true);

    const chosen = only(result(run, 'xa_duoc_chon'));
    expect(chosen.ma_don_vi).toBe(expected.unit);
    expect(chosen.nam_truoc).toBe(before);
    expect(chosen.nam_nay).toBe(now);
    expect(num(chosen.so_bac_tut)).toBe(expected.drop);
    expect(num(chosen.thay_doi_chi_so)).toBeCloseTo(expected.change, 12);
    expect(result(run, 'bien_dong_hang')).toHaveLength(moves.length);

    const parts = result(run, 'dong_gop');
    const [scored] = await rows(
      ws,
      `SELECT count(DISTINCT main_index) AS n FROM main_index_scores WHERE scored`,
    );
    expect(parts).toHaveLength(num(scored!.n));
    const sum = parts.reduce((n, p) => n + num(p.dong_gop), 0);
    expect(Math.abs(sum - expected.change)).toBeLessThan(1e-9);
    expect(parts.map((p) => num(p.dong_gop))).toEqual(
      [...parts.map((p) => num(p.dong_gop))].sort((a, b) => a - b),
    );
    // Same max both years: each contribution is (points now − points then) ÷ Σ max.
    if (chosen.diem_toi_da_nam_truoc === chosen.diem_toi_da_nam_nay) {
      for (const p of parts)
        expect(num(p.dong_gop)).toBeCloseTo(
          (num(p.diem_nam_nay) - num(p.diem_nam_truoc)) / num(chosen.diem_toi_da_nam_nay),
          12,
        );
    }
    expect(parts.every((p) => typeof p.ten_chi_so_chinh === 'string')).toBe(true);

    // The indicators opened are those of the lowest contribution, and they add up to it.
    const lowest = parts[0]!;
    const indicators = result(run, 'chi_so_thanh_phan');
    const [count] = await rows(
      ws,
      `SELECT count(*) AS n FROM fw_indicators WHERE framework_id = '${FW}' AND main_index = '${String(lowest.ma_chi_so_chinh)}'`,
    );
    expect(indicators).toHaveLength(num(count!.n));
    const inside = indicators.reduce((n, i) => n + num(i.dong_gop), 0);
    expect(Math.abs(inside - num(lowest.dong_gop))).toBeLessThan(1e-9);

    // A reader looks at another commune by editing the WHERE of the named cell.
    const other = moves[moves.length - 1]!;
    const pick = nb.cells.find((c): c is SqlCell => c.kind === 'sql' && c.name === 'xa_duoc_chon')!;
    expect(pick.sql).toMatch(/^WHERE TRUE$/m);
    const edited = await runNotebook(ws, nb, {
      xa_duoc_chon: pick.sql.replace(/^WHERE TRUE$/m, `WHERE ma_don_vi = '${other.unit}'`),
    });
    expect(only(result(edited, 'xa_duoc_chon')).ma_don_vi).toBe(other.unit);
    const otherSum = result(edited, 'dong_gop').reduce((n, p) => n + num(p.dong_gop), 0);
    expect(Math.abs(otherSum - other.change)).toBeLessThan(1e-9);
  });

  it('độ nhạy trọng số: official ranks, equal weights and edited weights', async () => {
    const nb = notebookOf('do-nhay-trong-so.json');
    const run = await runNotebook(ws, nb);
    const compared = result(run, 'xep_hang_so_sanh');
    const [{ year }] = (await rows(ws, `SELECT max(year) AS year FROM scores`)) as [
      { year: number },
    ];
    const official = new Map(
      (await rows(ws, `SELECT unit_code, rank, total FROM scores WHERE year = ${year}`)).map(
        (r) => [String(r.unit_code), r],
      ),
    );
    expect(compared).toHaveLength(official.size);
    for (const r of compared) {
      const o = official.get(String(r.ma_don_vi))!;
      expect(r.nam).toBe(year);
      expect(r.hang_chinh_thuc).toBe(o.rank);
      expect(num(r.diem_chinh_thuc)).toBeCloseTo(num(o.total), 12);
    }

    // Equal weights: the plain mean of the scored main-index values; weights: Σ w·p ÷ Σ w·max.
    const mains = await rows(
      ws,
      `SELECT unit_code, main_index, points, max_counted, value FROM main_index_scores
       WHERE scored AND year = ${year}`,
    );
    const weights = new Map(
      result(run, 'trong_so').map((w) => [String(w.main_index), num(w.he_so)] as const),
    );
    const applied = result(run, 'trong_so_ap_dung');
    expect(applied.filter((a) => num(a.he_so) === 2).map((a) => a.ghi_chu)).toEqual(['khớp']);
    expect(applied.every((a) => a.ghi_chu === 'khớp')).toBe(true);
    const equal = new Map<string, number>();
    const weighted = new Map<string, number>();
    for (const unit of official.keys()) {
      const own = mains.filter((m) => m.unit_code === unit);
      const values = own.filter((m) => m.value !== null).map((m) => num(m.value));
      equal.set(unit, values.reduce((a, b) => a + b, 0) / values.length);
      const w = (m: Row): number => weights.get(String(m.main_index)) ?? 1;
      weighted.set(
        unit,
        own.reduce((n, m) => n + w(m) * num(m.points), 0) /
          own.reduce((n, m) => n + w(m) * num(m.max_counted), 0),
      );
    }
    const equalRank = competitionRanks(equal);
    const weightedRank = competitionRanks(weighted);
    for (const r of compared) {
      const unit = String(r.ma_don_vi);
      expect(num(r.diem_binh_quan_deu)).toBeCloseTo(equal.get(unit)!, 12);
      expect(r.hang_binh_quan_deu).toBe(equalRank.get(unit));
      expect(num(r.diem_trong_so_moi)).toBeCloseTo(weighted.get(unit)!, 12);
      expect(r.hang_trong_so_moi).toBe(weightedRank.get(unit));
      expect(r.doi_hang_trong_so_moi).toBe(num(r.hang_chinh_thuc) - num(r.hang_trong_so_moi));
    }

    // The count of units that change rank, per way of weighting.
    const summaryCell = nb.cells.find(
      (c) => c.kind === 'sql' && c.name === undefined && c.sql.includes('so_don_vi_doi_hang'),
    )!;
    const summary = run.byId.get(summaryCell.id)!.rows;
    expect(summary.map((s) => num(s.so_don_vi_doi_hang))).toEqual([
      compared.filter((r) => r.hang_binh_quan_deu !== r.hang_chinh_thuc).length,
      compared.filter((r) => r.hang_trong_so_moi !== r.hang_chinh_thuc).length,
    ]);

    // All weights back to 1, as a reader would edit them: the official ranking comes back.
    const cell = nb.cells.find((c): c is SqlCell => c.kind === 'sql' && c.name === 'trong_so')!;
    const ones = cell.sql.replace(/\b\d+(\.\d+)?\)/g, '1.0)');
    expect(ones).not.toBe(cell.sql);
    const reset = result(await runNotebook(ws, nb, { trong_so: ones }), 'xep_hang_so_sanh');
    for (const r of reset) {
      expect(num(r.diem_trong_so_moi)).toBeCloseTo(num(r.diem_chinh_thuc), 12);
      expect(r.hang_trong_so_moi).toBe(r.hang_chinh_thuc);
      expect(r.doi_hang_trong_so_moi).toBe(0);
    }
  });
});
