import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors/app-error';

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
}

/**
 * Turns a file-system or SQLite failure while writing `target` into a Vietnamese AppError that says
 * what happened and what to do. `unchanged` tells the clerk their data was not touched.
 */
export function fileError(e: unknown, target: string, action: string, unchanged = 'Dữ liệu hiện tại không bị thay đổi.'): AppError {
  if (isAppError(e)) return e;
  const code = codeOf(e);
  const where = `"${target}"`;
  const name = path.basename(target);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT' || code === 'EFBIG') {
    return new AppError('DISK_FULL', `Không ${action} được: ổ đĩa chứa ${where} đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ/USB khác rồi thử lại. ${unchanged}`, { code });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_AUTH') {
    return new AppError('READ_ONLY', `Không ${action} được: không có quyền ghi vào ${where} (thư mục chỉ đọc, USB bị khoá ghi hoặc không có quyền). Hãy chọn thư mục khác hoặc mở khoá ghi rồi thử lại. ${unchanged}`, { code });
  }
  if (code === 'EBUSY' || code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('FILE_LOCKED', `Không ${action} được: tệp "${name}" đang bị một chương trình khác sử dụng (bị khoá). Hãy đóng các chương trình khác (kể cả cửa sổ Giọt Hồng thứ hai) rồi thử lại. ${unchanged}`, { code });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('NOT_FOUND', `Không ${action} được: không tìm thấy ${where}. Hãy kiểm tra lại đường dẫn (USB đã cắm chưa?). ${unchanged}`, { code });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('FILE_CORRUPT', `Không ${action} được: tệp "${name}" bị hỏng hoặc không phải tệp dữ liệu Giọt Hồng. ${unchanged}`, { code });
  }
  return new AppError('FILE_IO', `Không ${action} được do lỗi đọc/ghi tệp ${where}. Hãy thử lại; nếu lỗi lặp lại hãy chọn ổ/thư mục khác. ${unchanged}`, { code });
}
