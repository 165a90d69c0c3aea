import type { FileDownload, FileUpload } from '../../shared/ipc/channels/files';
import { api } from '../api';

/** Reads a picked or dropped file into the {name, dataBase64} the api expects. */
export async function readUpload(file: File): Promise<FileUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { name: file.name, dataBase64: btoa(binary) };
}

export function downloadToBlob(file: FileDownload): Blob {
  const bin = atob(file.dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

/** Logs that a produced file with personal data was saved or printed (fire and forget: the save itself never waits). */
export function recordExport(kind: 'save' | 'print', file: Pick<FileDownload, 'name'>, what?: string): void {
  void api.audit.recordExport({ kind, fileName: file.name, ...(what ? { what } : {}) });
}

/**
 * Offers a produced file to the clerk: the browser/Electron save flow. `log` when the file was not
 * logged where it was built (a previewed document saved afterwards).
 */
export function saveDownload(file: FileDownload, opts: { log?: boolean; what?: string } = {}): void {
  if (opts.log) recordExport('save', file, opts.what);
  const url = URL.createObjectURL(downloadToBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
