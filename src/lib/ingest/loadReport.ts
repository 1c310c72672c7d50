// What a load tells the person: how the file was read, what went where, what was skipped and
// which cells could not be read. One shape for every kind of table.
import type { SheetRuleSource } from './frameworkFromSheet';
import type { SheetSource } from './sheetReview';
import type { Framework, LocalText, TargetProfile } from '../framework/types';
import type { CellIssue } from './cellIssues';
import type { ColumnRole, MatchedBy } from './columnRoles';
import type { HeaderKind, MatchCandidate } from './measureMatch';
import type { ColumnMapping } from './columnMapping';
import type { TextEncodingName } from './decodeText';
import type { EncodingNote } from './encodingNote';
import type { FormRole, FormRoleChoices } from './formColumns';
import type { DecimalMark } from './numbersSql';
import type { Shape } from './shape';
import type { RateScaleReport } from './rateScales';
import type { SkippedRow } from './staged';
import type { WorkbookFormat } from './workbook';

export type { CellIssue, IssueReason } from './cellIssues';

export interface ColumnReport {
  header: string;
  column: string;
  /** What the column holds: a unit/measure role in data tables, a form role in forms. */
  role: ColumnRole['role'] | FormRole;
  measure?: string;
  /** How the column was matched to the catalog: by code, by name, guessed, by the person, or not. */
  matchedBy?: MatchedBy;
  /** For a rate's count: which side of the rate `measure` the column is. */
  part?: 'numerator' | 'denominator';
  /** What the header says the column holds: a rate, a count, or it does not say. */
  kind?: HeaderKind;
  /** The catalog measures the header's words suggest, best first (measure columns only). */
  candidates?: MatchCandidate[];
  /** The first values of the column, as written, for the person to recognise it by. */
  samples?: string[];
  decimalMark?: DecimalMark;
  /** A form role the header only suggests: shown so, for the person to confirm or change. */
  guessed?: boolean;
}

export interface MeasureName {
  label: string;
  measure: string;
  matchedBy: 'name' | 'guess';
}

export interface LoadReport {
  file: string;
  loadId: number;
  /** The drop this load belongs to (the first load's id); set by the workspace. */
  batch?: number;
  sheet: string | null;
  /** All sheets of the workbook (empty for CSV), so another can be chosen. */
  sheets: string[];
  /** The office format the sheet was read from (Excel, Excel 97–2003, OpenDocument …); null for text. */
  format: WorkbookFormat | null;
  encoding: TextEncodingName | null;
  /**
   * Rows read in another encoding than the rest of the file (a mixed file), or that the chosen
   * encoding cannot read: which rows, and what to tell the person.
   */
  encodingNote?: EncodingNote;
  delimiter: string | null;
  shape: Shape;
  /** The shape found from the header, whatever the person chose. */
  detectedShape: Shape;
  headerRows: number[];
  year: number | null;
  yearSource: 'column' | 'fileName' | 'sheet' | 'title';
  rowsRead: number;
  units: number;
  observations: number;
  columns: ColumnReport[];
  /** How each rate measure's values are read: 0–1 or 0–100, and who decided. */
  rateScales: RateScaleReport[];
  /** Measures the catalog does not know (loaded anyway, under the key shown). */
  unknownMeasures: string[];
  /** A long table's measures written as names: the measure each was read as, and how. */
  measureNames?: MeasureName[];
  /** Every row not read as data, with why: titles, numbering, blank, totals, notes, no code. */
  skippedRows: SkippedRow[];
  /** The same unit, year and measure given more than once in this file: the last row counts. */
  duplicates: { unit: string; year: number; measure: string; rows: number[] }[];
  issues: CellIssue[];
  /** The header signature, under which a confirmed mapping is remembered. */
  signature: string;
  /** The person's choices applied to this load (column name → measure, or null: not loaded). */
  mapping: ColumnMapping;
  /** The parent of every unit, named in the title rows (the file had no parent column). */
  parentFromTitle?: string;
  /** A self-assessment form: the unit it is about and where its name was read. */
  subject?: { unitCode: string; unitName: string; from: 'title' | 'fileName' | 'person' };
  /** Roles the person chose for columns of a form, framework or targets table (by name). */
  formRoles?: FormRoleChoices;
  /**
   * A form whose indicators a framework knows: that framework, and how many indicators the
   * form gave self-assessed and appraised points for (loaded as the measures the framework
   * scored from forms reads).
   */
  assessed?: { framework: string; self: number; appraised: number };
  /** A framework read from a sheet: registered under this id, with how each rule was found. */
  framework?: {
    definition: Framework;
    rules: SheetRuleSource[];
    /** What the framework was built from, to rebuild it with a person's corrections. */
    sheet: SheetSource;
    /** Where the table's own figures disagree (a section's max ≠ the sum under it). */
    doubts: { row: number; message: LocalText }[];
  };
  /** A plan's targets read from a sheet: registered as a target profile. */
  profile?: { definition: TargetProfile };
}

/** What a shape's loader returns; the dispatcher adds the detected shape, the workspace the batch. */
export type LoadResult = Omit<LoadReport, 'detectedShape' | 'batch'>;
