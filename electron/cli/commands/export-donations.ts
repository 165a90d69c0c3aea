import fs from 'node:fs';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optString, requireCampaign } from '../args';
import { exportDonationsInterchange } from '../../services/donation-day/export-donations';

export const exportDonationsCommands: CliCommand[] = [
  {
    path: ['export-donations'],
    usage: 'export-donations --campaign ID --format interchange [--db PATH] [--out FILE]',
    summary: 'Xuất kết quả hiến máu của đợt (định dạng trao đổi JSON).',
    async run(ctx, args, io) {
      const id = requireCampaign(args, io);
      const format = optString(args, 'format') ?? 'interchange';
      if (id === null) return EXIT.USAGE;
      if (format !== 'interchange') {
        io.err(`Định dạng "${format}" không được hỗ trợ; hãy dùng --format interchange.`);
        return EXIT.USAGE;
      }
      const json = JSON.stringify(await exportDonationsInterchange(ctx, id), null, 2);
      const out = optString(args, 'out');
      if (out) fs.writeFileSync(out, json + '\n');
      else io.out(json);
      return EXIT.OK;
    },
  },
];
