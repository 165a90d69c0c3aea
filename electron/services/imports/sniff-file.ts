/** Decides what a file really is from its first bytes, whatever its name says. */
import { AppError } from '../../../shared/errors/app-error';
import { IMPORT_LIMITS } from './limits';
import { isUtf16Text } from './read-csv';

export type FileKind = 'xlsx' | 'xls' | 'csv';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE container holding "EncryptionInfo" is an Office file protected by a password. */
function isEncryptedCfb(buf: Buffer): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return buf.indexOf(needle) >= 0;
}

function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return bad <= n * 0.01;
}

export function sniffFile(fileName: string, buf: Buffer): FileKind {
  if (buf.length === 0) throw new AppError('EMPTY_FILE', `Tệp "${fileName}" rỗng (0 byte). Hãy kiểm tra lại tệp đơn vị gửi.`);
  if (buf.length > IMPORT_LIMITS.maxFileBytes) {
    throw new AppError('FILE_TOO_LARGE', `Tệp "${fileName}" quá lớn (${Math.round(buf.length / 1048576)} MB). Một danh sách đăng ký thường dưới 5 MB; hãy chia nhỏ tệp.`);
  }
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (isEncryptedCfb(buf)) {
      throw new AppError('ENCRYPTED', `Tệp "${fileName}" được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu và nhập lại.`);
    }
    return 'xls'; // also an .xls renamed .xlsx: read for what it is
  }
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if ((ext === 'csv' || ext === 'txt') && (isUtf16Text(buf) || looksLikeText(buf))) return 'csv';
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm') {
    throw new AppError('NOT_SPREADSHEET', `Tệp "${fileName}" có đuôi .${ext} nhưng nội dung không phải bảng tính Excel (có thể bị hỏng hoặc đổi tên). Hãy mở bằng Excel và lưu lại.`);
  }
  throw new AppError('NOT_SPREADSHEET', `Tệp "${fileName}" không phải bảng tính (.xlsx, .xls) hay tệp .csv. Hãy chọn đúng tệp danh sách đăng ký.`);
}
