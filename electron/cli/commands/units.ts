import fs from 'node:fs';
import { runAction } from '../../services/policy/actions';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { addUnitAlias, createUnit, getUnit, listUnits } from '../../services/units/units';
import { optList, optString } from '../args';
import { guessUnitKind, unitKindValues, type UnitKind } from '../../../shared/domain/unit-kinds';
import { importUnitsFromExcel } from '../../services/units/import-units';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds';
import { ledgerSummary } from './quotas';

export const unitsCommands: CliCommand[] = [
  {
    path: ['units', 'list'],
    usage: 'units list [--db PATH] [--json]',
    summary: 'Liệt kê các đơn vị.',
    async run(ctx, args, io) {
      const units = await listUnits(ctx, { includeArchived: true });
      if (args.options.json) io.out(JSON.stringify(units, null, 2));
      else for (const u of units) io.out(`${u.id}\t${u.parentId ?? ''}\t${UNIT_KINDS[u.kind]}\t${u.name}${u.archived ? ' (lưu trữ)' : ''}${u.aliases.length ? `\t(${u.aliases.join('; ')})` : ''}`);
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
      const r = await runAction(ctx, 'units:importExcel', () => importUnitsFromExcel(ctx, path.basename(file), fs.readFileSync(file)));
      if (args.options.json) io.out(JSON.stringify(r));
      else {
        io.out(`${path.basename(file)}: ${ledgerSummary(r.counts)}.`);
        io.out(`Đã thêm ${r.created} đơn vị, cập nhật ${r.updated} đơn vị.`);
        for (const s of r.skipped) io.err(s.reason);
      }
      return r.skipped.length ? EXIT.PARTIAL : EXIT.OK;
    },
  },
  {
    path: ['units', 'add'],
    usage: 'units add TÊN [--kind commune|village|agency|mass_org|armed|school|health|enterprise|other] [--short TÊN_VIẾT_TẮT] [--alias TÊN_KHÁC]… [--parent ID] [--grouping CỤM] [--db PATH] [--json]',
    summary: 'Thêm một đơn vị (loại đoán theo tên nếu không nêu; --alias lặp lại cho mỗi tên gọi khác như "CATP").',
    async run(ctx, args, io) {
      const name = args.positionals.join(' ').trim();
      if (!name) {
        io.err('Thiếu tên đơn vị. Cách dùng: units add "Phường Vĩnh Trại" [--alias "P. Vĩnh Trại"]');
        return EXIT.USAGE;
      }
      const kind = optString(args, 'kind');
      if (kind !== undefined && !(unitKindValues as string[]).includes(kind)) {
        io.err(`--kind phải là một trong: ${unitKindValues.join(', ')} (nhận được "${kind}").`);
        return EXIT.USAGE;
      }
      const parent = optString(args, 'parent');
      if (parent !== undefined && !/^\d+$/.test(parent)) {
        io.err(`--parent phải là số đơn vị cấp trên (nhận được "${parent}"); xem số bằng lệnh: units list.`);
        return EXIT.USAGE;
      }
      const u = await createUnit(ctx, {
        name,
        kind: (kind as UnitKind | undefined) ?? guessUnitKind(name),
        shortName: optString(args, 'short') ?? null,
        grouping: optString(args, 'grouping') ?? null,
        parentId: parent ? Number(parent) : null,
        aliases: optList(args, 'alias') ?? [],
      });
      if (args.options.json) io.out(JSON.stringify(u));
      else io.out(`Đã thêm đơn vị số ${u.id}: ${u.name} (${UNIT_KINDS[u.kind]})${u.aliases.length ? `; tên gọi khác: ${u.aliases.join('; ')}` : ''}`);
      return EXIT.OK;
    },
  },
  {
    path: ['units', 'alias'],
    usage: 'units alias ID TÊN_KHÁC… [--db PATH] [--json]',
    summary: 'Ghi thêm tên gọi khác của một đơn vị (như kế hoạch hay danh sách vẫn viết: "CATP", "Hội ND TP").',
    async run(ctx, args, io) {
      const [idText, ...names] = args.positionals;
      if (!idText || !/^\d+$/.test(idText) || names.length === 0) {
        io.err('Cách dùng: units alias ID "Tên gọi khác" ["Tên khác nữa"…] (xem số đơn vị bằng lệnh: units list)');
        return EXIT.USAGE;
      }
      for (const n of names) await addUnitAlias(ctx, Number(idText), n);
      const u = await getUnit(ctx, Number(idText));
      if (args.options.json) io.out(JSON.stringify(u));
      else io.out(`${u.name}: tên gọi khác ${u.aliases.join('; ') || '(không có)'}`);
      return EXIT.OK;
    },
  },
];
