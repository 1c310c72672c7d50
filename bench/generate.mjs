// The benchmark's data, made deterministically (seeded PRNG, no Math.random): the framework as a
// JSON file, the national set as one long CSV, one province as a wide XLSX (the government
// layout: titles over the header, measure names as column labels) and one district as a wide
// CSV. Every cell's value depends only on its commune, measure and year, so the three files agree
// wherever they overlap. Run alone: node bench/generate.mjs [dir] (BENCH_SCALE as for run.mjs).
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { prng } from '../scripts/lib/prng.mjs';
import { writeXlsx } from '../scripts/lib/xlsx-writer.mjs';
import { CHOICE_ANSWERS, benchFramework } from './framework.mjs';
import { geography } from './geography.mjs';

export const YEARS = [2020, 2021, 2022, 2023, 2024];
/** Share of cells left empty: real returns have gaps, and the missing-data rule has work. */
const MISSING = 0.02;

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/**
 * One commune's figures for one year, in measure order: text as it would be typed (rates in
 * 0–100 with a decimal point, counts as integers, "có"/"không", titles), null where missing.
 */
export function rowValues(commune, year, measures) {
  const out = new Array(measures.length);
  const byCode = new Map();
  measures.forEach((m, j) => {
    const next = prng((commune.index + 1) * 7_919 + j * 104_729 + year * 31);
    if (next() < MISSING) {
      out[j] = null;
      return;
    }
    // The commune's level, better each year, with noise of its own for each figure.
    const progress = commune.level + 0.04 * (year - 2020) + (next() - 0.5) * 0.2;
    const g = m.gen;
    let v;
    switch (g.type) {
      case 'rate':
        v = (Math.round(clamp(progress - g.difficulty + 0.1, 0, 1) * 1000) / 10).toFixed(1);
        break;
      case 'count':
        v = String(
          g.lower
            ? Math.round((1 - clamp(progress, 0, 1)) * g.max * next())
            : Math.round(clamp(progress, 0, 1.2) * g.max * (0.6 + 0.6 * next())),
        );
        break;
      case 'boolean':
        v = progress > 0.35 + 0.3 * next() ? 'có' : 'không';
        break;
      case 'choice': {
        const pick = next() < 0.5 ? 0 : 1;
        const at = progress > 0.7 ? pick : progress > 0.45 ? 2 + pick : 4 + pick;
        v = CHOICE_ANSWERS[at];
        break;
      }
      case 'denominator':
        v = String(15 + Math.floor(next() * 20));
        break;
      case 'numerator': {
        const all = Number(byCode.get(g.of) ?? 20);
        v = String(Math.round(all * clamp(progress, 0, 1)));
        break;
      }
    }
    byCode.set(m.code, v);
    out[j] = v;
  });
  return out;
}

/** Writes lines through a buffer: 5 million rows never sit in memory as one string. */
function lineWriter(file) {
  const fd = openSync(file, 'w');
  let lines = [];
  const flush = () => {
    if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
    lines = [];
  };
  return {
    push(line) {
      lines.push(line);
      if (lines.length >= 50_000) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/**
 * Long CSV as a database export gives it: one row per commune, year and measure, the commune's
 * code and name and its district's code and name on every row (the app's long shape: unit,
 * parent, year, measure, value). Missing cells are rows left out. Returns the rows written.
 */
function writeLongCsv(file, communes, measures) {
  const out = lineWriter(file);
  out.push('commune_code,commune,district_code,district,year,measure,value');
  let rows = 0;
  for (const c of communes) {
    const unit = `${c.code},${c.name},${c.district.code},${c.district.name}`;
    for (const year of YEARS) {
      const values = rowValues(c, year, measures);
      for (let j = 0; j < measures.length; j++) {
        if (values[j] === null) continue;
        out.push(`${unit},${year},${measures[j].code},${values[j]}`);
        rows++;
      }
    }
  }
  out.close();
  return { rows, observations: rows };
}

/** Wide CSV, one row per commune and year, measure codes as headers (the sample's layout). */
function writeWideCsv(file, communes, measures) {
  const out = lineWriter(file);
  out.push(
    ['commune_code', 'commune', 'district_code', 'district', 'year']
      .concat(measures.map((m) => m.code))
      .join(','),
  );
  let rows = 0;
  let observations = 0;
  for (const c of communes) {
    for (const year of YEARS) {
      const values = rowValues(c, year, measures);
      observations += values.filter((v) => v !== null).length;
      out.push(
        [
          c.code,
          c.name,
          c.district.code,
          c.district.name,
          year,
          ...values.map((v) => v ?? ''),
        ].join(','),
      );
      rows++;
    }
  }
  out.close();
  return { rows, observations };
}

/**
 * Wide XLSX as a province office sends it: title rows, a header of measure names (rates with
 * "(%)"), numbers as number cells, one row per commune and year.
 */
function writeWideXlsx(file, province, communes, measures) {
  const header = ['STT', 'Mã xã', 'Tên xã', 'Mã huyện', 'Tên huyện', 'Năm'].concat(
    measures.map((m) => (m.kind === 'rate' ? `${m.name.vi} (%)` : m.name.vi)),
  );
  const rows = [
    [`UBND ${province.name.toUpperCase()}`],
    [`BIỂU TỔNG HỢP SỐ LIỆU CHUYỂN ĐỔI SỐ CẤP XÃ NĂM ${YEARS[0]}–${YEARS.at(-1)}`],
    [],
    header,
  ];
  let observations = 0;
  for (const c of communes) {
    for (const year of YEARS) {
      const values = rowValues(c, year, measures).map((v, j) =>
        v !== null && (measures[j].kind === 'rate' || measures[j].kind === 'count') ? Number(v) : v,
      );
      observations += values.filter((v) => v !== null).length;
      rows.push([
        rows.length - 3,
        c.code,
        c.name,
        c.district.code,
        c.district.name,
        year,
        ...values,
      ]);
    }
  }
  writeFileSync(file, writeXlsx({ sheets: [{ name: 'Tổng hợp', rows }] }));
  return { rows: rows.length - 4, observations };
}

/**
 * Writes every file into `dir` and describes each: path, size, rows, observations expected,
 * units and the commune, year and measure a what-if edit will change.
 */
export function generate(dir, scale = 1) {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const geo = geography(scale);
  const { framework, measures } = benchFramework();
  const frameworkFile = path.join(dir, `${framework.id}.json`);
  writeFileSync(frameworkFile, JSON.stringify(framework, null, 2));

  // The district: the first with 18–20 communes, like the sample's 19 (else the largest).
  const district =
    geo.districts.find((d) => d.communes.length >= 18 && d.communes.length <= 20) ??
    [...geo.districts].sort((a, b) => b.communes.length - a.communes.length)[0];
  const province = geo.provinces[0];
  const provinceCommunes = geo.communes.filter((c) => c.district.province === province);
  // A rate that a `percent` indicator scores: the what-if value edit changes it.
  const edited = measures.find((m) => m.kind === 'rate');

  const sets = [
    {
      key: 'district',
      label: `district (${district.communes.length} communes, wide CSV)`,
      file: path.join(dir, `huyen-${district.code}-wide.csv`),
      communes: district.communes,
      write: (f, cs) => writeWideCsv(f, cs, measures),
    },
    {
      key: 'province',
      label: `province (${provinceCommunes.length} communes, wide XLSX)`,
      file: path.join(dir, `tinh-${province.code}-wide.xlsx`),
      communes: provinceCommunes,
      write: (f, cs) => writeWideXlsx(f, province, cs, measures),
    },
    {
      key: 'national',
      label: `national (${geo.communes.length} communes, long CSV)`,
      file: path.join(dir, `ca-nuoc-${geo.communes.length}-xa-long.csv`),
      communes: geo.communes,
      write: (f, cs) => writeLongCsv(f, cs, measures),
    },
  ];
  for (const s of sets) {
    const s0 = performance.now();
    Object.assign(s, s.write(s.file, s.communes));
    s.bytes = statSync(s.file).size;
    s.units = s.communes.length;
    s.districts = new Set(s.communes.map((c) => c.district.code)).size;
    s.generatedMs = performance.now() - s0;
    s.edit = { unit: s.communes[0].code, year: YEARS.at(-1), measure: edited.code };
    delete s.write;
    delete s.communes;
  }
  return {
    scale,
    frameworkFile,
    frameworkId: framework.id,
    indicators: framework.indicators.length,
    measures: measures.length,
    weightGroup: framework.mainIndices[0].code,
    weightBase: framework.mainIndices[0].maxPoints,
    counts: {
      provinces: geo.provinces.length,
      districts: geo.districts.length,
      communes: geo.communes.length,
    },
    sets,
    ms: performance.now() - t0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '.data'));
  const made = generate(dir, Number(process.env.BENCH_SCALE ?? 1));
  for (const s of made.sets)
    console.log(
      `${s.label}: ${(s.bytes / 1e6).toFixed(1)} MB, ${s.rows} rows, ${s.observations} observations, ${Math.round(s.generatedMs)} ms → ${s.file}`,
    );
}
