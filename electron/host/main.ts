import path from 'node:path';
import { startDatabase } from '../services/backup/startup';
import { resolveDbPath } from '../db/default-path';
import { keyFromEnv } from '../db/key-store';
import { createDispatcher } from '../ipc/dispatch';
import { startHost } from './server';
import { setBackupPicker } from '../services/backup/backup-ids';
import { hostPickStandIn } from './pick-stand-in';

// `npm run serve`: the renderer in any browser at 127.0.0.1, backed by a real SQLite file.
async function main() {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const dbPath = resolveDbPath(argv);
  // The same start sequence as Electron's main: a damaged file is served by the recovery dispatcher.
  const started = startDatabase(dbPath, { key: keyFromEnv() });
  // No native dialog here: a stand-in folder from the environment (dev/test host only).
  setBackupPicker(hostPickStandIn());
  const { url } = await startHost({
    rendererDir: path.join(__dirname, 'renderer'),
    bridgeFile: path.join(__dirname, 'bridge.js'),
    dispatch: started.mode === 'normal' ? createDispatcher(started.ctx) : started.dispatch,
    port: portArg >= 0 ? Number(argv[portArg + 1]) : 5174,
  });
  console.log(`Giọt Hồng đang chạy tại ${url} (dữ liệu: ${dbPath}${started.mode === 'recovery' ? ', CẦN KHÔI PHỤC' : ''})`);
}

void main();
