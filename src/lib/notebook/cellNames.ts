// A cell's name becomes a temporary table the later cells select from, so it must be a plain
// SQL name that cannot shadow the workspace's own tables or read as a keyword.
import type { LocalText } from '../framework/types';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Words a name cannot be: it would read as SQL, not as the cell. */
const KEYWORDS = new Set(
  (
    'all and any as asc between by case cast collate column constraint create cross current ' +
    'default delete desc describe distinct do drop else end except exists explain false fetch ' +
    'for from full group having ilike in inner insert intersect into is join lateral left like ' +
    'limit natural not null offset on or order outer over partition pivot qualify right select ' +
    'semi anti set show summarize table then to true union unpivot update using values when ' +
    'where window with'
  ).split(' '),
);

/** Why `name` cannot name a cell, or null. `taken` holds the other cells' names, lower case. */
export function nameProblem(name: string, taken: ReadonlySet<string>): LocalText | null {
  if (!NAME.test(name))
    return {
      vi: `tên "${name}" chỉ được gồm chữ không dấu, số và "_", bắt đầu bằng chữ`,
      en: `name "${name}" may hold only letters a–z, digits and "_", starting with a letter`,
    };
  const lower = name.toLowerCase();
  // Unnamed results are __cell_<id>; loading a file stages it as raw_load_<n>.
  const reserved = ['__', 'raw_load_'].find((p) => lower.startsWith(p));
  if (reserved)
    return {
      vi: `tên bắt đầu bằng "${reserved}" được dành riêng`,
      en: `names starting with "${reserved}" are reserved`,
    };
  if (KEYWORDS.has(lower))
    return { vi: `"${name}" là từ khóa SQL`, en: `"${name}" is an SQL keyword` };
  if (taken.has(lower))
    return { vi: `tên "${name}" đã dùng cho ô khác`, en: `name "${name}" is used by another cell` };
  return null;
}

/** A name the workspace already uses for a table or view (checked against the live catalog). */
export function shadowsWorkspace(
  name: string,
  workspaceTables: ReadonlySet<string>,
): LocalText | null {
  return workspaceTables.has(name.toLowerCase())
    ? {
        vi: `tên "${name}" trùng với bảng "${name}" của dữ liệu; hãy đặt tên khác`,
        en: `name "${name}" is a table of the workspace; choose another`,
      }
    : null;
}
