import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { BackupFile } from './backup-store';

/**
 * The renderer never sends a path to main (issue 16, item 10). Main hands out opaque ids instead:
 * a random token per backup file it listed, and per file or folder the clerk chose in main's own
 * dialog. Only main maps a token back to a path; a token it never gave out is refused.
 */
const files = new Map<string, string>();
const folders = new Map<string, string>();
/** The same path keeps its id while the app runs, so a list reloaded keeps its rows' ids. */
const fileIds = new Map<string, string>();
const folderIds = new Map<string, string>();

function newToken(): string {
  return randomBytes(18).toString('base64url'); // 24 characters, [A-Za-z0-9_-]
}

function idFor(kind: Map<string, string>, ids: Map<string, string>, target: string): string {
  const abs = path.resolve(target);
  const known = ids.get(abs);
  if (known) return known;
  const id = newToken();
  kind.set(id, abs);
  ids.set(abs, id);
  return id;
}

export function backupFileId(file: string): string {
  return idFor(files, fileIds, file);
}

export function backupFolderId(folder: string): string {
  return idFor(folders, folderIds, folder);
}

export function fileOfBackupId(id: string): string {
  const file = files.get(id);
  if (!file) {
    throw new AppError('BACKUP_ID_UNKNOWN', 'Không tìm thấy bản sao lưu đã chọn (danh sách có thể đã cũ). Hãy tải lại danh sách hoặc chọn lại tệp. Dữ liệu hiện tại không bị thay đổi.');
  }
  return file;
}

export function folderOfBackupId(id: string): string {
  const folder = folders.get(id);
  if (!folder) {
    throw new AppError('BACKUP_ID_UNKNOWN', 'Thư mục đã chọn không còn hiệu lực. Hãy bấm "Chọn thư mục…" để chọn lại. Dữ liệu hiện tại không bị thay đổi.');
  }
  return folder;
}

/** A backup as the renderer sees it: an id instead of the file's path. */
export interface BackupEntry {
  id: string;
  name: string;
  reason: string;
  createdAt: string;
  size: number;
}

export function toBackupEntry(b: BackupFile): BackupEntry {
  return { id: backupFileId(b.file), name: b.name, reason: b.reason, createdAt: b.createdAt, size: b.size };
}

/**
 * Main's file and folder dialogs. Electron registers `dialog.showOpenDialog` (electron/main.ts);
 * the Node host registers its stand-in (electron/host/pick-stand-in.ts). null = the clerk cancelled.
 */
export interface BackupPicker {
  chooseFolder(): Promise<string | null>;
  chooseFile(): Promise<string | null>;
}

let picker: BackupPicker | null = null;

export function setBackupPicker(p: BackupPicker | null): void {
  picker = p;
}

function currentPicker(): BackupPicker {
  if (!picker) throw new AppError('NO_DIALOG', 'Chức năng chọn tệp/thư mục không có trong cách chạy này của ứng dụng. Dữ liệu hiện tại không bị thay đổi.');
  return picker;
}

export async function chooseBackupFolder(): Promise<{ id: string; label: string } | null> {
  const folder = await currentPicker().chooseFolder();
  return folder ? { id: backupFolderId(folder), label: path.resolve(folder) } : null;
}

export async function chooseBackupFile(): Promise<{ id: string; name: string } | null> {
  const file = await currentPicker().chooseFile();
  return file ? { id: backupFileId(file), name: path.basename(file) } : null;
}
