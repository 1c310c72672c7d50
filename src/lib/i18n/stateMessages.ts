// The notices the app's state gives — what failed or changed, and what to do — in Vietnamese
// and English, each once: the stores in state/ name them, they do not write them.
import type { LocalText } from './localText';

const both = (vi: string, en: string): LocalText => ({ vi, en });
const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/** Why this tab saves nothing: another tab has the workspace. */
const OPEN_ELSEWHERE = both(
  'Dữ liệu này đang mở ở một thẻ khác. Thẻ này vẫn dùng được nhưng không lưu gì, để không ghi đè lên thẻ kia.',
  'This workspace is open in another tab. This tab still works but saves nothing, so as not to overwrite the other.',
);

export const SAY = {
  engineNotStarted: both(
    'Không khởi động được cơ sở dữ liệu trong trình duyệt',
    'Could not start the in-browser database',
  ),
  engineNotRestarted: both(
    'Không khởi động lại được cơ sở dữ liệu trong trình duyệt',
    'Could not restart the in-browser database',
  ),
  scoringFailed: both('Không chấm điểm được', 'Scoring failed'),
  resultsUnread: both('Không đọc được kết quả chấm điểm', 'Could not read the scoring results'),
  interruptedLoad: (files: readonly string[]): LocalText =>
    both(
      `Lần nạp trước chưa xong thì trang bị đóng: ${quoted(files)} chưa được nạp. Dữ liệu đã có trước đó vẫn còn nguyên; hãy nạp lại tệp này.`,
      `The page closed before the last load finished: ${quoted(files)} did not load. The data loaded before it is intact; load the file again.`,
    ),
  frameworkNotRestored: both('Không khôi phục được bộ chỉ số', 'Could not restore a framework'),
  fileNotRestored: (file: string): LocalText =>
    both(
      `Không khôi phục được tệp "${file}"; bản lưu của tệp vẫn được giữ`,
      `Could not restore "${file}"; its saved copy is kept`,
    ),
  notSaved: both(
    'Không lưu được dữ liệu vào trình duyệt',
    'Could not save the data in the browser',
  ),
  sentFrameworkClash: (id: string): LocalText =>
    both(
      `Tệp gửi kèm có bộ chỉ số "${id}" trùng tên bộ có sẵn: dùng bộ có sẵn`,
      `The file carries a framework "${id}" named like a built-in one: the built-in one is used`,
    ),
  fileNotLoaded: (file: string): LocalText =>
    both(`Không nạp được tệp "${file}"`, `Could not load "${file}"`),
  fileNotReloaded: (file: string): LocalText =>
    both(`Không nạp lại được tệp "${file}"`, `Could not reload "${file}"`),
  notebooksUnread: (ids: readonly string[]): LocalText =>
    both(
      `Không đọc được ${ids.length} sổ phân tích đã lưu (${ids.join(', ')}); dữ liệu của chúng vẫn được giữ trong trình duyệt`,
      `Could not read ${ids.length} saved notebook(s) (${ids.join(', ')}); they are kept in the browser`,
    ),
  notebookFileNotOpened: (file: string): LocalText =>
    both(`Không mở được tệp sổ phân tích "${file}"`, `Could not open the notebook file "${file}"`),
  notebookNotSaved: both('Không lưu được sổ phân tích', 'Could not save the notebook'),
  queryStopped: both('Đã dừng truy vấn theo yêu cầu', 'Query stopped on request'),
  runStopped: both('Chưa chạy: lần chạy đã dừng', 'Not run: the run was stopped'),
  readsFailedCell: (name: string): LocalText =>
    both(
      `Ô "${name}" mà ô này đọc đang lỗi; sửa ô đó trước`,
      `Cell "${name}", which this cell reads, failed; fix it first`,
    ),
  backupNotMade: both('Không tạo được bản sao lưu', 'Could not make the backup'),
  notRestoredHere: (file: string): LocalText =>
    both(
      `Không khôi phục được "${file}" ở thẻ này: ${OPEN_ELSEWHERE.vi}`,
      `Cannot restore "${file}" in this tab: ${OPEN_ELSEWHERE.en}`,
    ),
  notRestoredFrom: (file: string): LocalText =>
    both(`Không khôi phục được từ tệp "${file}"`, `Could not restore from "${file}"`),
  openElsewhere: OPEN_ELSEWHERE,
  storageRefused: both(
    'Trình duyệt không cho lưu dữ liệu (IndexedDB): dữ liệu và sổ phân tích chỉ còn đến khi đóng trang',
    'The browser does not allow storage (IndexedDB): data and notebooks last until the page closes',
  ),
  outOfMemory: both(
    'Trình duyệt không đủ bộ nhớ cho việc này (khoảng 3 GB cho cơ sở dữ liệu trong trang). Dữ liệu đã nạp và kết quả trước đó vẫn giữ nguyên. Hãy hoàn tác tệp lớn nhất, chia nhỏ dữ liệu, hoặc bấm «Khởi động lại bộ máy» ở cuối trang để giải phóng bộ nhớ.',
    'The browser has not enough memory for this (about 3 GB for the in-page database). What was loaded and the previous results are unchanged. Undo the largest file, split the data, or press “Restart the engine” at the foot of the page to free memory.',
  ),
} as const;
