import fs from 'node:fs';
import path from 'node:path';
import type { BackupPicker } from '../services/backup/backup-ids';

/** The one environment variable the Node host reads for its dialog stand-in (never Electron). */
export const HOST_PICK_DIR_ENV = 'GIOT_HONG_HOST_PICK_DIR';

/**
 * The Node host has no native dialog: its stand-in "chooses" the folder named by
 * GIOT_HONG_HOST_PICK_DIR (read by the host process only, at each pick) and, as a file, the newest
 * `.sqlite` file in it. Unset, or the folder missing: as if the clerk cancelled. The renderer still
 * sends only the ids main hands back (docs/security.md, "The Node host").
 */
export function hostPickStandIn(env: NodeJS.ProcessEnv = process.env): BackupPicker {
  const dir = () => {
    const d = env[HOST_PICK_DIR_ENV];
    return d && fs.existsSync(d) && fs.statSync(d).isDirectory() ? path.resolve(d) : null;
  };
  return {
    chooseFolder: () => Promise.resolve(dir()),
    chooseFile: () => {
      const d = dir();
      if (!d) return Promise.resolve(null);
      const newest = fs.readdirSync(d)
        .filter((n) => n.endsWith('.sqlite'))
        .map((n) => ({ file: path.join(d, n), at: fs.statSync(path.join(d, n)).mtimeMs }))
        .sort((a, b) => b.at - a.at || (a.file < b.file ? 1 : -1))[0];
      return Promise.resolve(newest?.file ?? null);
    },
  };
}
