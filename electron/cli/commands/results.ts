import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt } from '../args';
import { importResults } from '../../services/donation-day/import-results';

export const resultsCommands: CliCommand[] = [
  {
    path: ['results', 'import'],
    usage: 'results import --campaign ID FILE.xlsx [--db PATH] [--json]',
    summary: 'Nhập danh sách kết quả của cơ sở tiếp nhận máu, đối chiếu với người đăng ký.',
    async run(ctx, args, io) {
      const id = optInt(args, 'campaign');
      const file = args.positionals[0];
      if (id === undefined || !file) {
        io.err('Cách dùng: results import --campaign ID FILE.xlsx');
        return EXIT.USAGE;
      }
      const r = await importResults(ctx, id, path.basename(file), fs.readFileSync(file));
      if (args.options.json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`Đã đọc ${r.rows} dòng: khớp ${r.matched}, ghi là hiến tại chỗ ${r.walkIns.length}, cần xem lại ${r.unmatched.length}.`);
        for (const u of r.unmatched) io.err(u.problem);
        for (const s of r.skipped) io.err(s.problem);
      }
      return r.unmatched.length || r.skipped.length ? EXIT.PARTIAL : EXIT.OK;
    },
  },
];
