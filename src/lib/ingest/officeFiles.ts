// What each office format is called — in the load report and in the messages about a file that
// cannot be opened — and those messages: a damaged file, a password, an old Word document. The
// library's own words (English, technical) go in the error's `technical` detail, never into the
// sentence a person reads.
import type { LocalText } from '../framework/types';
import { IngestError } from './errors';
import type { WorkbookFormat } from './workbook';

/** The format as the load report names it. */
export const FORMAT_NAMES: Record<WorkbookFormat, LocalText> = {
  xlsx: { vi: 'Excel', en: 'Excel' },
  xlsb: { vi: 'Excel (.xlsb)', en: 'Excel (.xlsb)' },
  xls: { vi: 'Excel 97–2003', en: 'Excel 97–2003' },
  ods: { vi: 'OpenDocument', en: 'OpenDocument' },
  fods: { vi: 'OpenDocument (XML)', en: 'OpenDocument (XML)' },
  html: { vi: 'Bảng HTML', en: 'HTML table' },
  docx: { vi: 'Word', en: 'Word' },
};

/** The file as a message's subject: "Tệp Excel 97–2003" / "The Excel 97–2003 file". */
function subject(format: WorkbookFormat): LocalText {
  if (format === 'docx') return { vi: 'Văn bản Word', en: 'The Word document' };
  if (format === 'html') return { vi: 'Tệp bảng HTML', en: 'The HTML table file' };
  const name = FORMAT_NAMES[format];
  return { vi: `Tệp ${name.vi}`, en: `The ${name.en} file` };
}

/** What to save the file as again, in the program that made it. */
const RESAVE: LocalText = {
  vi: 'mở tệp bằng Excel (hoặc LibreOffice), lưu lại thành .xlsx rồi nạp lại',
  en: 'open it in Excel (or LibreOffice), save it again as .xlsx and load that',
};

export function damagedFile(file: string, format: WorkbookFormat, reason: string): IngestError {
  const what = subject(format);
  return new IngestError(
    format === 'docx' ? 'corruptDocx' : format === 'xlsx' ? 'corruptXlsx' : 'corruptWorkbook',
    {
      vi: `${what.vi} bị hỏng hoặc không đầy đủ (có thể tải về chưa xong), không mở được. Dữ liệu đã nạp trước đó vẫn giữ nguyên. Hãy xin lại tệp, hoặc ${format === 'docx' ? 'mở bằng Word và lưu lại thành .docx' : RESAVE.vi}.`,
      en: `${what.en} is damaged or incomplete (perhaps not fully downloaded) and cannot be opened. What was loaded before is unchanged. Ask for the file again, or ${format === 'docx' ? 'open it in Word and save it again as .docx' : RESAVE.en}.`,
    },
    { file },
    reason,
  );
}

/** Any workbook that needs a password to open: .xlsx, .xls and .ods alike. */
export function protectedWorkbook(file: string): IngestError {
  return new IngestError(
    'passwordProtected',
    {
      vi: 'Tệp được đặt mật khẩu nên ứng dụng không đọc được. Dữ liệu đã nạp trước đó vẫn giữ nguyên. Hãy mở tệp bằng Excel (hoặc LibreOffice) với mật khẩu, bỏ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu; LibreOffice: Lưu thành, bỏ chọn «Lưu với mật khẩu»), lưu lại rồi nạp lại tệp.',
      en: 'The file is password-protected, so the app cannot read it. What was loaded before is unchanged. Open it in Excel (or LibreOffice) with its password, remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; LibreOffice: Save As, untick “Save with password”), save it again and load it again.',
    },
    { file },
  );
}

/** A Word 97–2003 document (.doc): the same container as an .xls, but no table to read in it. */
export function legacyWordDocument(file: string): IngestError {
  return new IngestError(
    'legacyDoc',
    {
      vi: 'Đây là văn bản Word 97–2003 (.doc): ứng dụng đọc bảng trong văn bản Word dạng .docx. Hãy mở tệp bằng Word (hoặc LibreOffice), lưu thành «Word Document (.docx)» rồi nạp tệp .docx.',
      en: 'This is a Word 97–2003 document (.doc): the app reads tables in Word documents saved as .docx. Open it in Word (or LibreOffice), save it as “Word Document (.docx)” and load the .docx.',
    },
    { file },
  );
}
