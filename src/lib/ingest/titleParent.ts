// The unit above a table's rows, named in its title rows as offices head their reports:
// "UBND HUYỆN THẠCH THÀNH" over a table of communes. Used when the file has no parent column,
// so that the communes sit under their district and are not buried among another district's.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { Level } from '../framework/types';
import { fold, foldSql } from '../sql/fold';
import { lit } from '../sql/quote';

export interface TitleParent {
  /** The unit as officially written: "Huyện Thạch Thành", "Thành phố Vinh". */
  name: string;
  /** Null for "thành phố", a district-level or a province-level city, until a code says. */
  level: Level | null;
  /** Its official code, when the reference list or a loaded unit knows the name; else null. */
  code: string | null;
}

const HEADING = /^(?:ubnd|uy ban nhan dan)\s+(huyen|quan|thi xa|thanh pho|tinh)\s+(.+)$/;
const LEVEL_OF_KIND: Record<string, Level | null> = {
  huyen: 'huyen',
  quan: 'huyen',
  'thi xa': 'huyen',
  'thanh pho': null,
  tinh: 'tinh',
};

/** "THẠCH THÀNH" → "Thạch Thành": each word capitalised, as proper names are written. */
const properCase = (text: string): string =>
  text
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

/** "THÀNH PHỐ" → "Thành phố": a kind of unit takes a capital on its first word only. */
const kindCase = (text: string): string => {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

/**
 * The unit a title row names as the report's author, from its words alone. A cell may hold more
 * than one heading ("UBND HUYỆN NAM ĐÀN⏎PHÒNG VĂN HÓA …", "… - TỈNH NGHỆ AN"): the first part is it.
 */
export function parentInTitles(titles: readonly string[]): Omit<TitleParent, 'code'> | null {
  for (const title of titles) {
    for (const part of title.split(/\r?\n|\s+[-–—]\s+/)) {
      const text = part.replace(/\s+/g, ' ').trim();
      const m = HEADING.exec(fold(text));
      if (!m) continue;
      // The words as written (marks kept): folding keeps the count of words.
      const words = text.split(' ');
      const nameWords = m[2]!.split(' ').length;
      const kindWords = m[1]!.split(' ').length;
      const kind = words.slice(-nameWords - kindWords, -nameWords).join(' ');
      return {
        name: `${kindCase(kind)} ${properCase(words.slice(-nameWords).join(' '))}`,
        level: LEVEL_OF_KIND[m[1]!] ?? null,
      };
    }
  }
  return null;
}

/**
 * The title's unit with its code, official name and level, when exactly one known unit — in the
 * shipped reference list or loaded — has that name.
 */
export async function findTitleParent(
  engine: Engine,
  titles: readonly string[],
): Promise<TitleParent | null> {
  const found = parentInTitles(titles);
  if (!found) return null;
  const known = toRows(
    await engine.query(`SELECT DISTINCT code, name, level FROM (
      SELECT parent_code AS code, parent_name AS name, 'huyen' AS level FROM ref_units
      UNION ALL SELECT unit_code, unit_name, level FROM units WHERE level IN ('huyen', 'tinh')
    ) WHERE ${foldSql('name')} = ${lit(fold(found.name))}
      ${found.level ? `AND level = ${lit(found.level)}` : ''}`),
  );
  if (known.length !== 1) return { ...found, code: null };
  const [unit] = known;
  return { name: String(unit!.name), level: unit!.level as Level, code: String(unit!.code) };
}
