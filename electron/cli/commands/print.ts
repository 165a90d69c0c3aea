import fs from 'node:fs';
import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optInt, optString } from '../args';
import { generateDocument } from '../../services/documents/generate';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/ipc/channels/documents';

const KINDS = ['plan', 'invitations', 'certificates', 'honour-certificates', 'signature-list', 'result-report', 'honour-list', 'unit-registrants', 'eligible-donors', 'calibration'] as const;

export const printCommands: CliCommand[] = [
  {
    path: ['print'],
    usage: `print ${KINDS.slice(0, 7).join('|')}|unit-registrants|eligible-donors|calibration --campaign ID --out FILE.pdf [--db PATH] [--date YYYY-MM-DD] [--draft yes] [--per person|unit] [--unit ID] [--xlsx yes] [--printer TÊN] [--serial SỐ] [--json]`,
    summary: 'In văn bản của đợt hiến máu ra tệp PDF (hoặc Excel cho danh sách gửi đơn vị). Văn bản có số được cấp số và ghi sổ, trừ khi --draft.',
    async run(ctx, args, io) {
      const kind = args.positionals[0] as DocumentType | undefined;
      if (!kind || !(KINDS as readonly string[]).includes(kind)) {
        io.err(`Thiếu hoặc sai loại văn bản. Chọn một trong: ${KINDS.join(', ')}.`);
        return EXIT.USAGE;
      }
      const campaignId = optInt(args, 'campaign');
      const out = optString(args, 'out');
      if (campaignId === undefined || !out) {
        io.err('Cần --campaign ID và --out TỆP. Ví dụ: print plan --campaign 1 --out ke-hoach.pdf');
        return EXIT.USAGE;
      }
      const per = optString(args, 'per');
      const r = await generateDocument(ctx, {
        campaignId,
        type: kind,
        issue: !args.options.draft,
        issuedOn: optString(args, 'date'),
        invitationMode: per === 'person' ? 'person' : 'unit',
        unitId: optInt(args, 'unit'),
        format: args.options.xlsx ? 'xlsx' : 'pdf',
        printerName: optString(args, 'printer') ?? 'Mặc định',
        startSerial: optString(args, 'serial'),
      });
      fs.writeFileSync(out, Buffer.from(r.file.dataBase64, 'base64'));
      const parts = [`Đã ghi ${DOCUMENT_TYPES[kind]} vào ${out}`];
      if (r.pages) parts.push(`${r.pages} trang`);
      if (r.numberText) parts.push(`số ${r.numberText}`);
      if (r.serials.length) parts.push(`số phôi ${r.serials[0]}–${r.serials[r.serials.length - 1]}`);
      if (args.options.json) io.out(JSON.stringify({ out, pages: r.pages, numberText: r.numberText, serials: r.serials, warnings: r.warnings }));
      else io.out(parts.join(', ') + '.');
      for (const w of r.warnings) io.err(w);
      return EXIT.OK;
    },
  },
];
