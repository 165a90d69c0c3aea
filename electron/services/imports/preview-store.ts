/** Previews waiting for the clerk's decision, kept in memory (with the file bytes) until commit or discard. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import type { ImportDraft, ImportPreview } from '../../../shared/ipc/channels/imports';
import type { ColumnMapping } from '../../../shared/domain/import/types';
import type { ParsedFile } from './parse-file';

export interface StoredPreview {
  preview: ImportPreview;
  data: Buffer;
  /** Mappings chosen per sheet, re-applied on remap. */
  mappings: Record<string, ColumnMapping>;
  createdAt: number;
  parsed: ParsedFile;
  /** Ignored rows the clerk turned back into people, per sheet (1-based rows). */
  restored?: Record<string, number[]>;
  /** The clerk's pending choices (unit, exclusions, edits), kept until commit or discard. */
  draft?: ImportDraft;
}

const MAX_AGE_MS = 6 * 3600_000;
const store = new Map<string, StoredPreview>();

export function newPreviewId(): string {
  return randomUUID();
}

export function putPreview(p: StoredPreview): void {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const [id, v] of store) if (v.createdAt < cutoff) store.delete(id);
  store.set(p.preview.id, p);
}

export function getPreview(id: string): StoredPreview {
  const p = store.get(id);
  if (!p) throw new AppError('PREVIEW_NOT_FOUND', 'Bản xem trước này không còn (ứng dụng đã khởi động lại hoặc đã ghi xong). Hãy chọn lại tệp để nhập.');
  return p;
}

/** Previews still waiting for the clerk, oldest first. */
export function listPreviews(): StoredPreview[] {
  const cutoff = Date.now() - MAX_AGE_MS;
  return [...store.values()].filter((p) => p.createdAt >= cutoff).sort((a, b) => a.createdAt - b.createdAt);
}

export function saveDraft(id: string, draft: ImportDraft): void {
  const p = getPreview(id);
  store.set(id, { ...p, draft });
}

export function dropPreview(id: string): boolean {
  return store.delete(id);
}
