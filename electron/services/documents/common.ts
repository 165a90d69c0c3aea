import type { ServiceContext } from '../context';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import type { OfficeProfile } from '../../../shared/ipc/channels/app';
import type { generateOptionsSchema } from '../../../shared/ipc/channels/documents';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { getOffice } from '../settings/office';
import { getCampaign } from '../campaigns/campaigns';
import {
  formatNumberVi, shortDate, weekdayVi, placeAndDate, documentDateParts, inSentence, officeWithLocality, localityOf, campaignInSentence, withYear,
} from '../../../shared/domain/documents/format';
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
  const name = campaignInSentence(campaign.name);
  return {
    ten_dot: name,
    ten_dot_nam: withYear(name, year),
    khau_hieu: campaign.slogan,
    nam: year,
    ten_co_quan: inSentence(office.officeName),
    co_quan_dia_phuong: officeWithLocality(office.officeName, office.placeName).replace(/hiến máu tình nguyện(?! \(HMTN\))/iu, (m) => `${m} (HMTN)`),
    dia_ban: localityOf(office.officeName, office.placeName),
    co_quan_thuong_truc: standingBody(office),
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

/** The steering committee's standing body (an office setting), else the Red Cross of the place. */
export function standingBody(office: OfficeProfile): string {
  const set = inSentence(office.standingBody ?? '');
  if (set) return set;
  if (/chữ thập đỏ/iu.test(office.officeName)) return inSentence(office.officeName);
  return `Hội Chữ thập đỏ ${localityOf(office.officeName, office.placeName)}`;
}

/** Numbered documents printed as drafts leave the day for the records clerk: "Lạng Sơn, ngày     tháng 4 năm 2026". */
export function draftPlaceDate(place: string, iso: string): string {
  const p = documentDateParts(iso);
  return `${place.trim()}, ngày       tháng ${p.month} năm ${p.year}`;
}

const NUMBERED_TYPES = new Set(['plan', 'result-report', 'invitations']);

export async function loadDocContext(ctx: ServiceContext, opts: ParsedOptions, progress: DocContext['progress']): Promise<DocContext> {
  const office = await requireOffice(ctx);
  const campaign = await getCampaign(ctx, opts.campaignId);
  const issuedOn = opts.issuedOn ?? todayIso(ctx);
  return {
    ctx, opts, office, campaign, issuedOn, progress,
    signer: opts.signer ?? signerFromOffice(office),
    placeDate: NUMBERED_TYPES.has(opts.type) && !opts.issue ? draftPlaceDate(office.placeName, issuedOn) : placeAndDate(office.placeName, issuedOn),
    values: campaignValues(campaign, office),
  };
}
