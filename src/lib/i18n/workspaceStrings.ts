// Text of the workspace bar: the engine's memory, its restart, the backup file and the second
// tab's notice. Vietnamese first; every key exists in both languages (checked by the type).
import type { Lang } from './format';

const vi = {
  workspace: 'Dữ liệu làm việc',
  engineMemory: 'Bộ máy DuckDB đang giữ',
  memoryLimit: 'giới hạn',
  pageMemory: 'trang',
  restartEngine: 'Khởi động lại bộ máy',
  restartHint:
    'Giải phóng bộ nhớ: dừng bộ máy DuckDB rồi mở lại dữ liệu đã lưu. Kết quả các ô trong sổ phân tích cần chạy lại.',
  downloadBackup: 'Tải bản sao lưu',
  backupHint:
    'Một tệp .zip chứa mọi tệp đã nạp, cách đọc từng tệp, bộ chỉ số, kế hoạch, thay đổi thử và các sổ phân tích.',
  restoreBackup: 'Khôi phục từ bản sao lưu…',
  restoreTitle: 'Khôi phục bản sao lưu',
  restoreCreated: 'tạo lúc',
  restoreFiles: 'tệp dữ liệu',
  restoreNotebooks: 'sổ phân tích',
  restoreEdits: 'thay đổi thử',
  restoreWarning:
    'Dữ liệu đang dùng sẽ được thay bằng dữ liệu trong bản sao lưu. Sổ phân tích cùng mã được thay bằng bản trong tệp; các sổ khác giữ nguyên. Nếu cần giữ dữ liệu hiện tại, hãy tải bản sao lưu của nó trước.',
  restoreConfirm: 'Khôi phục',
  cancel: 'Hủy',
  takeOver: 'Dùng dữ liệu ở thẻ này',
  takeOverHint: 'Trang sẽ tải lại; thẻ kia thôi lưu.',
  working: 'Đang xử lý…',
};

const en: typeof vi = {
  workspace: 'Workspace',
  engineMemory: 'The DuckDB engine holds',
  memoryLimit: 'limit',
  pageMemory: 'page',
  restartEngine: 'Restart the engine',
  restartHint:
    'Frees memory: stops the DuckDB engine and opens the saved workspace again. Notebook cells need to run again.',
  downloadBackup: 'Download a backup',
  backupHint:
    'One .zip file with every loaded file, how each was read, frameworks, plans, trial changes and notebooks.',
  restoreBackup: 'Restore from a backup…',
  restoreTitle: 'Restore a backup',
  restoreCreated: 'made',
  restoreFiles: 'data file(s)',
  restoreNotebooks: 'notebook(s)',
  restoreEdits: 'trial change(s)',
  restoreWarning:
    'The data in use will be replaced by the data in the backup. Notebooks with the same id are replaced by the copy in the file; other notebooks stay. To keep the current data, download its backup first.',
  restoreConfirm: 'Restore',
  cancel: 'Cancel',
  takeOver: 'Use the workspace in this tab',
  takeOverHint: 'The page reloads; the other tab stops saving.',
  working: 'Working…',
};

type Key = keyof typeof vi;

export function wst(lang: Lang, key: Key): string {
  return lang === 'vi' ? vi[key] : en[key];
}
