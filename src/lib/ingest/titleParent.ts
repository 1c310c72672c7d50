// The unit above a table's rows, named in its title rows as offices head their reports:
// "UBND HUYỆN THẠCH THÀNH" over a table of communes. Used when the file has no parent column,
// so that the communes sit under their district and are not buried among another district's.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { Level } from '../framework/types';
import { fold, foldSql } from '../sql/fold';
import { lit } from '../sql/quote';

export interface TitleParent {
  /** The unit as officially written: "Huyện Thạch Thành". */
  name: string;
  level: Level;
  /** Its official code, when the reference list or a loaded unit knows the name; else null. */
  code: string | null;
}

const HEADING = /^(?:ubnd|uy ban nhan dan)\s+(huyen|quan|thi xa|thanh pho|tinh)\s+(.+?)\s*$/;

/** "THẠCH THÀNH" → "Thạch Thành": each word capitalised, as unit names are written. */
const titleCase = (text: string): string =>
  text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

/** The unit a title row names as the report's author, from its words alone. */
export function parentInTitles(titles: readonly string[]): Omit<TitleParent, 'code'> | null {
  for (const title of titles) {
    const text = title.replace(/\s+/g, ' ').trim();
    const m = HEADING.exec(fold(text));
    if (!m) continue;
    // The unit as written (marks kept): as many words from the end as were matched.
    const words = text.split(' ');
    const n = m[2]!.split(' ').length + m[1]!.split(' ').length;
    return {
      name: titleCase(words.slice(-n).join(' ')),
      level: m[1] === 'tinh' ? 'tinh' : 'huyen',
    };
  }
  return null;
}

/** The title's unit with its code, when exactly one known unit of that level has its name. */
export async function findTitleParent(
  engine: Engine,
  titles: readonly string[],
): Promise<TitleParent | null> {
  const found = parentInTitles(titles);
  if (!found) return null;
  const name = lit(fold(found.name));
  const rows = toRows(
    await engine.query(`SELECT DISTINCT code FROM (
      SELECT parent_code AS code, parent_name AS name FROM ref_units
      UNION ALL SELECT unit_code, unit_name FROM units WHERE level = ${lit(found.level)}
    ) WHERE ${foldSql('name')} = ${name}`),
  );
  return { ...found, code: rows.length === 1 ? String(rows[0]!.code) : null };
}
