import fs from 'node:fs';
import { runAction } from '../../services/policy/actions';
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt } from '../args';
import { importResults } from '../../services/donation-day/import-results';
import { MATCH_RULE_LABELS, type MatchRule } from '../../services/donation-day/match-results';

const IGNORED_LABELS: Record<string, string> = { title: 'dòng tiêu đề', header: 'dòng tên cột', stt_only: 'dòng không có họ tên', total: 'dòng tổng cộng', footer: 'dòng cuối (nơi ký)' };

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
      const data = fs.readFileSync(file);
      const r = await runAction(ctx, 'donationDay:importResults', () => importResults(ctx, id, path.basename(file), data));
      if (args.options.json) io.out(JSON.stringify(r, null, 2));
      else {
        io.out(`Đã đọc ${r.rows} dòng: tự khớp ${r.matched}, ghi là hiến tại chỗ ${r.walkIns.length}, cần xem lại ${r.unmatched.length}.`);
        const rules = Object.entries(r.rules ?? {});
        if (rules.length) io.out(`  Khớp theo: ${rules.map(([k, n]) => `${MATCH_RULE_LABELS[k as MatchRule] ?? k} ${n}`).join('; ')}.`);
        const kinds = new Map<string, number>();
        for (const i of r.ignored) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
        if (kinds.size) io.out(`  Bỏ qua ${r.ignored.length} dòng không phải người: ${[...kinds].map(([k, n]) => `${IGNORED_LABELS[k] ?? k} ${n}`).join(', ')}.`);
        for (const u of r.unmatched) io.err(u.problem);
        for (const s of r.skipped) io.err(s.problem);
      }
      return r.unmatched.length || r.skipped.length ? EXIT.PARTIAL : EXIT.OK;
    },
  },
];
