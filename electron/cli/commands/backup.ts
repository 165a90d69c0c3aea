import { checkpoint } from '../../db/maintenance';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optString } from '../args';
import { backupToFolder } from '../../services/backup/auto-backup';
import { restoreDatabaseFile, restoreFromBackup } from '../../services/backup/restore';
import { checkDatabaseFile } from '../../services/backup/sqlite-file';
import { keyFromEnv } from '../../db/key-store';

const size = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export const backupCommands: CliCommand[] = [
  {
    path: ['backup'],
    usage: 'backup --db PATH --to DIR [--json]',
    summary: 'Sao lưu dữ liệu vào thư mục DIR (ví dụ USB), kiểm tra bản sao mở được và nguyên vẹn.',
    async run(ctx, args, io) {
      const to = optString(args, 'to');
      if (!to) {
        io.err('Thiếu --to THƯ_MỤC: thư mục để lưu bản sao (ví dụ --to E:\\SaoLuu).');
        return EXIT.USAGE;
      }
      const r = backupToFolder(ctx, to);
      // Read back what was written, independently of the check done while writing.
      const again = checkDatabaseFile(r.file, 'integrity', ctx.dbKey);
      if (!again.ok) {
        io.err(`Bản sao "${r.file}" không đọc lại được đúng (${again.messages[0]}). Hãy sao lưu sang ổ khác.`);
        return EXIT.FAILED;
      }
      if (args.options.json) io.out(JSON.stringify({ file: r.file, size: r.size, integrity: 'ok', counts: again.counts }));
      else {
        io.out(`Đã sao lưu vào: ${r.file} (${size(r.size)}).`);
        io.out(`Kiểm tra bản sao: nguyên vẹn (integrity_check = ok). Người: ${again.counts.people} · Đăng ký: ${again.counts.registrations} · Lần hiến: ${again.counts.donations}.`);
      }
      return EXIT.OK;
    },
  },
  {
    path: ['restore'],
    usage: 'restore --db PATH --from FILE [--json]',
    summary: 'Khôi phục dữ liệu từ tệp sao lưu FILE (dữ liệu hiện tại được lưu lại trước).',
    async run(ctx, args, io) {
      const from = optString(args, 'from');
      if (!from) {
        io.err('Thiếu --from TỆP: tệp sao lưu (.sqlite) để khôi phục.');
        return EXIT.USAGE;
      }
      const r = await restoreFromBackup(ctx, path.resolve(from));
      checkpoint(ctx.data);
      const again = checkDatabaseFile(ctx.dbPath, 'integrity', ctx.dbKey);
      if (!again.ok) {
        io.err(`Sau khi khôi phục, tệp dữ liệu không qua được kiểm tra (${again.messages[0]}). Bản dữ liệu trước đó vẫn còn tại: ${r.savedCurrent}.`);
        return EXIT.FAILED;
      }
      if (args.options.json) io.out(JSON.stringify({ ...r, integrity: 'ok', counts: again.counts }));
      else {
        io.out(`Đã khôi phục từ: ${r.restoredFrom}.`);
        io.out(`Dữ liệu trước khi khôi phục đã được lưu tại: ${r.savedCurrent}.`);
        io.out(`Kiểm tra: nguyên vẹn (integrity_check = ok). Người: ${again.counts.people} · Đăng ký: ${again.counts.registrations} · Lần hiến: ${again.counts.donations}.`);
      }
      return EXIT.OK;
    },
    async runWithoutDatabase(dbPath, args, io) {
      const from = optString(args, 'from');
      if (!from) {
        io.err('Thiếu --from TỆP: tệp sao lưu (.sqlite) để khôi phục.');
        return EXIT.USAGE;
      }
      // The current file does not open: restore at file level; the damaged file is kept aside, never deleted.
      const key = keyFromEnv();
      const r = restoreDatabaseFile(dbPath, path.resolve(from), { key });
      const again = checkDatabaseFile(dbPath, 'integrity', key);
      if (!again.ok) {
        io.err(`Sau khi khôi phục, tệp dữ liệu không qua được kiểm tra (${again.messages[0]}).`);
        return EXIT.FAILED;
      }
      if (args.options.json) io.out(JSON.stringify({ ...r, integrity: 'ok', counts: again.counts }));
      else io.out(`Đã khôi phục từ: ${r.restoredFrom}. Kiểm tra: nguyên vẹn (integrity_check = ok).`);
      return EXIT.OK;
    },
  },
];
