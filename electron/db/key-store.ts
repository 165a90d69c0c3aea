import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { normalizeKey } from './sqlite-driver';

/** The part of Electron's `safeStorage` the key store needs (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const KEY_FILE = 'db-key.bin';
export const KEY_ENV = 'GIOT_HONG_DB_KEY';

export type KeyResult =
  | { key: string; created: boolean }
  | { key: null; reason: 'unavailable' };

/**
 * The database key of this Windows account: 32 random bytes (64 hex digits) generated on the first
 * start and kept in `userData/db-key.bin` only as `safeStorage.encryptString(key)` (DPAPI on
 * Windows), never in clear. When the OS offers no protected storage, there is no key (the database
 * stays plain) and the caller logs a notice. A key file that cannot be decrypted is an error, never
 * silently replaced (a new key would make the existing database unreadable).
 */
export function loadOrCreateKey(userDataDir: string, safeStorage: SafeStorageLike): KeyResult {
  const file = path.join(userDataDir, KEY_FILE);
  if (!safeStorage.isEncryptionAvailable()) return { key: null, reason: 'unavailable' };
  if (fs.existsSync(file)) {
    try {
      return { key: normalizeKey(safeStorage.decryptString(fs.readFileSync(file))), created: false };
    } catch (e) {
      throw new AppError('DB_KEY', `Không đọc được khoá mã hoá dữ liệu (${KEY_FILE}): tệp khoá hỏng hoặc thuộc tài khoản Windows khác. Dữ liệu chỉ mở được trên đúng tài khoản Windows đã tạo ra nó; đừng xoá tệp dữ liệu, hãy liên hệ người quản trị.`, { cause: String(e) });
    }
  }
  const key = crypto.randomBytes(32).toString('hex');
  const sealed = safeStorage.encryptString(key);
  fs.mkdirSync(userDataDir, { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, sealed, { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return { key, created: true };
}

/** The CLI and the Node host: an optional key in GIOT_HONG_DB_KEY (64 hex digits); none = plain. */
export function keyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[KEY_ENV];
  if (!raw || !raw.trim()) return undefined;
  return normalizeKey(raw);
}
