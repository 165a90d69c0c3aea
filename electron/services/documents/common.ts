import type { ServiceContext } from '../context';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import type { OfficeProfile } from '../../../shared/ipc/channels/app';
import type { generateOptionsSchema } from '../../../shared/ipc/channels/documents';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { getOffice } from '../settings/office';
import { getCampaign } from '../campaigns/campaigns';
import { formatNumberVi, shortDate, weekdayVi, placeAndDate } from '../../../shared/domain/documents/format';
import type { TemplateValues } from '../../../shared/domain/documents/template';
import { signerFromOffice, type Signer } from './pdf/nd30';

export type ParsedOptions = z.output<typeof generateOptionsSchema>;

export interface DocContext {
  ctx: ServiceContext;
  opts: ParsedOptions;
  office: OfficeProfile;
  campaign: Campaign;
  issuedOn: string;
  signer: Signer;
  /** "Lạng Sơn, ngày 05 tháng 4 năm 2024". */
  placeDate: string;
  values: TemplateValues;
  /** Reports progress 0..1 and checks for cancel. */
  progress(fraction: number, message: string): void;
}

export function todayIso(ctx: ServiceContext): string {
  const d = ctx.now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export async function requireOffice(ctx: ServiceContext): Promise<OfficeProfile> {
  const office = await getOffice(ctx);
  if (!office) {
    throw new AppError('OFFICE_MISSING', 'Chưa có thông tin cơ quan ban hành (tên, địa danh, người ký). Hãy nhập ở mục "Sao lưu & cài đặt" trước khi in.');
  }
  return office;
}

/** Values for {{placeholders}} from the campaign and the office. */
export function campaignValues(campaign: Campaign, office: OfficeProfile): TemplateValues {
  const first = campaign.donationDates[0];
  const year = first ? first.slice(0, 4) : campaign.createdAt.slice(0, 4);
  return {
    ten_dot: campaign.name,
    khau_hieu: campaign.slogan,
    nam: year,
    ten_co_quan: office.officeName,
    so_ke_hoach: campaign.planNumber,
    dia_danh: office.placeName,
    chi_tieu_dang_ky: campaign.targetRegistrants != null ? formatNumberVi(campaign.targetRegistrants) : null,
    chi_tieu_don_vi_mau: campaign.targetBloodUnits != null ? formatNumberVi(campaign.targetBloodUnits) : null,
    ngay_hien: campaign.donationDates.map(shortDate).join(', '),
    thu: first ? weekdayVi(first) : null,
    gio: campaign.donationTime,
    dia_diem: campaign.place,
    co_so_tiep_nhan: campaign.bloodFacility,
    han_dang_ky: campaign.registrationDeadline ? shortDate(campaign.registrationDeadline) : null,
    tuoi_nam: `${campaign.ageMinMale} - ${campaign.ageMaxMale}`,
    tuoi_nu: `${campaign.ageMinFemale} - ${campaign.ageMaxFemale}`,
  };
}

export async function loadDocContext(ctx: ServiceContext, opts: ParsedOptions, progress: DocContext['progress']): Promise<DocContext> {
  const office = await requireOffice(ctx);
  const campaign = await getCampaign(ctx, opts.campaignId);
  const issuedOn = opts.issuedOn ?? todayIso(ctx);
  return {
    ctx, opts, office, campaign, issuedOn, progress,
    signer: opts.signer ?? signerFromOffice(office),
    placeDate: placeAndDate(office.placeName, issuedOn),
    values: campaignValues(campaign, office),
  };
}
