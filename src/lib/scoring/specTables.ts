// A validated framework, catalog or target profile → SQL that (re)writes its rows in the
// workspace metadata tables, so the pipeline and the notebook can join on names and points.
import { peerGroupOf, ruleParameters, ruleRows, ruleText } from '../rules/registry';
import { lit } from '../sql/quote';
import type { Framework, Indicator, MeasureDef, TargetProfile } from '../framework/types';

type Cell = string | number | boolean | null | undefined;

function insert(table: string, rows: Cell[][]): string[] {
  if (rows.length === 0) return [];
  return [
    `INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n')}`,
  ];
}

export function totalMax(fw: Framework): number {
  return fw.mainIndices.filter((m) => m.scored).reduce((s, m) => s + m.maxPoints, 0);
}

/** Weight of a group (pillar or main index) under the framework's aggregation, if it has one. */
function weightOf(fw: Framework, by: 'pillar' | 'mainIndex', code: string): number | null {
  const agg = fw.aggregation;
  if (agg.method === 'weighted' && agg.by === by) return agg.weights[code] ?? null;
  if (agg.method === 'points' && agg.weights && by === 'mainIndex')
    return agg.weights[code] ?? fw.mainIndices.find((m) => m.code === code)?.maxPoints ?? null;
  return null;
}

const FRAMEWORK_TABLES = [
  'fw_frameworks',
  'fw_pillars',
  'fw_main_indices',
  'fw_indicators',
  'fw_indicator_measures',
  'fw_rule_tiers',
  'fw_rule_choices',
  'fw_rule_parts',
  'fw_bands',
];

/** fw_indicators' rule parameters: full_at, worst, best, peers, clip (NULL where not of the kind). */
function parameterCells(x: Indicator): Cell[] {
  const p = ruleParameters(x.rule);
  return [p.fullAt ?? null, p.worst ?? null, p.best ?? null, p.peers ?? null, p.clip ?? null];
}

/** Takes a framework out of the tables (a sheet framework whose load was undone). */
export function removeFrameworkSql(id: string): string[] {
  return FRAMEWORK_TABLES.map((t) => `DELETE FROM ${t} WHERE framework_id = ${lit(id)}`);
}

/**
 * Writes the groups' weights alone, for a framework whose tables hold it already with other
 * weights (a what-if weight): rewriting every table would cost more than the re-score.
 */
export function frameworkWeightsSql(fw: Framework): string[] {
  // One statement per table (each is a round trip to the engine's worker in the page).
  const set = (table: string, key: string, by: 'pillar' | 'mainIndex', codes: string[]) =>
    codes.length === 0
      ? []
      : [
          `UPDATE ${table} SET weight = w.weight::DOUBLE
           FROM (VALUES ${codes.map((c) => `(${lit(c)}, ${lit(weightOf(fw, by, c))})`).join(', ')}) w(code, weight)
           WHERE ${table}.framework_id = ${lit(fw.id)} AND ${table}.${key} = w.code`,
        ];
  return [
    ...set(
      'fw_pillars',
      'pillar',
      'pillar',
      fw.pillars.map((p) => p.code),
    ),
    ...set(
      'fw_main_indices',
      'main_index',
      'mainIndex',
      fw.mainIndices.map((m) => m.code),
    ),
  ];
}

/** `measures`: every measure known, so rule texts name measures in words. */
export function frameworkTablesSql(
  fw: Framework,
  measures: readonly MeasureDef[] = fw.measures,
): string[] {
  const id = fw.id;
  const names = new Map([...measures, ...fw.measures].map((m) => [m.code, m.name]));
  const rules = fw.indicators.map((x) => ({ x, rows: ruleRows(x.rule, x.maxPoints) }));
  return [
    ...removeFrameworkSql(id),
    ...insert('fw_frameworks', [
      [
        id,
        fw.title.vi,
        fw.title.en,
        fw.decision,
        fw.level,
        fw.illustrative,
        totalMax(fw),
        fw.aggregation.method,
        fw.missing.policy,
      ],
    ]),
    ...insert(
      'fw_pillars',
      fw.pillars.map((p, i) => [
        id,
        p.code,
        p.name.vi,
        p.name.en,
        weightOf(fw, 'pillar', p.code),
        i,
      ]),
    ),
    ...insert(
      'fw_main_indices',
      fw.mainIndices.map((m, i) => [
        id,
        m.code,
        m.name.vi,
        m.name.en,
        m.maxPoints,
        m.scored,
        m.pillar,
        weightOf(fw, 'mainIndex', m.code),
        i,
      ]),
    ),
    ...insert(
      'fw_indicators',
      fw.indicators.map((x, i) => {
        const words = ruleText(x, (code) => names.get(code));
        return [
          id,
          x.code,
          x.name.vi,
          x.name.en,
          x.mainIndex,
          x.maxPoints,
          x.rule.kind,
          x.direction,
          words.vi,
          words.en,
          peerGroupOf(x.rule) !== null,
          i,
          ...parameterCells(x),
        ];
      }),
    ),
    ...insert(
      'fw_indicator_measures',
      fw.indicators.flatMap((x) => x.measures.map((m, slot) => [id, x.code, slot + 1, m])),
    ),
    ...insert(
      'fw_rule_tiers',
      rules.flatMap(({ x, rows }) =>
        (rows.tiers ?? []).map((t) => [id, x.code, t.at, t.fraction, t.strict]),
      ),
    ),
    ...insert(
      'fw_rule_choices',
      rules.flatMap(({ x, rows }) =>
        (rows.choices ?? []).map((c) => [id, x.code, c.folded, c.fraction]),
      ),
    ),
    ...insert(
      'fw_rule_parts',
      rules.flatMap(({ x, rows }) =>
        (rows.parts ?? []).map((p) => [id, x.code, p.slot, p.share, p.test, p.testValue]),
      ),
    ),
    ...insert(
      'fw_bands',
      fw.bands.map((b, i) => [id, b.code, b.name.vi, b.name.en, b.min, i]),
    ),
  ];
}

/** Measures known to the app; a later definition of a code replaces an earlier one. */
export function measureCatalogSql(measures: readonly MeasureDef[]): string[] {
  const byCode = new Map(measures.map((m) => [m.code, m]));
  return [
    'DELETE FROM measure_catalog',
    ...insert(
      'measure_catalog',
      [...byCode.values()].map((m) => [
        m.code,
        m.kind,
        m.scale ?? 'auto',
        m.unit ?? null,
        m.name.vi,
        m.name.en,
        m.direction ?? 'higher',
      ]),
    ),
  ];
}

export function removeProfileSql(id: string): string[] {
  return [
    `DELETE FROM tp_profiles WHERE profile_id = ${lit(id)}`,
    `DELETE FROM tp_targets WHERE profile_id = ${lit(id)}`,
  ];
}

export function targetProfileTablesSql(p: TargetProfile): string[] {
  return [
    ...removeProfileSql(p.id),
    ...insert('tp_profiles', [
      [
        p.id,
        p.title.vi,
        p.title.en,
        p.unit.code,
        p.unit.name,
        p.plan.year,
        p.baselineYear ?? null,
        p.plan.source,
      ],
    ]),
    ...insert(
      'tp_targets',
      p.targets.map((t, i) => [
        p.id,
        t.id,
        t.measure,
        t.comparator,
        t.value,
        t.high ?? null,
        t.deadline,
        t.quote,
        t.section ?? null,
        i,
      ]),
    ),
  ];
}
