// The workspace tables that ingest writes and the scoring pipeline reads. Only ingest and
// framework registration write to them; everything downstream is rebuilt by the pipeline.

export const WORKSPACE_DDL = [
  `CREATE TABLE IF NOT EXISTS units (
    unit_code VARCHAR PRIMARY KEY,
    unit_name VARCHAR,
    level VARCHAR,
    parent_code VARCHAR,
    parent_name VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS loads (
    load_id INTEGER PRIMARY KEY,
    file_name VARCHAR,
    shape VARCHAR,
    rows_read INTEGER,
    observations INTEGER,
    loaded_at TIMESTAMP DEFAULT current_timestamp,
    -- Loads made together (one drop of several files) share a batch; undo takes back a batch.
    batch INTEGER,
    -- A load replaced by a later batch stays, inactive, so an undo can bring it back.
    active BOOLEAN DEFAULT TRUE,
    replaced_by INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS observations (
    unit_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    measure VARCHAR NOT NULL,
    value DOUBLE,
    text VARCHAR,
    source_file VARCHAR,
    source_sheet VARCHAR,
    source_row INTEGER,
    source_column VARCHAR,
    source_cell VARCHAR,
    load_id INTEGER
  )`,
  // Self-assessment forms: points a unit gave itself and the points the appraisal gave, per
  // indicator, each with its cell; the scoring pipeline sets them beside the computed points.
  `CREATE TABLE IF NOT EXISTS assessments (
    unit_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    indicator VARCHAR NOT NULL,
    indicator_name VARCHAR,
    framework_id VARCHAR,
    max_points DOUBLE,
    self_points DOUBLE,
    appraised_points DOUBLE,
    self_text VARCHAR,
    appraised_text VARCHAR,
    method VARCHAR,
    evidence VARCHAR,
    source_file VARCHAR,
    source_sheet VARCHAR,
    source_row INTEGER,
    self_cell VARCHAR,
    appraised_cell VARCHAR,
    load_id INTEGER
  )`,
  // The scale a person chose for a rate measure of one load (divisor 1: 0–1, 100: 0–100).
  `CREATE TABLE IF NOT EXISTS load_scales (load_id INTEGER, measure VARCHAR, divisor DOUBLE)`,
  // What-if values: a trainer's edits of raw values, over what was loaded (never written into it).
  // `value` is as the measures table holds it (rates 0–1); `edit` is the edit's place in the list.
  `CREATE TABLE IF NOT EXISTS what_if_values (
    unit_code VARCHAR, year INTEGER, measure VARCHAR, value DOUBLE, text VARCHAR, edit INTEGER
  )`,
  // The last scoring's steps: what each ran, its rows and time (a fixed table, refilled, so that
  // logging a replay redefines nothing).
  `CREATE TABLE IF NOT EXISTS pipeline_log (
    ord INTEGER, step VARCHAR, output VARCHAR, rows INTEGER, ms DOUBLE, ran BOOLEAN, sql VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS load_issues (
    load_id INTEGER,
    file VARCHAR,
    sheet VARCHAR,
    row INTEGER,
    col VARCHAR,
    header VARCHAR,
    raw VARCHAR,
    reason VARCHAR
  )`,
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
