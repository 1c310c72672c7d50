// Files that hold no table the app can read, each told what it is and what to load instead.
// The file's name is the message's location (every notice starts with it), not in its text.
import { IngestError } from './errors';

/**
 * A file that is not a table at all. A PDF gets its own message: decisions and forms are often
 * sent as PDF, whose tables are lines of text placed on a page, not cells — the Word or Excel
 * copy the office worked from holds the same table as cells.
 */
export function notATable(file: string, what: string): IngestError {
  const at = { file };
  if (what === 'PDF') {
    return new IngestError(
      'pdf',
      {
        vi: `Đây là tệp PDF: ứng dụng không đọc PDF, vì bảng trong PDF chỉ là chữ đặt trên trang, không còn ô, dòng, cột. Hãy xin bản Word (.docx) hoặc Excel (.xlsx) của quyết định/biểu mẫu (bản cơ quan ban hành dùng để soạn) và nạp bản đó.`,
        en: `This is a PDF: the app does not read PDF, because a table in a PDF is only text placed on a page, with no cells, rows or columns left. Ask for the Word (.docx) or Excel (.xlsx) copy of the decision or form (the one the issuing office drafted it in) and load that.`,
      },
      at,
    );
  }
  return new IngestError(
    'binary',
    {
      vi: `Tệp không phải bảng tính CSV, Excel hay văn bản Word (nội dung là ${what === 'binary' ? 'dữ liệu nhị phân' : `ảnh/tệp ${what}`}), dù tên tệp nói gì.`,
      en: `The file is not a CSV or Excel spreadsheet or a Word document (its content is ${what === 'binary' ? 'binary data' : `a ${what} file`}), whatever its name says.`,
    },
    at,
  );
}

/** A Word document without a table: the framework may be a scanned image, or in another file. */
export function noTableInDocument(file: string): IngestError {
  return new IngestError(
    'noTableInDocx',
    {
      vi: `Văn bản Word không có bảng nào. Bộ chỉ số thường nằm trong phụ lục kèm theo quyết định: hãy nạp tệp phụ lục có bảng. Nếu bảng trong văn bản là ảnh chụp/ảnh quét, hãy xin bản Word hoặc Excel có bảng thật, hoặc chép bảng sang Excel rồi nạp tệp Excel.`,
      en: `The Word document holds no table. A framework is usually in the annex that comes with the decision: load the annex file that holds the table. If the table in the document is a photo or scan, ask for a Word or Excel copy with a real table, or type the table into Excel and load that.`,
    },
    { file },
  );
}
