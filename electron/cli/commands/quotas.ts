import fs from 'node:fs';
import { runAction } from '../../services/policy/actions';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { requireCampaign } from '../args';
import { importQuotasFromExcel } from '../../services/quotas/import-quotas';
import { exportQuotasExcel } from '../../services/quotas/export-quotas';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds';

const KIND_LABEL: Record<string, string> = { unit: 'dòng đơn vị', title: 'tiêu đề', header: 'dòng tiêu đề cột', blank: 'dòng trống', section: 'đề mục', total: 'dòng tổng', footer: 'ghi chú/ký tên', error: 'lỗi' };

/** "17 dòng đơn vị, 1 dòng tổng, 2 tiêu đề…" */
export function ledgerSummary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${KIND_LABEL[k] ?? k}`)
    .join(', ');
}

export const quotasCommands: CliCommand[] = [
  {
    path: ['quotas', 'import'],
    usage: 'quotas import --campaign ID FILE.xlsx [--create-units] [--db PATH] [--json]',
    summary: 'Nhập bảng phân bổ chỉ tiêu từ Excel (thay bảng hiện có của đợt); --create-units tạo/ghép các đơn vị chưa có theo đề xuất.',
    async run(ctx, args, io) {
      const id = requireCampaign(args, io);
      const file = args.positionals[0];
      if (id === null || !file) {
        if (!file) io.err('Thiếu tên tệp Excel. Cách dùng: quotas import --campaign ID TỆP.xlsx [--create-units]');
        return EXIT.USAGE;
      }
      const r = await runAction(ctx, 'quotas:importExcel', () => importQuotasFromExcel(ctx, id, path.basename(file), fs.readFileSync(file), { createUnits: !!args.options['create-units'] }));
      if (args.options.json) {
        const { table, ...rest } = r;
        io.out(JSON.stringify({ ...rest, totals: table.totals, difference: table.difference, months: table.months, entries: table.entries }));
      } else {
        io.out(`${path.basename(file)} — trang "${r.sheet}": ${ledgerSummary(r.counts)}.`);
        for (const c of r.createdUnits) io.out(`Dòng ${c.row}: tạo đơn vị mới "${c.unitName}" (${UNIT_KINDS[c.kind as UnitKind] ?? c.kind}) cho "${c.name}".`);
        for (const m of r.matched) io.out(`Dòng ${m.row}: "${m.name}" là đơn vị "${m.unitName}" (đã ghi nhớ tên gọi này).`);
        io.out(`Đã nhập ${r.imported} ô chỉ tiêu. Tổng: ${r.table.totals.registrants.toLocaleString('vi-VN')} người đăng ký, ${r.table.totals.bloodUnits.toLocaleString('vi-VN')} đơn vị máu.`);
        if (r.statedTotals && (r.statedTotals.registrants !== null || r.statedTotals.bloodUnits !== null)) {
          io.out(`Dòng tổng của bảng: ${r.statedTotals.registrants?.toLocaleString('vi-VN') ?? '-'} người đăng ký, ${r.statedTotals.bloodUnits?.toLocaleString('vi-VN') ?? '-'} đơn vị máu.`);
        }
        for (const w of r.warnings) io.err(`Cảnh báo: ${w}`);
        for (const u of r.unknown) {
          const s = u.suggestion;
          const hint = s?.unitName ? `có phải đơn vị "${s.unitName}"?` : `đề xuất tạo đơn vị mới "${s?.newName ?? u.name}"`;
          io.err(`Dòng ${u.row}: không có đơn vị "${u.name}" trong danh sách đơn vị — ${hint}`);
        }
        for (const l of r.ledger.filter((x) => x.kind === 'error')) io.err(l.reason ?? `Dòng ${l.row}: lỗi.`);
        if (r.unknown.length) io.err('Chạy lại với --create-units để nhận các đề xuất trên, hoặc xác nhận trong màn hình Chỉ tiêu.');
      }
      return r.unknown.length || r.ledger.some((l) => l.kind === 'error') ? EXIT.PARTIAL : EXIT.OK;
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
