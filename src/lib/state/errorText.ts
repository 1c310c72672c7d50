// Any error → the text a person reads, in both languages, naming where it happened.
import { InvalidSpecError } from '../framework/check';
import type { LocalText } from '../framework/types';
import { describeLocation, IngestError } from '../ingest/errors';

const MAX_PROBLEMS = 12;

export function errorText(error: unknown): LocalText {
  if (error instanceof IngestError) {
    return {
      vi: `${describeLocation(error.at, 'vi')}: ${error.text.vi}`,
      en: `${describeLocation(error.at, 'en')}: ${error.text.en}`,
    };
  }
  if (error instanceof InvalidSpecError) return specProblems(error);
  const message = String((error as Error)?.message ?? error);
  if (/out of memory/i.test(message)) {
    return {
      vi: 'Trình duyệt không đủ bộ nhớ cho việc này (khoảng 3 GB cho cơ sở dữ liệu trong trang). Dữ liệu đã nạp và kết quả trước đó vẫn giữ nguyên. Hãy hoàn tác tệp lớn nhất, chia nhỏ dữ liệu, hoặc bấm «Khởi động lại bộ máy» ở cuối trang để giải phóng bộ nhớ.',
      en: 'The browser has not enough memory for this (about 3 GB for the in-page database). What was loaded and the previous results are unchanged. Undo the largest file, split the data, or press “Restart the engine” at the foot of the page to free memory.',
    };
  }
  return { vi: message, en: message };
}

/** The problems of an invalid framework or profile, each with its JSON path. */
function specProblems(e: InvalidSpecError): LocalText {
  const shown = e.problems.slice(0, MAX_PROBLEMS);
  const more = e.problems.length - shown.length;
  const list = (lang: 'vi' | 'en'): string =>
    `${e.what[lang]}: ` +
    shown
      .map((p) => `${p.path || (lang === 'vi' ? '(gốc)' : '(root)')} — ${p.message[lang]}`)
      .join('; ') +
    (more > 0 ? (lang === 'vi' ? `; và ${more} lỗi khác` : `; and ${more} more`) : '');
  return { vi: list('vi'), en: list('en') };
}
