import fs from 'node:fs';
import path from 'node:path';

/** Automatic backups live beside the database, in a "backups" folder. */
export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

export interface BackupFile {
  file: string;
  name: string;
  reason: string;
  createdAt: string;
  size: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const NAME_RE = /^giot-hong-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-([a-z0-9-]+?)(?:-(\d+))?\.sqlite$/;

export function sanitizeReason(reason: string): string {
  const r = reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return r || 'manual';
}

/** A file name that sorts by time and says why it was made: giot-hong-20260501-080000-000-import.sqlite */
export function backupFileName(at: Date, reason: string, n = 0): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`;
  return `giot-hong-${stamp}-${sanitizeReason(reason)}${n ? `-${n}` : ''}.sqlite`;
}

/** A free path in `dir` for a backup made at `at` (a suffix is added when the name is taken). */
export function freeBackupPath(dir: string, at: Date, reason: string): string {
  for (let n = 0; ; n++) {
    const p = path.join(dir, backupFileName(at, reason, n));
    if (!fs.existsSync(p) && !fs.existsSync(`${p}.partial`)) return p;
  }
}

export function parseBackupName(name: string): { at: Date; reason: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  return { at: new Date(+y, +mo - 1, +d, +h, +mi, +s, +ms), reason };
}

/** Finished backups in a folder, newest first. Half-written `.partial` files are never listed. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const p = parseBackupName(name);
    if (!p) continue;
    const file = path.join(dir, name);
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      continue;
    }
    out.push({ file, name, reason: p.reason, createdAt: p.at.toISOString(), size });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}

/** Removes `.partial` leftovers of a backup interrupted by a crash (they were never complete). */
export function removeStalePartials(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.sqlite.partial')) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    // A checksum written just before a rename the kill prevented belongs to no backup.
    const dest = path.join(dir, name.slice(0, -'.partial'.length));
    if (!fs.existsSync(dest)) fs.rmSync(`${dest}.sha256`, { force: true });
  }
}
