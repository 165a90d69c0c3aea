import path from 'node:path';
import { createAppContext } from '../services/create-context';
import { resolveDbPath } from '../db/default-path';
import { createDispatcher } from '../ipc/dispatch';
import { startHost } from './server';

// `npm run serve`: the renderer in any browser at 127.0.0.1, backed by a real SQLite file.
async function main() {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const ctx = createAppContext(resolveDbPath(argv));
  const { url } = await startHost({
    rendererDir: path.join(__dirname, 'renderer'),
    bridgeFile: path.join(__dirname, 'bridge.js'),
    dispatch: createDispatcher(ctx),
    port: portArg >= 0 ? Number(argv[portArg + 1]) : 5174,
  });
  console.log(`Giọt Hồng đang chạy tại ${url} (dữ liệu: ${ctx.dbPath})`);
}

void main();
