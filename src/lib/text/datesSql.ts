// Cell text → DATE in SQL. Vietnamese dates are day first: "15/01/2025", "5/2/2024",
// "20-03-2024", "01.04.2024"; ISO "2024-06-30" (how workbook date cells arrive) is read too.
// A two-digit year or an impossible day ("31/02/2024") is not a date.

const DAY_FIRST = '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}';
const ISO = '\\d{4}-\\d{2}-\\d{2}';

export function parseDateSql(text: string): string {
  const t = `trim(${text})`;
  return `(CASE WHEN regexp_full_match(${t}, '${DAY_FIRST}|${ISO}')
    THEN try_strptime(${t}, ['%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y', '%Y-%m-%d'])::DATE END)`;
}
