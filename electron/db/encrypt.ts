import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { openSqlite, rekey } from './sqlite-driver';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's plain-text header (an encrypted file starts with random salt). */
export function isPlaintextDatabase(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Encrypts an existing plain database file in place with `key` (no connection may be open on it).
 * Rekeying needs a rollback journal: WAL is checkpointed and switched off, the file rekeyed, WAL
 * switched back on (when it was on). Then the file is reopened with the key and checked; a failure leaves a clear error.
 */
export function encryptDatabase(file: string, key: string): void {
  if (!isPlaintextDatabase(file)) {
    throw new AppError('DB_ENCRYPT', `Tệp "${path.basename(file)}" không phải tệp dữ liệu chưa mã hoá, nên không mã hoá lại. Tệp không bị thay đổi.`);
  }
  const db = openSqlite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const mode = String(db.pragma('journal_mode', { simple: true }));
    db.pragma('journal_mode = DELETE');
    rekey(db, key);
    if (mode === 'wal') db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new AppError('DB_ENCRYPT', `Không mã hoá được tệp dữ liệu "${path.basename(file)}" (tệp đang được dùng hoặc ổ đĩa lỗi). Hãy đóng các chương trình khác rồi mở lại Giọt Hồng.`, { cause: String(e) });
  } finally {
    db.close();
  }
  const check = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  try {
    const rows = check.pragma('quick_check(1)') as { quick_check: string }[];
    if (rows[0]?.quick_check !== 'ok' || isPlaintextDatabase(file)) throw new Error('verify');
  } catch (e) {
    throw new AppError('DB_ENCRYPT', `Tệp dữ liệu "${path.basename(file)}" sau khi mã hoá không kiểm tra được. Hãy khôi phục từ bản sao lưu.`, { cause: String(e) });
  } finally {
    check.close();
  }
}
