// The tables a load writes: the units, each load, its values with their cells, a form's points,
// a rate's chosen scale and every cell's issue. Only ingest (and undo) write them; scoring reads.

export const INGEST_DDL = [
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
];
