import type { CliCommand } from '../command';
import { EXIT } from '../command';
import { optList, optString, type ParsedArgs } from '../args';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from '../../services/campaigns/campaigns';
import type { CampaignInput } from '../../../shared/ipc/channels/campaigns';
import { campaignInputSchema } from '../../../shared/ipc/channels/campaigns';

/** Every field of the campaign form, as command-line options (create and update take the same). */
const FIELD_USAGE =
  '[--slogan KHẨU_HIỆU] [--plan-number SỐ] [--legal-basis CĂN_CỨ]… [--deadline YYYY-MM-DD] [--date YYYY-MM-DD[,YYYY-MM-DD]] [--time GIỜ] [--place ĐỊA_ĐIỂM] [--facility CƠ_SỞ_TIẾP_NHẬN_MÁU] ' +
  '[--registrants N] [--units N] [--age-min-male N] [--age-max-male N] [--age-min-female N] [--age-max-female N] [--interval-days N] [--gift-250 ĐỒNG] [--gift-350 ĐỒNG] [--gift-450 ĐỒNG] [--travel ĐỒNG] [--meal ĐỒNG] [--db PATH] [--json]';

const INT_FIELDS: [string, keyof CampaignInput][] = [
  ['registrants', 'targetRegistrants'],
  ['units', 'targetBloodUnits'],
  ['age-min-male', 'ageMinMale'],
  ['age-max-male', 'ageMaxMale'],
  ['age-min-female', 'ageMinFemale'],
  ['age-max-female', 'ageMaxFemale'],
  ['interval-days', 'minIntervalDays'],
];
const TEXT_FIELDS: [string, keyof CampaignInput][] = [
  ['slogan', 'slogan'],
  ['plan-number', 'planNumber'],
  ['time', 'donationTime'],
  ['place', 'place'],
  ['facility', 'bloodFacility'],
];

class UsageError extends Error {}

function int(args: ParsedArgs, name: string): number | undefined {
  const v = optString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/[.\s]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} phải là một số nguyên không âm (nhận được "${v}").`);
  return n;
}

function isoDate(name: string, v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${name} phải có dạng năm-tháng-ngày, ví dụ 2026-05-28 (nhận được "${v}").`);
  return v;
}

/** The fields given on the command line; `before` supplies the support amounts not given. */
function fieldsFrom(args: ParsedArgs, before?: CampaignInput): Partial<CampaignInput> {
  const f: Partial<CampaignInput> = {};
  for (const [opt, key] of TEXT_FIELDS) {
    const v = optString(args, opt);
    if (v !== undefined) (f as Record<string, unknown>)[key] = v.trim() === '' ? null : v;
  }
  for (const [opt, key] of INT_FIELDS) {
    const v = int(args, opt);
    if (v !== undefined) (f as Record<string, unknown>)[key] = v;
  }
  const bases = optList(args, 'legal-basis');
  if (bases) f.legalBases = bases.map((b) => b.trim()).filter(Boolean);
  const deadline = optString(args, 'deadline');
  if (deadline !== undefined) f.registrationDeadline = deadline === '' ? null : isoDate('deadline', deadline);
  const date = optString(args, 'date');
  if (date !== undefined) f.donationDates = date.split(',').map((d) => d.trim()).filter(Boolean).map((d) => isoDate('date', d));
  const money = { g250: int(args, 'gift-250'), g350: int(args, 'gift-350'), g450: int(args, 'gift-450'), travel: int(args, 'travel'), meal: int(args, 'meal') };
  if (Object.values(money).some((v) => v !== undefined)) {
    const cur = before?.support;
    f.support = {
      gift: { 250: money.g250 ?? cur?.gift[250] ?? 100_000, 350: money.g350 ?? cur?.gift[350] ?? 150_000, 450: money.g450 ?? cur?.gift[450] ?? 180_000 },
      travel: money.travel ?? cur?.travel ?? 50_000,
      meal: money.meal ?? cur?.meal ?? 30_000,
    };
  }
  return f;
}

function validationMessage(e: unknown): string | null {
  const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues;
  if (!issues?.length) return null;
  return issues.map((i) => `${i.path.join('.') || 'đợt'}: ${i.message}`).join('; ');
}

async function run<T>(io: { err(t: string): void }, fn: () => Promise<T>): Promise<T | number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.USAGE;
    }
    const msg = validationMessage(e);
    if (msg) {
      io.err(`Thông tin đợt không hợp lệ — ${msg}`);
      return EXIT.USAGE;
    }
    throw e;
  }
}

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
    path: ['campaigns', 'show'],
    usage: 'campaigns show ID [--db PATH] [--json]',
    summary: 'Xem mọi thông tin của một đợt hiến máu.',
    async run(ctx, args, io) {
      const id = Number(args.positionals[0]);
      if (!Number.isInteger(id)) {
        io.err('Thiếu số đợt. Cách dùng: campaigns show ID (xem số đợt bằng lệnh: campaigns list)');
        return EXIT.USAGE;
      }
      const c = await getCampaign(ctx, id);
      io.out(args.options.json ? JSON.stringify(c, null, 2) : Object.entries(c).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n'));
      return EXIT.OK;
    },
  },
  {
    path: ['campaigns', 'create'],
    usage: `campaigns create TÊN [--name TÊN] ${FIELD_USAGE}`,
    summary: 'Tạo một đợt hiến máu mới với các thông tin của kế hoạch (căn cứ lặp lại --legal-basis cho mỗi dòng).',
    async run(ctx, args, io) {
      const name = args.positionals.join(' ') || optString(args, 'name');
      if (!name) {
        io.err('Thiếu tên đợt. Cách dùng: campaigns create "Hành trình đỏ 2026" --date 2026-06-17');
        return EXIT.USAGE;
      }
      const r = await run(io, async () => {
        const input = { name, ...fieldsFrom(args) };
        campaignInputSchema.parse(input);
        return createCampaign(ctx, input);
      });
      if (typeof r === 'number') return r;
      if (args.options.json) io.out(JSON.stringify(r));
      else io.out(`Đã tạo đợt số ${r.id}: ${r.name}`);
      return EXIT.OK;
    },
  },
  {
    path: ['campaigns', 'update'],
    usage: `campaigns update ID [--name TÊN] ${FIELD_USAGE}`,
    summary: 'Sửa thông tin một đợt (chỉ các mục được nêu; --legal-basis thay cả danh sách căn cứ, --deadline "" để xoá hạn).',
    async run(ctx, args, io) {
      const id = Number(args.positionals[0]);
      if (!Number.isInteger(id) || args.positionals.length > 1) {
        io.err('Cách dùng: campaigns update ID [--name …] [--slogan …] … (xem số đợt bằng lệnh: campaigns list; tên có dấu cách hãy đặt trong dấu ngoặc kép)');
        return EXIT.USAGE;
      }
      const r = await run(io, async () => {
        const before = await getCampaign(ctx, id);
        const patch = fieldsFrom(args, before);
        const name = optString(args, 'name');
        if (name !== undefined) patch.name = name;
        if (Object.keys(patch).length === 0) throw new UsageError('Không có mục nào để sửa. Ví dụ: campaigns update 1 --place "Nhà Văn hóa thành phố" --legal-basis "Căn cứ …"');
        campaignInputSchema.partial().parse(patch);
        return updateCampaign(ctx, { id, ...patch });
      });
      if (typeof r === 'number') return r;
      if (args.options.json) io.out(JSON.stringify(r));
      else io.out(`Đã cập nhật đợt số ${r.id}: ${r.name}`);
      return EXIT.OK;
    },
  },
];
