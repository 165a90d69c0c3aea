import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { requireCampaign } from '../args';
import { importQuotasFromExcel } from '../../services/quotas/import-quotas';
import { exportQuotasExcel } from '../../services/quotas/export-quotas';


export const quotasCommands: CliCommand[] = [
  {
    path: ['quotas', 'import'],
    usage: 'quotas import --campaign ID FILE.xlsx [--db PATH] [--json]',
    summary: 'Nhập bảng phân bổ chỉ tiêu từ Excel (thay bảng hiện có của đợt).',
    async run(ctx, args, io) {
      const id = requireCampaign(args, io);
      const file = args.positionals[0];
      if (id === null || !file) {
        if (!file) io.err('Thiếu tên tệp Excel.');
        return EXIT.USAGE;
      }
      const r = await importQuotasFromExcel(ctx, id, path.basename(file), fs.readFileSync(file));
      if (args.options.json) io.out(JSON.stringify({ imported: r.imported, unknown: r.unknown, totals: r.table.totals, difference: r.table.difference }));
      else {
        io.out(`Đã nhập ${r.imported} ô chỉ tiêu. Tổng: ${r.table.totals.registrants} người đăng ký, ${r.table.totals.bloodUnits} đơn vị máu.`);
        for (const u of r.unknown) io.err(`Dòng ${u.row}: không có đơn vị "${u.name}" trong danh sách đơn vị.`);
      }
      return r.unknown.length ? EXIT.PARTIAL : EXIT.OK;
    },
  },
  {
    path: ['quotas', 'export'],
    usage: 'quotas export --campaign ID FILE.xlsx [--db PATH]',
    summary: 'Xuất bảng phân bổ chỉ tiêu ra Excel (biểu kèm theo kế hoạch).',
    async run(ctx, args, io) {
      const id = requireCampaign(args, io);
      const file = args.positionals[0];
      if (id === null || !file) {
        if (!file) io.err('Thiếu tên tệp Excel cần ghi.');
        return EXIT.USAGE;
      }
      const f = await exportQuotasExcel(ctx, id);
      fs.writeFileSync(file, Buffer.from(f.dataBase64, 'base64'));
      io.out(`Đã ghi ${file}`);
      return EXIT.OK;
    },
  },
];
