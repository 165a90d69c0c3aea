import fs from 'node:fs';
import { parseArgs, optString } from './cli/args';
import { commands } from './cli/commands';
import { EXIT, commandArgs, type CliCommand, type CliIo } from './cli/command';
import { createAppContext } from './services/create-context';
import { runAction } from './services/policy/actions';
import { resolveDbPath } from './db/default-path';
import { keyFromEnv } from './db/key-store';
import { isAppError } from '../shared/errors/app-error';
import { logError } from './log';
import { ZodError } from 'zod';
import { environmentError } from './services/backup/errors';
import { escapeForTerminal } from './services/imports/safe-text';

function findCommand(positionals: string[]): { cmd: CliCommand; rest: string[] } | null {
  let best: CliCommand | null = null;
  for (const c of commands) {
    if (c.path.every((w, i) => positionals[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ? { cmd: best, rest: positionals.slice(best.path.length) } : null;
}

function help(io: CliIo): void {
  io.out('Giọt Hồng — dòng lệnh. Cách dùng: npm run cli -- LỆNH [tuỳ chọn]');
  for (const c of commands) io.out(`  ${c.usage.padEnd(70)} ${c.summary}`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  const found = findCommand(parsed.positionals);
  if (!found || parsed.options.help) {
    help(io);
    return found || parsed.positionals.length === 0 ? EXIT.OK : EXIT.USAGE;
  }
  // Unknown options and missing values are refused before anything is opened.
  const cmdArgs = commandArgs(found.cmd, argv);
  if (typeof cmdArgs === 'string') {
    io.err(cmdArgs);
    return EXIT.USAGE;
  }
  const dbOpt = optString(cmdArgs, 'db');
  const dbPath = resolveDbPath(dbOpt ? ['--db', dbOpt] : []);
  let ctx;
  try {
    ctx = createAppContext(dbPath, { key: keyFromEnv() });
  } catch (e) {
    if (found.cmd.runWithoutDatabase) {
      try {
        return await found.cmd.runWithoutDatabase(dbPath, cmdArgs, io);
      } catch (e2) {
        io.err(isAppError(e2) ? e2.message : 'Lệnh thất bại do lỗi không mong muốn; dữ liệu không bị thay đổi.');
        return EXIT.FAILED;
      }
    }
    io.err(isAppError(e) ? e.message : 'Không mở được tệp dữ liệu.');
    return EXIT.FAILED;
  }
  try {
    // Every command is an action: what it writes is audited even where no service wrote an entry (policy/actions.ts).
    return await runAction(ctx, `cli:${found.cmd.path.join(' ')}`, () => found.cmd.run(ctx!, cmdArgs, io));
  } catch (e) {
    const env = environmentError(e);
    if (isAppError(e)) io.err(e.message);
    else if (env) io.err(env.message);
    else if (e instanceof ZodError) io.err(`Giá trị không hợp lệ${e.issues[0]?.path?.length ? ` ở "${e.issues[0].path.join('.')}"` : ''} (có thể quá dài). Hãy kiểm tra lại (tên tệp nên dưới 200 ký tự); dữ liệu không bị thay đổi.`);
    else if (e instanceof Error && /[^\x00-\x7f]/.test(e.message)) io.err(e.message);
    else {
      logError(`cli ${found.cmd.path.join(' ')}`, e);
      io.err('Lệnh thất bại do lỗi không mong muốn; dữ liệu không bị thay đổi.');
    }
    return EXIT.FAILED;
  } finally {
    await ctx.conn.close();
  }
}

/** writeSync may write only part of a large text to a pipe, or fail with EAGAIN: loop until all is out. */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // the reader went away (`| head`): the work is done, the rest of the output has nowhere to go
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  // Names and file names from the data never reach the terminal raw (ESC sequences, CR, bidi overrides).
  const io: CliIo = { out: (t) => writeAll(1, escapeForTerminal(t) + '\n'), err: (t) => writeAll(2, escapeForTerminal(t) + '\n') };
  void runCli(process.argv.slice(2), io).then((code) => process.exit(code));
}
