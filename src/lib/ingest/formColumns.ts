// Columns of the tables whose rows are indicators or targets rather than units: a unit's
// self-assessment form, a framework as provinces publish it, a plan's appendix of targets. Each
// province words its headers its own way ("Điểm tối đa", "Thang điểm", "Điểm chuẩn"; "Cách tính
// điểm", "Phương pháp xác định và cách cho điểm", "Hướng dẫn chấm điểm"; "Điểm tự chấm", "Điểm
// số tự chấm", "Điểm của xã"; "Thẩm định", "Điểm huyện chấm", "Kết quả đánh giá của …"), so a
// header is matched to its role by the words it contains after folding, not by one spelling.
import { fold } from '../sql/fold';
import type { HeaderColumn } from './findLayout';

export type FormRole =
  | 'rowNumber'
  | 'indicatorCode'
  | 'indicatorName'
  | 'group'
  | 'maxPoints'
  | 'method'
  | 'selfPoints'
  | 'appraisedPoints'
  | 'evidence'
  | 'dataSource'
  | 'verifier'
  | 'note'
  | 'targetValue'
  | 'comparator'
  | 'deadline'
  | 'quote';

/** How sure a header's role is: its words say it outright, or only suggest it. */
export type RoleConfidence = 'sure' | 'guess';

interface Meaning {
  role: FormRole;
  /** Words that say the role outright. */
  sure: RegExp;
  /** Words that suggest it, when nothing says another role outright. */
  guess?: RegExp;
  /** Words that rule it out, whatever else the header says. */
  not?: RegExp;
  /** Outranks other roles whose words the header also holds. */
  weight: number;
}

// On folded text: lower case, no diacritics, đ → d, one space between words.
const MEANINGS: Meaning[] = [
  { role: 'rowNumber', sure: /^(stt|tt|so tt|so thu tu|thu tu|no\.?|#)$/, weight: 5 },
  {
    role: 'method',
    // Of scoring, not of collecting data ("Phương pháp thu thập" is a data column).
    sure: /\b(cach (tinh|xac dinh|cham|cho diem|danh gia)|phuong phap (tinh|xac dinh|danh gia|cham|cho diem)|huong dan (cham|tinh|danh gia|xac dinh)|tieu chi cham|cong thuc tinh|method)\b/,
    guess: /\b(yeu cau|quy chuan|dieu kien dat|muc do dat)\b/,
    weight: 4,
  },
  {
    role: 'selfPoints',
    // Points, not a rate that mentions self-assessment ("Tỷ lệ hồ sơ tự đánh giá").
    sure: /^(diem (so )?)?(tu cham|tu danh gia)\b|\bdiem\b.*\btu (cham|danh gia)\b|\bket qua tu (cham|danh gia)\b|^self\b|^diem (so )?(cua )?(xa|phuong|thi tran|don vi|co quan)$|^(xa|don vi) tu cham\b/,
    not: /\b(tham dinh|phuc tra)\b/,
    weight: 3,
  },
  {
    role: 'appraisedPoints',
    // Points, not a count that mentions appraisal ("Số hồ sơ được thẩm định").
    sure: /^(diem (so )?)?(tham dinh|phuc tra)\b|\bdiem\b.*\b(tham dinh|phuc tra)\b|\bket qua (tham dinh|phuc tra)\b|^(huyen|tinh|so|hoi dong) (cham|danh gia)\b|^appraised\b|\bket qua danh gia cua\b|\bdiem danh gia cua\b|\bdiem (duoc )?cong nhan\b|^diem (cua )?(huyen|tinh|hoi dong|doan)$/,
    // "Đơn vị thẩm định" names who appraises (a verifier), not points.
    not: /^(don vi|co quan|to|doan)\b(?!.*\bdiem\b)/,
    weight: 3,
  },
  {
    role: 'maxPoints',
    // Points ("Công suất tối đa" is a data column).
    sure: /\b(diem toi da|thang diem|diem chuan|diem quy dinh|muc diem|khung diem|max points)\b|^(toi da|max)$/,
    guess: /^(so )?diem$/,
    not: /\b(tu cham|tu danh gia|tham dinh|dat duoc)\b/,
    weight: 2,
  },
  {
    role: 'indicatorCode',
    sure: /^(ma|ma so|ma chi so|ma chi tieu|ma tieu chi|ma so lieu|ky hieu|code|indicator code|measure)$/,
    guess: /^(ma|ky hieu)\b/,
    not: /\b(ma (xa|huyen|tinh|don vi|dvhc|phuong|dv))\b/,
    weight: 2,
  },
  {
    role: 'indicatorName',
    // At the head of the header: "Chỉ số/Chỉ số thành phần", "Tên chỉ tiêu", "Nội dung đánh
    // giá" — not a data column's sentence that mentions "chỉ tiêu" on its way.
    sure: /^(ten |cac )?(chi so|chi tieu|tieu chi|noi dung|indicator)\b/,
    not: /\b(ma|ky hieu|phan dau|muc tieu|chinh)\b|\bdiem\b/,
    weight: 1,
  },
  {
    role: 'group',
    sure: /^(nhom|nhom chi so|linh vuc|tru cot|chi so chinh|group)$/,
    guess: /\b(nhom|linh vuc|tru cot)\b/,
    weight: 1,
  },
  {
    role: 'evidence',
    sure: /\b(minh chung|kiem chung|giai trinh|tai lieu|chung minh|evidence|can cu)\b/,
    weight: 2,
  },
  {
    role: 'verifier',
    sure: /\b(phoi hop|xac minh|(don vi|co quan) (tham dinh|danh gia|kiem tra|chu tri)|verif)/,
    weight: 2,
  },
  {
    role: 'dataSource',
    sure: /\b(nguon (thu thap|du lieu|so lieu|cung cap)|(co quan|don vi) cung cap|data source)\b/,
    guess: /^nguon\b/,
    weight: 1,
  },
  { role: 'note', sure: /^(ghi chu|note|notes)\b/, weight: 1 },
  {
    role: 'targetValue',
    sure: /^(chi tieu phan dau|muc tieu|gia tri muc tieu|chi tieu dat|muc phan dau|target|chi tieu (ke hoach|nam))\b/,
    weight: 2,
  },
  { role: 'comparator', sure: /^(so sanh|dieu kien|comparator)$/, weight: 2 },
  {
    role: 'deadline',
    sure: /\b(nam hoan thanh|thoi han|nam dat|deadline|lo trinh|thoi gian hoan thanh)\b/,
    weight: 2,
  },
  { role: 'quote', sure: /\b(trich dan|quote)\b|^nguon$/, weight: 1 },
];

export interface FormRoleMatch {
  role: FormRole;
  confidence: RoleConfidence;
}

/** Folded words of a header, without a trailing unit in brackets ("Điểm tự chấm (điểm)"). */
const wordsOf = (label: string): string =>
  fold(label.replace(/\s*\([^)]*\)\s*$/, '') || label)
    .replace(/[/\\|,;:.*\-–]+$/g, '')
    .replace(/[\n_]+/g, ' ')
    .trim();

/**
 * A pattern for words run together, as a PDF copy leaves them ("Điểmtốiđa", "Cáchxácđịnh…"):
 * the same words without spaces or word boundaries.
 */
const squeezed = (re: RegExp): RegExp => new RegExp(re.source.replace(/ |\\b/g, ''));
const SQUEEZED = new Map(MEANINGS.map((m) => [m, squeezed(m.sure)]));

/** The role the words of one header text say, with how sure; null when none. */
function roleOfWords(label: string): FormRoleMatch | null {
  const words = wordsOf(label);
  const full = fold(label);
  // Only a header with no space at all between its words is read run together.
  const runTogether = words.length > 8 && !words.includes(' ') ? words : null;
  let best: { m: Meaning; sure: boolean } | null = null;
  for (const m of MEANINGS) {
    if (m.not?.test(words) || (runTogether && squeezed(m.not ?? /$^/).test(runTogether))) continue;
    const sure =
      m.sure.test(words) ||
      m.sure.test(full) ||
      (runTogether !== null && SQUEEZED.get(m)!.test(runTogether));
    const guess = !sure && (m.guess?.test(words) ?? false);
    if (!sure && !guess) continue;
    const better =
      !best || (sure && !best.sure) || (sure === best.sure && m.weight > best.m.weight);
    if (better) best = { m, sure };
  }
  return best ? { role: best.m.role, confidence: best.sure ? 'sure' : 'guess' } : null;
}

/**
 * A header's role in an indicator-row table, with how sure it is; null when none is meant. The
 * group label of a two-row header is the context of a bare lower label: "TỰ ĐÁNH GIÁ / Điểm".
 */
export function formRoleOf(column: HeaderColumn): FormRoleMatch | null {
  const own = roleOfWords(column.label);
  if (own?.confidence === 'sure' || column.group === null) return own;
  const inGroup = roleOfWords(`${column.group} ${column.label}`);
  return inGroup?.confidence === 'sure' ? inGroup : own;
}

/** Every role a column of an indicator-row table can have, for the person to choose from. */
export const FORM_ROLES: readonly FormRole[] = [...new Set(MEANINGS.map((m) => m.role))];

/** What a person chose a column to be (by its name), or null: not used. */
export type FormRoleChoices = Readonly<Record<string, FormRole | null>>;

export interface FormColumnRole {
  role: FormRole | null;
  /** Said outright by the header, only suggested by it, or chosen by the person. */
  how: RoleConfidence | 'person';
}

/**
 * The role of each column: the person's choice where they made one, else what the header says.
 * One column per role: a person's choice first, then the first column holding it.
 */
export function formColumnRoles(
  columns: readonly HeaderColumn[],
  chosen: FormRoleChoices = {},
): FormColumnRole[] {
  const byPerson = new Set(Object.values(chosen).filter((r) => r !== null));
  const taken = new Set<FormRole>();
  return columns.map((c) => {
    if (c.name in chosen) {
      const role = chosen[c.name] ?? null;
      if (role) taken.add(role);
      return { role, how: 'person' };
    }
    const match = formRoleOf(c);
    if (!match || byPerson.has(match.role) || taken.has(match.role))
      return { role: null, how: 'sure' };
    taken.add(match.role);
    return { role: match.role, how: match.confidence };
  });
}

/** Column index of each form role found. */
export function formColumns(
  columns: readonly HeaderColumn[],
  chosen: FormRoleChoices = {},
): Partial<Record<FormRole, number>> {
  const found: Partial<Record<FormRole, number>> = {};
  formColumnRoles(columns, chosen).forEach((c, i) => {
    if (c.role) found[c.role] = i;
  });
  return found;
}
