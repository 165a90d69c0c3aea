import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt, optString } from '../args';
import { createCampaign, listCampaigns } from '../../services/campaigns/campaigns';

export const campaignsCommands: CliCommand[] = [
  {
    path: ['campaigns', 'list'],
    usage: 'campaigns list [--db PATH] [--json]',
    summary: 'Liệt kê các đợt hiến máu.',
    async run(ctx, args, io) {
      const list = await listCampaigns(ctx, { includeArchived: true });
      if (args.options.json) io.out(JSON.stringify(list, null, 2));
      else for (const c of list) io.out(`${c.id}\t${c.donationDates.join(',') || '-'}\t${c.name}`);
      return EXIT.OK;
    },
  },
  {
    path: ['campaigns', 'create'],
    usage: 'campaigns create TÊN [--date YYYY-MM-DD] [--deadline YYYY-MM-DD] [--registrants N] [--units N] [--json]',
    summary: 'Tạo một đợt hiến máu mới.',
    async run(ctx, args, io) {
      const name = args.positionals.join(' ') || optString(args, 'name');
      if (!name) {
        io.err('Thiếu tên đợt. Cách dùng: campaigns create "Hành trình đỏ 2026" --date 2026-06-17');
        return EXIT.USAGE;
      }
      const date = optString(args, 'date');
      const c = await createCampaign(ctx, {
        name,
        donationDates: date ? date.split(',') : [],
        registrationDeadline: optString(args, 'deadline') ?? null,
        targetRegistrants: optInt(args, 'registrants') ?? null,
        targetBloodUnits: optInt(args, 'units') ?? null,
      });
      if (args.options.json) io.out(JSON.stringify(c));
      else io.out(`Đã tạo đợt số ${c.id}: ${c.name}`);
      return EXIT.OK;
    },
  },
];
