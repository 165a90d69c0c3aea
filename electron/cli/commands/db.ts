import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { getAppInfo } from '../../services/app-info';
import { latestVersion } from '../../db/migrations';

export const dbCommands: CliCommand[] = [
  {
    path: ['db', 'info'],
    usage: 'db info [--db PATH] [--json]',
    summary: 'Thông tin tệp dữ liệu: phiên bản, số đơn vị, đợt, người, đăng ký.',
    async run(ctx, args, io) {
      const info = await getAppInfo(ctx);
      if (args.options.json) io.out(JSON.stringify(info, null, 2));
      else {
        io.out(`Tệp dữ liệu: ${info.dbPath}`);
        io.out(`Phiên bản dữ liệu: ${info.schemaVersion} (mới nhất: ${latestVersion})`);
        io.out(`Đơn vị: ${info.counts.units} · Đợt: ${info.counts.campaigns} · Người: ${info.counts.people} · Đăng ký: ${info.counts.registrations}`);
      }
      return EXIT.OK;
    },
  },
  {
    path: ['db', 'migrate'],
    usage: 'db migrate [--db PATH] [--json]',
    summary: 'Nâng cấp cấu trúc dữ liệu lên phiên bản mới nhất (tự chạy khi mở).',
    async run(ctx, args, io) {
      const m = ctx.conn.migration;
      if (args.options.json) io.out(JSON.stringify(m));
      else io.out(m.applied.length ? `Đã nâng cấp dữ liệu từ phiên bản ${m.from} lên ${m.to}.` : `Dữ liệu đã ở phiên bản mới nhất (${m.to}).`);
      return EXIT.OK;
    },
  },
];
