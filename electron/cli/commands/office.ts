import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optString } from '../args';
import { getOffice, saveOffice } from '../../services/settings/office';
import { officeProfileSchema, type OfficeProfile } from '../../../shared/ipc/channels/app';

/** Command-line option → office profile field (what the first-run screen asks). */
const FIELDS: [string, keyof OfficeProfile][] = [
  ['name', 'officeName'],
  ['parent', 'parentBody'],
  ['place', 'placeName'],
  ['signer', 'signerName'],
  ['title', 'signerTitle'],
  ['authority', 'signerAuthority'],
  ['suffix', 'docSuffix'],
  ['standing-body', 'standingBody' as keyof OfficeProfile],
];

function show(o: OfficeProfile | null): string {
  if (!o) return 'Chưa có thông tin cơ quan. Dùng: office set --name … --place …';
  const r = o as Record<string, unknown>;
  return [
    `Cơ quan ban hành: ${o.officeName}`,
    `Cơ quan cấp trên: ${o.parentBody || '-'}`,
    `Địa danh: ${o.placeName}`,
    `Người ký: ${[o.signerAuthority, o.signerTitle].filter(Boolean).join(' ') || '-'} — ${o.signerName || '-'}`,
    `Ký hiệu văn bản: ${o.docSuffix}`,
    ...(typeof r.standingBody === 'string' && r.standingBody ? [`Cơ quan thường trực: ${r.standingBody}`] : []),
  ].join('\n');
}

export const officeCommands: CliCommand[] = [
  {
    path: ['office', 'set'],
    usage: 'office set [--name TÊN] [--parent CẤP_TRÊN] [--place ĐỊA_DANH] [--signer NGƯỜI_KÝ] [--title CHỨC_VỤ] [--authority TM.|KT.|TL.|Q.|TUQ.] [--suffix BCĐ] [--standing-body TÊN] [--db PATH] [--json]',
    summary: 'Ghi thông tin cơ quan (như màn hình khởi tạo): tên, cơ quan cấp trên, địa danh, người ký, ký hiệu văn bản. Chỉ đổi các mục được nêu.',
    async run(ctx, args, io) {
      const before = await getOffice(ctx);
      const patch: Record<string, string> = {};
      for (const [opt, field] of FIELDS) {
        const v = optString(args, opt);
        if (v !== undefined) patch[field] = v;
      }
      if (Object.keys(patch).length === 0) {
        io.err('Không có mục nào để ghi. Ví dụ: office set --name "Ban Chỉ đạo vận động HMTN thành phố" --parent "UBND thành phố Lạng Sơn" --place "Lạng Sơn" --signer "Nguyễn Văn A" --title "Trưởng ban" --authority "KT."');
        return EXIT.USAGE;
      }
      if (patch.signerAuthority !== undefined && patch.signerAuthority !== '' && !patch.signerAuthority.endsWith('.')) patch.signerAuthority += '.';
      if (patch.signerAuthority) patch.signerAuthority = patch.signerAuthority.toUpperCase();
      const parsed = officeProfileSchema.safeParse({ ...(before ?? {}), ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const opt = FIELDS.find(([, f]) => f === issue.path[0])?.[0];
        const msg = issue.code === 'invalid_value' || issue.code === ('invalid_enum_value' as string) ? 'chỉ nhận TM., KT., TL., Q., TUQ. hoặc để trống' : issue.message;
        io.err(`${opt ? `--${opt}: ` : ''}${msg}`);
        return EXIT.USAGE;
      }
      const saved = await saveOffice(ctx, parsed.data);
      if (args.options.json) io.out(JSON.stringify(saved));
      else io.out(`Đã ghi thông tin cơ quan.\n${show(saved)}`);
      return EXIT.OK;
    },
  },
  {
    path: ['office', 'show'],
    usage: 'office show [--db PATH] [--json]',
    summary: 'Xem thông tin cơ quan dùng trên văn bản.',
    async run(ctx, args, io) {
      const o = await getOffice(ctx);
      io.out(args.options.json ? JSON.stringify(o) : show(o));
      return EXIT.OK;
    },
  },
];
