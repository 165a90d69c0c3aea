import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import type { Campaign, CampaignInput } from '../../../shared/ipc/channels/campaigns';
import { campaignInputSchema } from '../../../shared/ipc/channels/campaigns';
import { AppError } from '../../../shared/errors/app-error';
import { DEFAULT_SUPPORT } from '../../../shared/domain/support';
import { CAMPAIGN_RULE_DEFAULTS } from '../../../shared/domain/campaign-defaults';
import { nfc } from '../../../shared/domain/text';
import { appendAudit } from '../audit/audit-log';
import { rowToCampaign } from './campaign-mapper';

function toRowPatch(v: Partial<CampaignInput>): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  const text = (s: string | null | undefined) => (s ? nfc(s) : null);
  if (v.name !== undefined) p.name = nfc(v.name);
  if (v.slogan !== undefined) p.slogan = text(v.slogan);
  if (v.planNumber !== undefined) p.plan_number = text(v.planNumber);
  if (v.legalBases !== undefined) p.legal_bases = v.legalBases.map(nfc).join('\n');
  if (v.registrationDeadline !== undefined) p.registration_deadline = v.registrationDeadline;
  if (v.donationDates !== undefined) p.donation_dates = JSON.stringify([...v.donationDates].sort());
  if (v.donationTime !== undefined) p.donation_time = text(v.donationTime);
  if (v.place !== undefined) p.place = text(v.place);
  if (v.bloodFacility !== undefined) p.blood_facility = text(v.bloodFacility);
  if (v.targetRegistrants !== undefined) p.target_registrants = v.targetRegistrants;
  if (v.targetBloodUnits !== undefined) p.target_blood_units = v.targetBloodUnits;
  if (v.ageMinMale !== undefined) p.age_min_male = v.ageMinMale;
  if (v.ageMaxMale !== undefined) p.age_max_male = v.ageMaxMale;
  if (v.ageMinFemale !== undefined) p.age_min_female = v.ageMinFemale;
  if (v.ageMaxFemale !== undefined) p.age_max_female = v.ageMaxFemale;
  if (v.minIntervalDays !== undefined) p.min_interval_days = v.minIntervalDays;
  if (v.support !== undefined) p.support = JSON.stringify(v.support);
  return p;
}

function checkAges(c: Campaign): void {
  if (c.ageMinMale > c.ageMaxMale || c.ageMinFemale > c.ageMaxFemale) {
    throw new AppError('VALIDATION', 'Tuổi tối thiểu phải nhỏ hơn hoặc bằng tuổi tối đa. Hãy sửa lại giới hạn tuổi.');
  }
}

export async function listCampaigns(ctx: ServiceContext, opts: { includeArchived?: boolean } = {}): Promise<Campaign[]> {
  let query = q.selectFrom('campaigns').selectAll().orderBy('id', 'desc');
  if (!opts.includeArchived) query = query.where('archived', '=', 0);
  return ctx.data.read.all(query).map(rowToCampaign);
}

/** A campaign by id through any handle (inside a write too); the clerk's message when it is gone. */
export function campaignById(r: Reader, id: number): Campaign {
  const row = r.get(q.selectFrom('campaigns').selectAll().where('id', '=', id));
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND', `Không tìm thấy đợt hiến máu số ${id}. Hãy chọn một đợt trong danh sách.`);
  return rowToCampaign(row);
}

export async function getCampaign(ctx: ServiceContext, id: number): Promise<Campaign> {
  return campaignById(ctx.data.read, id);
}

/** Inserts a campaign (settings checked, audited); inside the caller's write. */
function insertCampaign(w: Writer, v: CampaignInput, now: string): Campaign {
  const row = w.get(
    q
      .insertInto('campaigns')
      .values({
        name: '',
        legal_bases: '',
        donation_dates: '[]',
        support: JSON.stringify(DEFAULT_SUPPORT),
        age_min_male: CAMPAIGN_RULE_DEFAULTS.ageMinMale,
        age_max_male: CAMPAIGN_RULE_DEFAULTS.ageMaxMale,
        age_min_female: CAMPAIGN_RULE_DEFAULTS.ageMinFemale,
        age_max_female: CAMPAIGN_RULE_DEFAULTS.ageMaxFemale,
        min_interval_days: CAMPAIGN_RULE_DEFAULTS.minIntervalDays,
        created_at: now,
        updated_at: now,
        ...toRowPatch(v),
      } as never)
      .returningAll(),
  )!;
  const c = rowToCampaign(row);
  checkAges(c);
  appendAudit(w, { action: 'campaign.create', entity: 'campaign', entityId: c.id, detail: c.name });
  return c;
}

export async function createCampaign(ctx: ServiceContext, input: CampaignInput): Promise<Campaign> {
  const v = campaignInputSchema.parse(input);
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => insertCampaign(w, v, now));
}

export async function updateCampaign(ctx: ServiceContext, input: Partial<CampaignInput> & { id: number }): Promise<Campaign> {
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => {
    const before = campaignById(w, input.id);
    checkAges({ ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Campaign);
    const { id, ...rest } = input;
    w.run(q.updateTable('campaigns').set({ ...toRowPatch(rest), updated_at: now }).where('id', '=', id));
    appendAudit(w, { action: 'campaign.update', entity: 'campaign', entityId: id, detail: before.name });
    return campaignById(w, id);
  });
}

/** Starts the next campaign from an earlier one: settings and quotas, not registrations. */
export async function copyCampaign(ctx: ServiceContext, args: { id: number; name: string }): Promise<Campaign> {
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => {
    const src = campaignById(w, args.id);
    const { id: _id, archived: _a, createdAt: _c, ...rest } = src;
    const copy = insertCampaign(w, campaignInputSchema.parse({ ...rest, name: args.name, donationDates: [], registrationDeadline: null, planNumber: null }), now);
    w.run(
      q
        .insertInto('quotas')
        .columns(['campaign_id', 'unit_id', 'month', 'registrants', 'blood_units'])
        .expression((eb) =>
          eb.selectFrom('quotas').select([eb.val(copy.id).as('campaign_id'), 'unit_id', 'month', 'registrants', 'blood_units']).where('campaign_id', '=', src.id),
        ),
    );
    return copy;
  });
}
