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

/**
 * A fault of the machine rather than of the data (full disk, a database locked by another program,
 * a read-only or damaged file, a file name too long): its own Vietnamese message that says what to
 * do. Null for anything else (a bug), which the caller reports as unexpected.
 */
export function environmentError(e: unknown, unchanged = 'Dữ liệu không bị thay đổi.'): AppError | null {
  if (isAppError(e)) return e;
  const code = codeOf(e);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT' || code === 'EFBIG') {
    return new AppError('DISK_FULL', `Ổ đĩa chứa dữ liệu Giọt Hồng đã đầy nên không ghi được. Hãy xoá bớt tệp không cần (thùng rác, tệp tải về) để giải phóng dung lượng rồi thử lại. ${unchanged}`, { code });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return new AppError('DB_LOCKED', `Tệp dữ liệu đang bị một chương trình khác khoá (một cửa sổ Giọt Hồng thứ hai, phần mềm sao lưu hay diệt virus đang quét). Hãy đóng chương trình đó, đợi vài giây rồi thử lại. ${unchanged}`, { code });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('READ_ONLY', `Không có quyền ghi vào tệp dữ liệu (thư mục chỉ đọc hoặc thiếu quyền). Hãy mở Giọt Hồng bằng tài khoản có quyền ghi, hoặc chuyển dữ liệu sang thư mục khác. ${unchanged}`, { code });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', 'Tệp dữ liệu bị hỏng. Hãy đóng Giọt Hồng và mở lại: màn hình khôi phục sẽ đề nghị bản sao lưu tốt gần nhất.', { code });
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new AppError('DISK_ERROR', `Lỗi đọc/ghi ổ đĩa (ổ đĩa hoặc USB có thể đang hỏng hay vừa bị rút ra). Hãy kiểm tra ổ đĩa rồi thử lại; nên sao lưu dữ liệu sang ổ khác ngay. ${unchanged}`, { code });
  }
  if (code === 'ENAMETOOLONG') {
    return new AppError('NAME_TOO_LONG', `Tên tệp hoặc đường dẫn quá dài. Hãy đổi tên tệp ngắn hơn (dưới 100 ký tự) hoặc chuyển nó vào thư mục nông hơn rồi thử lại. ${unchanged}`, { code });
  }
  return null;
}
