// Who and when a one-unit form is about. Forms name their commune and year only in the title
// rows ("BẢNG TỰ ĐÁNH GIÁ … NĂM 2024 — XÃ KHÁNH SƠN", "UBND HUYỆN NAM ĐÀN") or in the file
// name; the name is matched to official units (the shipped reference list and units already
// loaded) and never guessed: no match or several is a clear refusal.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { fold, foldSql } from '../sql/fold';
import { lit } from '../sql/quote';
import { IngestError } from './errors';
import { yearInWords } from './yearOf';

export interface FormSubject {
  unit: {
    code: string;
    name: string;
    level: string | null;
    parentCode: string | null;
    parentName: string | null;
  };
  year: number;
  /** Where each was read: the rows above the table, the file or sheet name, or the person. */
  unitFrom: 'title' | 'fileName' | 'person';
  yearFrom: 'title' | 'fileName' | 'sheet';
}

/** Folded text as space-separated words, so a name is found only as whole words. */
const words = (text: string): string =>
  ` ${fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
const wordsSql = (expr: string): string =>
  `(' ' || trim(regexp_replace(${foldSql(expr)}, '[^a-z0-9]+', ' ', 'g')) || ' ')`;
const BARE_NAME = `regexp_replace(${foldSql('unit_name')}, '^(xa|phuong|thi tran|dac khu) ', '')`;

export async function formSubject(
  engine: Engine,
  titles: string[],
  file: string,
  sheet: string | null,
  unitCode?: string,
): Promise<FormSubject> {
  const at = { file, ...(sheet ? { sheet } : {}) };
  const year = yearOfForm(titles, file, sheet, at);
  const title = words(titles.join(' '));
  const fileWords = words(file.replace(/\.[a-z0-9]+$/i, ''));
  const candidates = `SELECT unit_code, unit_name, level, parent_code, parent_name FROM ref_units
    UNION SELECT unit_code, unit_name, level, parent_code, parent_name FROM units WHERE unit_name IS NOT NULL`;
  // "Mã xã: 17986" in a title names the unit by its code: no name to match.
  const coded = unitCode ?? codeInTitles(titles);
  if (coded !== undefined) {
    const [u] = toRows(
      await engine.query(`SELECT * FROM (${candidates}) WHERE unit_code = ${lit(coded)} LIMIT 1`),
    );
    return {
      unit: u
        ? subjectUnit(u)
        : { code: coded, name: coded, level: null, parentCode: null, parentName: null },
      year: year.value,
      unitFrom: unitCode !== undefined ? 'person' : 'title',
      yearFrom: year.from,
    };
  }
  // Full names with their kind in the titles ("xa khanh son"); else bare names in the file name
  // ("tu-danh-gia-khanh-son-2024"). A district named in the titles narrows the search.
  const hits = toRows(
    await engine.query(`
      WITH c AS (${candidates}),
      inTitle AS (SELECT *, 'title' AS src FROM c WHERE contains(${lit(title)}, ${wordsSql('unit_name')})),
      inFile AS (SELECT *, 'fileName' AS src FROM c
        WHERE NOT EXISTS (SELECT 1 FROM inTitle) AND contains(${lit(fileWords)}, ' ' || ${BARE_NAME} || ' ')),
      hits AS (SELECT * FROM inTitle UNION ALL SELECT * FROM inFile),
      sameDistrict AS (SELECT * FROM hits WHERE parent_name IS NOT NULL AND contains(${lit(title)}, ${wordsSql('parent_name')}))
      SELECT DISTINCT unit_code, unit_name, level, parent_code, parent_name, src FROM sameDistrict
      UNION ALL
      SELECT DISTINCT unit_code, unit_name, level, parent_code, parent_name, src FROM hits WHERE NOT EXISTS (SELECT 1 FROM sameDistrict)
      ORDER BY unit_code`),
  );
  const found = mostSpecific(hits, titles);
  if (found.length === 1) {
    return {
      unit: subjectUnit(found[0]!),
      year: year.value,
      unitFrom: found[0]!.src === 'title' ? 'title' : 'fileName',
      yearFrom: year.from,
    };
  }
  if (found.length === 0) {
    throw new IngestError(
      'noFormUnit',
      {
        vi: 'Không xác định được phiếu này của xã nào: tiêu đề và tên tệp không có tên xã nào trong danh sách đơn vị. Hãy ghi tên xã vào tiêu đề (ví dụ "UBND XÃ KIM LIÊN") hoặc vào tên tệp.',
        en: 'Cannot tell which commune this form is about: neither its titles nor its file name hold a known unit name. Put the commune’s name in a title row (e.g. "UBND XÃ KIM LIÊN") or in the file name.',
      },
      at,
    );
  }
  const list = found
    .map((u) => `${String(u.unit_name)} (${String(u.unit_code)}, ${String(u.parent_name ?? '?')})`)
    .join('; ');
  throw new IngestError(
    'ambiguousFormUnit',
    {
      vi: `Tên đơn vị trong phiếu khớp với nhiều đơn vị: ${list}. Hãy ghi rõ huyện trong tiêu đề.`,
      en: `The form’s unit name matches several units: ${list}. Name the district in a title row.`,
    },
    at,
  );
}

/**
 * Of several names found, the ones meant: a name inside a longer one found too is not meant
 * ("xã Tịnh Ấn" within "XÃ TỊNH ẤN ĐÔNG"), and names written with their exact diacritics win
 * over names that only match without them (Thanh Mỹ / Thành Mỹ).
 */
function mostSpecific(
  hits: Record<string, unknown>[],
  titles: string[],
): Record<string, unknown>[] {
  const key = (u: Record<string, unknown>): string => words(String(u.unit_name));
  const longest = hits.filter(
    (h) => !hits.some((o) => o !== h && key(o) !== key(h) && key(o).includes(key(h))),
  );
  const written = ` ${titles.join(' ').normalize('NFC').toLowerCase().replace(/\s+/g, ' ')} `;
  const exact = longest.filter((h) =>
    written.includes(String(h.unit_name).normalize('NFC').toLowerCase()),
  );
  return exact.length > 0 ? exact : longest;
}

function subjectUnit(u: Record<string, unknown>): FormSubject['unit'] {
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    code: String(u.unit_code),
    name: String(u.unit_name),
    level: str(u.level),
    parentCode: str(u.parent_code),
    parentName: str(u.parent_name),
  };
}

/** The form's year: as a table's (yearOf.ts), or the form cannot be placed. */
function yearOfForm(
  titles: string[],
  file: string,
  sheet: string | null,
  at: { file: string; sheet?: string },
): { value: number; from: FormSubject['yearFrom'] } {
  const found = yearInWords(titles, file, sheet);
  if (found && 'value' in found) return found;
  throw new IngestError(
    'noYear',
    {
      vi: 'Không xác định được năm của phiếu: ghi "NĂM 2024" trong tiêu đề hoặc năm trong tên tệp.',
      en: 'No year found for the form: write "NĂM 2024" in a title row or the year in the file name.',
    },
    at,
  );
}

/** A unit code written in the titles: "Mã xã: 17986", "Mã đơn vị hành chính 17986". */
function codeInTitles(titles: readonly string[]): string | undefined {
  const m =
    /\bma (?:so )?(?:xa|phuong|don vi|dvhc|don vi hanh chinh|huyen|tinh)\s*[:：.]?\s*(\d{2,5})\b/.exec(
      fold(titles.join(' ')),
    );
  return m?.[1];
}
