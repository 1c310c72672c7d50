// What the person is told about a file's encoding, in both languages and naming the file: rows
// read in another encoding than the rest (so the source export can be fixed), rows the chosen
// encoding cannot read, and lines no encoding can read (the file is refused).
import type { LocalText } from '../framework/types';
import type { EncodingFinding, RowSample, UnreadableLines } from './decodeText';
import { IngestError } from './errors';
import type { LostLetters } from './lostLetters';

/** A finding as the load report carries it: the facts for scripts, the text for people. */
export interface EncodingNote extends EncodingFinding {
  text: LocalText;
}

const NAMES: Record<EncodingFinding['main'], string> = {
  'utf-8': 'UTF-8',
  'windows-1258': 'Windows-1258',
  'windows-1252': 'Windows-1252',
};

/** "4, 7, 12" — or the first ten and "và 15 dòng khác" (" and 15 more") when there are more. */
export function rowList(s: RowSample, lang: 'vi' | 'en'): string {
  const listed = s.rows.join(', ');
  const more = s.count - s.rows.length;
  if (more <= 0) return listed;
  return lang === 'vi'
    ? `${listed} và ${more.toLocaleString('vi-VN')} dòng khác`
    : `${listed} and ${more.toLocaleString('en-US')} more`;
}

const rowsWord = (n: number, lang: 'vi' | 'en'): string =>
  lang === 'vi'
    ? `${n.toLocaleString('vi-VN')} dòng`
    : `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

export function encodingNote(file: string, f: EncodingFinding): EncodingNote {
  return { ...f, text: noteText(file, f) };
}

function noteText(file: string, f: EncodingFinding): LocalText {
  const main = NAMES[f.main];
  const other = NAMES[f.other];
  const vi = { n: rowsWord(f.count, 'vi'), rows: rowList(f, 'vi') };
  const en = {
    n: rowsWord(f.count, 'en'),
    rows: rowList(f, 'en'),
    are: f.count === 1 ? 'is' : 'are',
  };
  switch (f.kind) {
    case 'mixed':
      return {
        vi: `Tệp "${file}" lẫn hai bảng mã: phần lớn là ${main} nhưng ${vi.n} là ${other} (dòng ${vi.rows}). Mỗi dòng đã được đọc theo đúng bảng mã của nó; hãy kiểm tra tên trên các dòng đó và sửa tệp gốc để cả tệp chỉ dùng một bảng mã (nên dùng UTF-8).`,
        en: `The file "${file}" mixes two encodings: mostly ${main}, but ${en.n} ${en.are} ${other} (row${f.count === 1 ? '' : 's'} ${en.rows}). Each row was read in its own encoding; check the names on those rows, and fix the source file so that all of it uses one encoding (preferably UTF-8).`,
      };
    case 'replaced':
      return {
        vi: `Tệp "${file}" được đọc theo ${main} như đã chọn, nhưng ${vi.n} không phải ${main} (có vẻ là ${other}): dòng ${vi.rows}. Chữ không đọc được trên các dòng đó hiện thành "�". Chọn bảng mã "${better(f)}" để đọc đúng.`,
        en: `The file "${file}" was read as ${main} as chosen, but ${en.n} ${en.are} not ${main} (they look like ${other}): row${f.count === 1 ? '' : 's'} ${en.rows}. Letters that could not be read on those rows show as "�". Choose the encoding "${better(f)}" to read them right.`,
      };
    case 'misread':
      return {
        vi: `Tệp "${file}" được đọc theo ${main} như đã chọn, nhưng ${vi.n} là ${other}: dòng ${vi.rows}. Chữ có dấu trên các dòng đó bị đọc sai. Chọn bảng mã "${better(f)}" để đọc đúng.`,
        en: `The file "${file}" was read as ${main} as chosen, but ${en.n} ${en.are} ${other}: row${f.count === 1 ? '' : 's'} ${en.rows}. Accented letters on those rows came out wrong. Choose the encoding "${better(f)}" to read them right.`,
      };
  }
}

/** The reading that would get the listed rows right. */
function better(f: EncodingFinding): string {
  return f.suggested ?? `utf-8+${f.other === 'utf-8' ? f.main : f.other}`;
}

/** The location names the first row; the text adds the others: "this row and 2 more (152, 160)". */
function firstAndOthers(s: RowSample, lang: 'vi' | 'en'): string {
  if (s.count <= 1) return lang === 'vi' ? 'Dòng này' : 'This row';
  const rest = rowList({ rows: s.rows.slice(1), count: s.count - 1 }, lang);
  return lang === 'vi'
    ? `Dòng này và ${rowsWord(s.count - 1, 'vi')} khác (${rest})`
    : `This row and ${(s.count - 1).toLocaleString('en-US')} more (${rest})`;
}

/** Lines that are text in no encoding: the file is refused, naming them. */
export function unreadableLinesError(file: string, e: UnreadableLines): IngestError {
  const s = e.sample;
  const which = { vi: firstAndOthers(s, 'vi'), en: firstAndOthers(s, 'en') };
  return new IngestError(
    'undecodableRows',
    {
      vi: `${which.vi} không đọc được theo UTF-8 hay ${NAMES[e.encoding]}: có dữ liệu nhị phân hoặc byte không thuộc bảng mã nào, tệp có thể bị hỏng ở đó. Không nạp tệp; dữ liệu đã nạp trước đó vẫn giữ nguyên. Hãy xuất lại tệp từ phần mềm gốc.`,
      en: `${which.en} cannot be read as UTF-8 or ${NAMES[e.encoding]}: binary data or bytes no encoding assigns; the file may be damaged there. The file was not loaded; what was loaded before is unchanged. Export the file again from its source.`,
    },
    { file, ...(s.rows[0] === undefined ? {} : { row: s.rows[0] }) },
  );
}

/**
 * A CSV saved in a Western code page from Vietnamese text: its letters are "?" in the file itself,
 * so no encoding can read them. The only fix is to save the sheet again, in UTF-8.
 */
export function lostLettersError(file: string, lost: LostLetters): IngestError {
  const examples = lost.examples.map((w) => `"${w}"`).join(', ');
  return new IngestError(
    'lostLetters',
    {
      vi: `Chữ tiếng Việt trong tệp đã bị mất: chúng thành dấu "?" (ví dụ ${examples}). Tệp CSV đã được lưu bằng bảng mã phương Tây (Windows-1252), không chứa được chữ tiếng Việt, nên không đọc lại được từ tệp này. Dữ liệu đã nạp trước đó vẫn giữ nguyên. Hãy mở bảng gốc và lưu lại thành CSV UTF-8 — Excel: Lưu thành (Save As) → «CSV UTF-8 (Comma delimited) (*.csv)»; LibreOffice: Lưu thành → «Văn bản CSV», chọn «Sửa thiết lập bộ lọc», Bộ ký tự «Unicode (UTF-8)» — hoặc nạp thẳng tệp Excel.`,
      en: `The file's Vietnamese letters are lost: they became "?" (for example ${examples}). The CSV was saved in a Western code page (Windows-1252), which cannot hold Vietnamese letters, so they cannot be read back from this file. What was loaded before is unchanged. Open the original sheet and save it again as UTF-8 CSV — Excel: Save As → “CSV UTF-8 (Comma delimited) (*.csv)”; LibreOffice: Save As → “Text CSV”, tick “Edit filter settings”, Character set “Unicode (UTF-8)” — or load the Excel file itself.`,
    },
    { file, row: lost.row },
  );
}
