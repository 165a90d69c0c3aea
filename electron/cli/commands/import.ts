import fs from 'node:fs';
import { runAction } from '../../services/policy/actions';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt, optString } from '../args';
import { importFiles, ledgerCountsText, resolveCampaign } from '../../services/imports/import-files';
import { exportInterchange } from '../../services/imports/export-interchange';
import { recordExport } from '../../services/audit/export-log';
import { listCampaigns } from '../../services/campaigns/campaigns';

export const importCommands: CliCommand[] = [
  {
    path: ['import'],
    usage: 'import --db PATH [--campaign ID] [--unit ID|auto] [--replace] [--donation-date YYYY-MM-DD] [--json] FILE…',
    summary: 'Nhập danh sách đăng ký (.xlsx, .xls, .csv); tệp lỗi được báo và bỏ qua.',
    async run(ctx, args, io) {
      if (args.positionals.length === 0) {
        io.err('Thiếu tệp cần nhập. Cách dùng: import --db PATH [--campaign ID] [--unit ID|auto] TỆP…');
        return EXIT.USAGE;
      }
      const unitOpt = optString(args, 'unit') ?? 'auto';
      const unit = unitOpt === 'auto' ? 'auto' : Number(unitOpt);
      if (unit !== 'auto' && !Number.isInteger(unit)) {
        io.err(`--unit phải là số đơn vị hoặc "auto" (nhận được "${unitOpt}").`);
        return EXIT.USAGE;
      }
      const donationDate = optString(args, 'donation-date');
      if (donationDate && !/^\d{4}-\d{2}-\d{2}$/.test(donationDate)) {
        io.err('--donation-date phải có dạng năm-tháng-ngày, ví dụ 2026-05-28.');
        return EXIT.USAGE;
      }
      const campaignId = await resolveCampaign(ctx, optInt(args, 'campaign'), donationDate);
      const files: { name: string; data: Buffer }[] = [];
      const unreadable: string[] = [];
      for (const p of args.positionals) {
        try {
          files.push({ name: p, data: fs.readFileSync(p) });
        } catch {
          unreadable.push(`${path.basename(p)}: không mở được tệp (không tồn tại hoặc không có quyền đọc).`);
        }
      }
      const outcomes = await runAction(ctx, 'imports:commit', () => importFiles(ctx, files, { campaignId, unit, onDuplicate: args.options.replace ? 'replace' : 'skip' }));
      for (const o of outcomes) {
        (o.ok ? io.out : io.err)(o.message);
        // The row ledger: every source row of the file counted by kind; ignored rows with identity warned.
        if (o.ledger) {
          io.out(`  Các dòng của tệp: ${ledgerCountsText(o.ledger.counts) || 'không có'}.`);
          for (const w of o.ledger.warnings) io.err(`  Cảnh báo${w.sheet ? ` (trang "${w.sheet}")` : ''}: ${w.message}`);
        }
      }
      for (const u of unreadable) io.err(u);
      const failed = outcomes.filter((o) => !o.ok).length + unreadable.length;
      if (args.options.json) io.out(JSON.stringify({ campaignId, outcomes }));
      return failed === 0 ? EXIT.OK : failed === args.positionals.length ? EXIT.FAILED : EXIT.PARTIAL;
    },
  },
  {
    path: ['export-registrations'],
    usage: 'export-registrations --format interchange --db PATH [--campaign ID] [--out FILE]',
    summary: 'Xuất các dòng đăng ký đã nhập dạng JSON trao đổi (kèm nhóm trùng lặp).',
    async run(ctx, args, io) {
      const format = optString(args, 'format') ?? 'interchange';
      if (format !== 'interchange') {
        io.err(`Định dạng "${format}" chưa được hỗ trợ; hãy dùng --format interchange.`);
        return EXIT.USAGE;
      }
      const given = optInt(args, 'campaign');
      const newest = given ?? (await listCampaigns(ctx))[0]?.id;
      const data = newest === undefined ? { rows: [], duplicate_groups: [] } : await exportInterchange(ctx, newest);
      const json = JSON.stringify(data, null, 1);
      const out = optString(args, 'out');
      // unmasked personal data leaves the app: in the audit log like every export
      if (data.rows.length) recordExport(ctx, { kind: 'save', fileName: out ? path.basename(out) : '(màn hình dòng lệnh)', what: `dòng lệnh export-registrations, ${data.rows.length} dòng` });
      if (out) {
        fs.writeFileSync(out, json);
        io.err(`Đã ghi ${data.rows.length} dòng vào ${out}.`);
      } else io.out(json);
      return EXIT.OK;
    },
  },
];
