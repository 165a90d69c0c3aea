import fs from 'node:fs';
import { runAction } from '../../services/policy/actions';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt, optString, requireCampaign } from '../args';
import { DEFAULT_THRESHOLD } from '../../../shared/domain/matching';
import { matchCampaignNow } from '../../services/duplicates/run-match';
import { listCandidates } from '../../services/duplicates/list-candidates';
import { bulkMerge, bulkMergeSummary, undoBulkMerge } from '../../services/duplicates/bulk-merge';
import { exportUnitFeedback } from '../../services/duplicates/feedback-export';


export const duplicatesCommands: CliCommand[] = [
  {
    path: ['duplicates'],
    usage: 'duplicates --campaign ID [--min-score 0.3] [--db PATH] [--json] [--out FILE.json]',
    summary: 'Tìm người đăng ký trùng trong một đợt: các cặp với điểm và lý do.',
    async run(ctx, args, io) {
      const campaignId = requireCampaign(args, io);
      if (campaignId === null) return EXIT.USAGE;
      const rawMin = optString(args, 'min-score');
      const minScore = rawMin !== undefined ? Number(rawMin) : undefined;
      if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) {
        io.err(`--min-score phải là một số từ 0 đến 1 (nhận được "${rawMin}").`);
        return EXIT.USAGE;
      }
      const m = await matchCampaignNow(ctx, campaignId);
      const list = listCandidates(ctx, { campaignId, minScore, limit: Number.MAX_SAFE_INTEGER });
      const pairs = list.items.map((c) => ({
        score: c.score,
        proposed: c.score >= DEFAULT_THRESHOLD,
        obvious: c.obvious,
        deferred: c.deferred,
        reasons: c.reasons,
        a: { personId: c.a.id, fullName: c.a.fullName, birthDate: c.a.birthDate, sources: c.a.registrations.map((r) => ({ file: r.file, sheet: r.sheet, row: r.row, unit: r.unitName, campaignId: r.campaignId })) },
        b: { personId: c.b.id, fullName: c.b.fullName, birthDate: c.b.birthDate, sources: c.b.registrations.map((r) => ({ file: r.file, sheet: r.sheet, row: r.row, unit: r.unitName, campaignId: r.campaignId })) },
      }));
      const out = optString(args, 'out');
      const json = () => JSON.stringify({ campaignId, threshold: DEFAULT_THRESHOLD, peopleCompared: m.peopleCompared, candidates: pairs }, null, 2);
      if (out) {
        fs.writeFileSync(out, json() + '\n');
        io.out(`Đã ghi ${pairs.length} cặp nghi trùng vào ${out}.`);
      } else if (args.options.json) io.out(json());
      else {
        io.out(`So sánh ${m.peopleCompared} người; ${pairs.length} cặp nghi trùng (${pairs.filter((p) => p.proposed).length} cặp từ ${DEFAULT_THRESHOLD} điểm).`);
        for (const p of pairs) {
          const src = (s: (typeof p.a.sources)[number]) => `${s.file ?? '?'}:${s.sheet ?? ''}:${s.row ?? '?'}`;
          io.out(`${p.score.toFixed(2)}\t${p.a.fullName} [${p.a.sources.map(src).join(' ')}]\t${p.b.fullName} [${p.b.sources.map(src).join(' ')}]\t${p.reasons.join('; ')}`);
        }
      }
      return EXIT.OK;
    },
  },
  {
    path: ['duplicates', 'bulk-merge'],
    usage: 'duplicates bulk-merge --campaign ID [--yes] [--db PATH]',
    summary: 'Gộp hàng loạt các cặp trùng rõ ràng (cùng số giấy tờ và họ tên); không có --yes chỉ in tóm tắt.',
    async run(ctx, args, io) {
      const campaignId = requireCampaign(args, io);
      if (campaignId === null) return EXIT.USAGE;
      const s = await bulkMergeSummary(ctx, campaignId);
      io.out(`${s.pairs} cặp trùng do dữ liệu quyết định, ${s.people} người; còn ${s.remaining} cặp cần người xem.`);
      for (const r of s.rules) io.out(`  ${r.pairs} cặp: ${r.rule}`);
      if (!args.options.yes) {
        for (const e of s.examples) io.out(`  ${e.a} = ${e.b} (${e.rule})`);
        io.out('Thêm --yes để gộp. Mỗi lần gộp hàng loạt hoàn tác được cả lần (duplicates undo-bulk --batch SỐ) hoặc từng cặp.');
        return EXIT.OK;
      }
      const r = await runAction(ctx, 'duplicates:bulkMerge', () => bulkMerge(ctx, campaignId));
      io.out(`Đã gộp ${r.merged} cặp, bỏ qua ${r.skipped}${r.batchId !== null ? ` (lần gộp hàng loạt #${r.batchId})` : ''}.`);
      return EXIT.OK;
    },
  },
  {
    path: ['duplicates', 'undo-bulk'],
    usage: 'duplicates undo-bulk --batch SỐ [--db PATH]',
    summary: 'Hoàn tác cả một lần gộp hàng loạt (các cặp đã tách lẻ giữ nguyên).',
    async run(ctx, args, io) {
      const batchId = optInt(args, 'batch');
      if (batchId === undefined) {
        io.err('Hãy cho biết số lần gộp hàng loạt: --batch SỐ (in ra khi gộp).');
        return EXIT.USAGE;
      }
      const r = undoBulkMerge(ctx, batchId);
      io.out(`Đã hoàn tác ${r.undone} cặp của lần gộp hàng loạt #${batchId}.`);
      return EXIT.OK;
    },
  },
  {
    path: ['duplicates', 'feedback'],
    usage: 'duplicates feedback --campaign ID --unit ID --out FILE.xlsx [--db PATH]',
    summary: 'Xuất tệp Excel phản hồi trùng lặp cho một đơn vị.',
    async run(ctx, args, io) {
      const campaignId = requireCampaign(args, io);
      const unitId = optInt(args, 'unit');
      const out = optString(args, 'out');
      if (campaignId === null || unitId === undefined || !out) {
        io.err('Cách dùng: duplicates feedback --campaign ID --unit ID --out FILE.xlsx');
        return EXIT.USAGE;
      }
      const f = await exportUnitFeedback(ctx, campaignId, unitId);
      fs.writeFileSync(out, Buffer.from(f.dataBase64, 'base64'));
      io.out(`Đã ghi ${out}.`);
      return EXIT.OK;
    },
  },
];
