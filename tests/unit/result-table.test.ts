// How query results read in the notebook's result table and its exports, on real DuckDB results.
import { tableFromArrays, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { startNodeEngine } from '../../src/lib/db/nodeEngine';
import {
  cellText,
  columnWidths,
  columnsOf,
  exportRows,
  kindLabel,
  valueAt,
  type ResultColumn,
} from '../../src/lib/notebook/cellValue';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

/** Every cell of the first row as text, by column name. */
function firstRowText(table: Table, lang: 'vi' | 'en'): Record<string, string> {
  return Object.fromEntries(
    columnsOf(table).map((c, i) => [c.name, cellText(valueAt(table.getChildAt(i), 0), c, lang)]),
  );
}

const MIXED = `SELECT 1234567.5::DOUBLE a, DATE '2024-01-15' d, TIMESTAMP '2024-01-15 08:30:00' ts,
  NULL::INT n, true b, [1,2] l, {'k': 1} s, 'Xã Nam Xuân' t, sum(x) h
  FROM (VALUES (1),(2)) v(x)`;

describe('result columns', () => {
  it('names each column with its kind and says which are numeric', async () => {
    const columns = columnsOf(await engine.query(MIXED));
    expect(columns.map((c) => [c.name, c.kind, c.numeric])).toEqual([
      ['a', 'number', true],
      ['d', 'date', false],
      ['ts', 'timestamp', false],
      ['n', 'number', true],
      ['b', 'boolean', false],
      ['l', 'list', false],
      ['s', 'struct', false],
      ['t', 'text', false],
      ['h', 'number', true],
    ]);
    expect(columns[1]!.type).toBe('Date32<DAY>');
    expect(columns.map((c) => kindLabel(c, 'vi'))).toEqual([
      'số',
      'ngày',
      'ngày giờ',
      'số',
      'đúng/sai',
      'danh sách',
      'bản ghi',
      'chữ',
      'số',
    ]);
    expect(kindLabel(columns[7]!, 'en')).toBe('text');
  });

  it('labels a type without a reading of its own by its Arrow type', async () => {
    const [blob] = columnsOf(await engine.query(`SELECT 'abc'::BLOB AS b`));
    expect(kindLabel(blob!, 'vi')).toBe('Binary');
  });
});

describe('cell text', () => {
  it('reads every kind of value in Vietnamese', async () => {
    expect(firstRowText(await engine.query(MIXED), 'vi')).toEqual({
      a: '1.234.567,5',
      d: '15/01/2024',
      ts: '15/01/2024 08:30:00',
      n: '',
      b: 'đúng',
      l: '[1, 2]',
      s: "{'k': 1}",
      t: 'Xã Nam Xuân',
      h: '3',
    });
  });

  it('reads every kind of value in English', async () => {
    expect(firstRowText(await engine.query(MIXED), 'en')).toEqual({
      a: '1,234,567.5',
      d: '2024-01-15',
      ts: '2024-01-15 08:30:00',
      n: '',
      b: 'true',
      l: '[1, 2]',
      s: "{'k': 1}",
      t: 'Xã Nam Xuân',
      h: '3',
    });
  });

  it('shows up to six fraction digits, and very large or small numbers in scientific notation', async () => {
    const table = await engine.query(
      `SELECT 1/3 third, 42 whole, -0.5 half, 12345678901234567890123::HUGEINT huge,
        0.000000123 tiny, 'NaN'::DOUBLE nan, 'inf'::DOUBLE inf, 7::TINYINT small, 0.0 zero`,
    );
    expect(firstRowText(table, 'vi')).toEqual({
      third: '0,333333',
      whole: '42',
      half: '-0,5',
      huge: '1,234568E22',
      tiny: '1,23E-7',
      nan: 'NaN',
      inf: '∞',
      small: '7',
      zero: '0',
    });
    expect(firstRowText(table, 'en')).toMatchObject({ third: '0.333333', huge: '1.234568E22' });
  });

  it('reads dates, times and timestamps of every precision as written, not shifted to a zone', async () => {
    const table = await engine.query(
      `SELECT DATE '1960-03-04' AS early, TIMESTAMP '2024-12-31 23:59:59.5' half,
        TIMESTAMP_MS '2024-01-15 08:30:00.123' ms, TIMESTAMP_NS '2024-01-15 08:30:00.123456789' ns,
        TIMESTAMP_S '2024-01-15 08:30:00' s, TIMESTAMPTZ '2024-01-15 08:30:00+07' tz,
        TIME '08:30:01' t, TIME '24:00:00' midnight, 'infinity'::DATE forever`,
    );
    expect(firstRowText(table, 'vi')).toEqual({
      early: '04/03/1960',
      half: '31/12/2024 23:59:59.5',
      ms: '15/01/2024 08:30:00.123',
      ns: '15/01/2024 08:30:00.123',
      s: '15/01/2024 08:30:00',
      tz: '15/01/2024 01:30:00 UTC',
      t: '08:30:01',
      midnight: '24:00:00',
      forever: 'infinity',
    });
    expect(firstRowText(table, 'en')).toMatchObject({
      early: '1960-03-04',
      tz: '2024-01-15 01:30:00 UTC',
    });
  });

  it('writes nested values as DuckDB literals, with plain numbers and ISO dates inside', async () => {
    const table = await engine.query(
      `SELECT ['a', NULL, 'it''s'] texts, [[1.5::DOUBLE, 2], [3]] nested, [DATE '2024-01-02'] dates,
        {'k': [1], 'd': DATE '2024-01-02', 'x': NULL::INT} st, [{'a': 1234.5::DOUBLE}] AS records,
        MAP {'a': 1} m, [true, false] flags, ARRAY_VALUE(1, 2) fixed, []::INT[] empty`,
    );
    const texts = firstRowText(table, 'vi');
    expect(texts).toEqual({
      texts: "['a', NULL, 'it''s']",
      nested: '[[1.5, 2], [3]]',
      dates: '[2024-01-02]',
      st: "{'k': [1], 'd': 2024-01-02, 'x': NULL}",
      records: "[{'a': 1234.5}]",
      m: "{'a': 1}",
      flags: '[true, false]',
      fixed: '[1, 2]',
      empty: '[]',
    });
    expect(firstRowText(table, 'en')).toEqual(texts);
  });

  it('reads ENUM labels as text', async () => {
    const table = await engine.query(`SELECT 'x'::ENUM('x', 'y') e`);
    expect(columnsOf(table)[0]!.kind).toBe('text');
    expect(firstRowText(table, 'vi')).toEqual({ e: 'x' });
  });

  it('folds HUGEINT words and BigInt into numbers', () => {
    const [column] = columnsOf(tableFromArrays({ h: new Float64Array([0]) }));
    const minusFive = new Uint32Array([0xfffffffb, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(cellText(new Uint32Array([6, 0, 0, 0]), column!, 'vi')).toBe('6');
    expect(cellText(minusFive, column!, 'vi')).toBe('-5');
    expect(cellText(new Uint32Array([0, 1, 0, 0]), column!, 'vi')).toBe('4.294.967.296');
    expect(cellText(12345678901n, column!, 'en')).toBe('12,345,678,901');
  });

  it('reads a BIGINT column of a table built in JS, and text, booleans and NULLs', () => {
    const table = tableFromArrays({
      big: new BigInt64Array([9007199254740993n, -2n]),
      name: ['Phường 1', 'x'],
      ok: [false, true],
    });
    const columns = columnsOf(table);
    expect(columns.map((c) => c.kind)).toEqual(['number', 'text', 'boolean']);
    expect(firstRowText(table, 'vi')).toEqual({
      big: '9.007.199.254.740.992',
      name: 'Phường 1',
      ok: 'sai',
    });
    expect(cellText(null, columns[1]!, 'vi')).toBe('');
    expect(cellText(undefined, columns[0]!, 'en')).toBe('');
  });

  it('reads an unreadable value as ? instead of throwing', async () => {
    const table = await engine.query(`SELECT 'infinity'::TIMESTAMP ts`);
    const [column] = columnsOf(table);
    expect(() => table.getChildAt(0)!.get(0)).toThrow();
    expect(cellText(valueAt(table.getChildAt(0), 0), column!, 'vi')).toBe('?');
    expect(exportRows(table, columnsOf(table))).toEqual([['?']]);
  });

  it('keeps an empty string apart from NULL', async () => {
    const table = await engine.query(`SELECT '' e, NULL::VARCHAR n`);
    expect(valueAt(table.getChildAt(0), 0)).toBe('');
    expect(valueAt(table.getChildAt(1), 0)).toBeNull();
  });
});

describe('export rows', () => {
  it('exports raw values: numbers as numbers, dates as ISO text, nested values as literals', async () => {
    const table = await engine.query(MIXED);
    expect(exportRows(table, columnsOf(table))).toEqual([
      [
        1234567.5,
        '2024-01-15',
        '2024-01-15 08:30:00',
        null,
        true,
        '[1, 2]',
        "{'k': 1}",
        'Xã Nam Xuân',
        3,
      ],
    ]);
  });

  it('exports what a spreadsheet cannot hold as a number as text, and zoned times with Z', async () => {
    const table = await engine.query(
      `SELECT 'NaN'::DOUBLE nan, '-inf'::DOUBLE inf, TIMESTAMPTZ '2024-01-15 08:30:00+00' tz,
        TIME '08:30:01.25' t, 'it''s' q`,
    );
    expect(exportRows(table, columnsOf(table))).toEqual([
      ['NaN', '-Infinity', '2024-01-15 08:30:00Z', '08:30:01.25', "it's"],
    ]);
  });

  it('exports every row of a result that arrives in many batches', async () => {
    const table = await engine.query(
      `SELECT i, 'u' || i AS code, CASE WHEN i % 2 = 0 THEN NULL ELSE i * 0.5 END AS half
       FROM range(100000) r(i)`,
    );
    expect(table.batches.length).toBeGreaterThan(1);
    const rows = exportRows(table, columnsOf(table));
    expect(rows).toHaveLength(100_000);
    expect(rows[0]).toEqual([0, 'u0', null]);
    expect(rows[99_999]).toEqual([99_999, 'u99999', 49_999.5]);
  });
});

describe('column widths', () => {
  it('fits the header and the sampled values, within bounds', async () => {
    const table = await engine.query(
      `SELECT 1 AS x, repeat('a', 100) AS long, 'Xã' AS a_rather_long_column_name, 5 AS n`,
    );
    const widths = columnWidths(table, columnsOf(table), 'vi');
    expect(widths).toEqual([4, 40, 26, 4]);
  });

  it('measures a large result quickly, from a sample', async () => {
    const table = await engine.query(
      `SELECT i, i * 1.5 AS d, DATE '2024-01-01' + (i % 365)::INT AS day, 'row ' || i AS t
       FROM range(100000) r(i)`,
    );
    const columns: ResultColumn[] = columnsOf(table);
    const widths = columnWidths(table, columns, 'en');
    expect(widths[2]).toBe(11);
  });
});

describe('whole numbers', () => {
  it('years and small counts stay ungrouped; larger numbers are grouped by language', () => {
    const [column] = columnsOf(tableFromArrays({ x: new Float64Array([0]) }));
    expect(cellText(2024, column!, 'vi')).toBe('2024');
    expect(cellText(2024, column!, 'en')).toBe('2024');
    expect(cellText(12345, column!, 'vi')).toBe('12.345');
    expect(cellText(12345, column!, 'en')).toBe('12,345');
    expect(cellText(2024.5, column!, 'vi')).toBe('2.024,5');
  });
});
