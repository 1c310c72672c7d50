// What the first screen says while the engine starts, and of the results it shows meanwhile.
import { formatNumber, type Lang } from './format';
import type { LocalText } from './localText';

/** Where the start has come: the engine's download, the empty workspace, the data, the scores. */
export type StartStep =
  | { step: 'engine'; bytes: number }
  | { step: 'workspace' }
  | { step: 'restore'; files: number }
  | { step: 'sample' }
  | { step: 'score' };

const megabytes = (bytes: number, lang: Lang): string =>
  `${formatNumber(bytes / 1024 ** 2, lang, 1)} MB`;

export function startText(s: StartStep, lang: Lang): string {
  const vi = lang === 'vi';
  switch (s.step) {
    case 'engine':
      return s.bytes === 0
        ? vi
          ? 'Đang tải bộ máy tính toán DuckDB (lần đầu khoảng 6–8 MB qua mạng; các lần sau trình duyệt dùng bản đã lưu)…'
          : 'Downloading the DuckDB engine (about 6–8 MB over the network the first time; the browser keeps it for later visits)…'
        : vi
          ? `Đang tải và dịch bộ máy tính toán DuckDB: đã nhận ${megabytes(s.bytes, lang)} (khoảng 34 MB khi giải nén)…`
          : `Downloading and compiling the DuckDB engine: ${megabytes(s.bytes, lang)} received (about 34 MB unpacked)…`;
    case 'workspace':
      return vi
        ? 'Đang mở cơ sở dữ liệu và các bộ chỉ số…'
        : 'Opening the database and the frameworks…';
    case 'restore':
      return vi
        ? `Đang đọc lại ${formatNumber(s.files, lang)} tệp đã lưu trong trình duyệt…`
        : `Reading the ${formatNumber(s.files, lang)} saved file(s) again…`;
    case 'sample':
      return vi ? 'Đang nạp dữ liệu mẫu…' : 'Loading the sample data…';
    case 'score':
      return vi ? 'Đang tính điểm…' : 'Scoring…';
  }
}

/** Above results shown before the engine has scored them again. */
export function provisionalNote(scoredAt: string | null, lang: Lang): string {
  if (scoredAt === null)
    return lang === 'vi'
      ? 'Kết quả tính sẵn của dữ liệu mẫu. Trang sẽ tự tính lại khi bộ máy tính toán sẵn sàng; các chức năng khác mở ra sau đó.'
      : 'Precomputed results of the sample data. The page scores them again once the engine is ready; everything else opens then.';
  const when = new Date(scoredAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return lang === 'vi'
    ? `Kết quả lần tính trước (${when}), chưa tính lại. Trang đang tính lại từ dữ liệu đã lưu; các chức năng khác mở ra khi xong.`
    : `Results as last scored (${when}), not yet scored again. The page is scoring the saved data again; everything else opens when it is done.`;
}

export const FIRST_OF: LocalText = {
  vi: 'Hiện {shown} / {total} đơn vị đứng đầu.',
  en: 'Showing the top {shown} of {total} units.',
};
