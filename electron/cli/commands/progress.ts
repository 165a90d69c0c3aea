import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optString, requireCampaign } from '../args';
import { getProgress } from '../../services/progress/progress';
import { deadlineText } from '../../../shared/domain/deadline-text';

const pct = (n: number | null) => (n === null ? '-' : `${n.toLocaleString('vi-VN')}%`);

export const progressCommands: CliCommand[] = [
  {
    path: ['progress'],
    usage: 'progress --campaign ID [--kind KIND] [--grouping CỤM] [--db PATH] [--json]',
    summary: 'Tiến độ theo đơn vị: chỉ tiêu, đăng ký, sau lọc trùng, đã hiến, hoãn, %.',
    async run(ctx, args, io) {
      const id = requireCampaign(args, io);
      if (id === null) return EXIT.USAGE;
      const p = await getProgress(ctx, { campaignId: id, kind: optString(args, 'kind') ?? null, grouping: optString(args, 'grouping') ?? null });
      if (args.options.json) {
        io.out(JSON.stringify({ campaignId: p.campaignId, deadline: p.deadline, daysRemaining: p.daysRemaining, deadlineText: deadlineText(p.daysRemaining), months: p.months, units: p.rows, total: p.total, monthTotals: p.monthTotals, unitsWithoutList: p.unitsWithoutList }, null, 2));
        return EXIT.OK;
      }
      io.out(`${p.campaignName}${p.daysRemaining !== null ? ` — hạn gửi danh sách: ${deadlineText(p.daysRemaining)!.toLocaleLowerCase('vi')}` : ''}`);
      io.out(['Đơn vị', 'CT người', 'CT máu', 'Đăng ký', 'Sau lọc', 'Đã hiến', 'Hoãn', '% máu'].join('\t'));
      for (const r of [...p.rows, { unitName: 'Tổng cộng', ...p.total }]) {
        io.out([r.unitName, r.quotaRegistrants ?? '-', r.quotaBloodUnits ?? '-', r.registered, r.afterDuplicates, r.donated, r.deferred, pct(r.percentBloodUnits)].join('\t'));
      }
      if (p.months.length) {
        io.out('');
        io.out(['Theo tháng', ...p.months.map((m) => `T${m} CT người`), ...p.months.map((m) => `T${m} đăng ký`), ...p.months.map((m) => `T${m} đã hiến`)].join('\t'));
        for (const r of [...p.rows, { unitName: 'Tổng cộng', months: p.monthTotals }]) {
          io.out([r.unitName, ...r.months.map((x) => x.quotaRegistrants ?? '-'), ...r.months.map((x) => x.registered), ...r.months.map((x) => x.donated)].join('\t'));
        }
      }
      if (p.unitsWithoutList.length) io.out(`Chưa gửi danh sách: ${p.unitsWithoutList.map((u) => u.unitName).join('; ')}`);
      return EXIT.OK;
    },
  },
];
