// The tables scoring owns besides its steps' outputs: the measure catalog, frameworks and target
// profiles as data (written by specTables.ts), and the last run's log of steps.

export const SPEC_DDL = [
  `CREATE TABLE IF NOT EXISTS measure_catalog (
    measure VARCHAR PRIMARY KEY,
    kind VARCHAR,
    scale VARCHAR,
    unit VARCHAR,
    name_vi VARCHAR,
    name_en VARCHAR,
    direction VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS fw_frameworks (
    framework_id VARCHAR PRIMARY KEY,
    title_vi VARCHAR,
    title_en VARCHAR,
    decision VARCHAR,
    level VARCHAR,
    illustrative BOOLEAN,
    total_max DOUBLE,
    aggregation VARCHAR,
    missing_policy VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS fw_pillars (
    framework_id VARCHAR, pillar VARCHAR, name_vi VARCHAR, name_en VARCHAR, weight DOUBLE, ord INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS fw_main_indices (
    framework_id VARCHAR, main_index VARCHAR, name_vi VARCHAR, name_en VARCHAR,
    max_points DOUBLE, scored BOOLEAN, pillar VARCHAR, weight DOUBLE, ord INTEGER
  )`,
  // An indicator's rule is data: its kind and direction, the parameters of its kind here (NULL
  // where the kind has none: `full_at` for percent, `worst`/`best` for goalpost, `peers` for
  // minmax and zscore, `clip` for zscore), and its lists in the fw_rule_* tables below.
  `CREATE TABLE IF NOT EXISTS fw_indicators (
    framework_id VARCHAR, indicator VARCHAR, name_vi VARCHAR, name_en VARCHAR, main_index VARCHAR,
    max_points DOUBLE, rule VARCHAR, direction VARCHAR, rule_vi VARCHAR, rule_en VARCHAR,
    relative BOOLEAN, ord INTEGER,
    full_at DOUBLE, worst DOUBLE, best DOUBLE, peers VARCHAR, clip DOUBLE
  )`,
  // Tiers: one row per threshold (a tier's `at`; of two tiers at one, the first listed);
  // `fraction` is the tier's points as a share of the indicator's max points; a `strict` tier
  // is reached only past its threshold ("trên 80 %").
  `CREATE TABLE IF NOT EXISTS fw_rule_tiers (
    framework_id VARCHAR, indicator VARCHAR, threshold DOUBLE, fraction DOUBLE, strict BOOLEAN
  )`,
  // Choices: one row per accepted answer, folded (sql/fold.ts); an answer listed by two options
  // belongs to the first.
  `CREATE TABLE IF NOT EXISTS fw_rule_choices (
    framework_id VARCHAR, indicator VARCHAR, folded_match VARCHAR, fraction DOUBLE
  )`,
  // Parts: one row per part, on the slot of the measure it reads (as in fw_indicator_measures);
  // `test` is yes, atLeast or atMost, `test_value` the bound of the last two.
  `CREATE TABLE IF NOT EXISTS fw_rule_parts (
    framework_id VARCHAR, indicator VARCHAR, slot INTEGER, share DOUBLE, test VARCHAR,
    test_value DOUBLE
  )`,
  `CREATE TABLE IF NOT EXISTS fw_indicator_measures (
    framework_id VARCHAR, indicator VARCHAR, slot INTEGER, measure VARCHAR
  )`,
  // position: the band's place in the framework's list, lowest first (its colour on screen).
  `CREATE TABLE IF NOT EXISTS fw_bands (
    framework_id VARCHAR, band VARCHAR, name_vi VARCHAR, name_en VARCHAR, min DOUBLE,
    position INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS tp_profiles (
    profile_id VARCHAR PRIMARY KEY, title_vi VARCHAR, title_en VARCHAR, unit_code VARCHAR,
    unit_name VARCHAR, plan_year INTEGER, baseline_year INTEGER, source VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS tp_targets (
    profile_id VARCHAR, target_id VARCHAR, measure VARCHAR, comparator VARCHAR, value DOUBLE,
    high DOUBLE, deadline INTEGER, quote VARCHAR, section VARCHAR, ord INTEGER
  )`,
];

export const PIPELINE_LOG_DDL = [
  // The last scoring's steps: what each ran, its rows and time (a fixed table, refilled, so that
  // logging a replay redefines nothing).
  `CREATE TABLE IF NOT EXISTS pipeline_log (
    ord INTEGER, step VARCHAR, output VARCHAR, rows INTEGER, ms DOUBLE, ran BOOLEAN, sql VARCHAR
  )`,
];
