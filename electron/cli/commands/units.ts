import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { listUnits } from '../../services/units/units';
import { importUnitsFromExcel } from '../../services/units/import-units';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds';

export const unitsCommands: CliCommand[] = [
  {
    path: ['units', 'list'],
    usage: 'units list [--db PATH] [--json]',
    summary: 'Liệt kê các đơn vị.',
    async run(ctx, args, io) {
      const units = await listUnits(ctx, { includeArchived: true });
      if (args.options.json) io.out(JSON.stringify(units, null, 2));
      else for (const u of units) io.out(`${u.id}\t${u.parentId ?? ''}\t${UNIT_KINDS[u.kind]}\t${u.name}${u.archived ? ' (lưu trữ)' : ''}`);
      return EXIT.OK;
    },
  },
  {
    path: ['units', 'import'],
    usage: 'units import FILE.xlsx [--db PATH] [--json]',
    summary: 'Nhập danh sách đơn vị từ trang tính đầu tiên của tệp Excel.',
    async run(ctx, args, io) {
      const file = args.positionals[0];
      if (!file) {
        io.err('Thiếu tên tệp Excel. Cách dùng: units import FILE.xlsx');
        return EXIT.USAGE;
      }
      const r = await importUnitsFromExcel(ctx, path.basename(file), fs.readFileSync(file));
      if (args.options.json) io.out(JSON.stringify(r));
      else {
        io.out(`Đã thêm ${r.created} đơn vị, cập nhật ${r.updated} đơn vị.`);
        for (const s of r.skipped) io.err(s.reason);
      }
      return r.skipped.length ? EXIT.PARTIAL : EXIT.OK;
    },
  },
];
