import type { ServiceContext } from '../context';
import type { Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import type { CheckinHit, RecordOutcomeInput } from '../../../shared/ipc/channels/donation-day';
import { recordOutcomeSchema } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { campaignById } from '../campaigns/campaigns';
import { donationDateFor, localDate } from '../donors/dates';
import { loadRootResolver, mergedFamily, mergeSnapshot } from '../people/survivors';
import { checkinIndex } from './checkin-index';
import { campaignDonation, hitFor } from './person-state';
import { setArrival } from './arrivals';

export interface OutcomeSource {
  file: string;
  row: number;
}

/** What a batch of outcomes (a result list) shares: read once, not per row. The batch writes one audit entry. */
export interface OutcomeBatch {
  campaign: Campaign;
  resolve(id: number): number;
  family(root: number): number[];
}

export function outcomeBatch(ctx: ServiceContext, w: Writer, campaignId: number): OutcomeBatch {
  const campaign = campaignById(w, campaignId);
  return { campaign, ...mergeSnapshot({ handle: w, caches: ctx.caches }) };
}

const personAlive = statement<{ id: number }, { id: number; deleted_at: string | null }>((p) => q.selectFrom('people').select(['id', 'deleted_at']).where('id', '=', p.id));
const voidIssued = statement<{ reason: string; donationId: number }>((p) =>
  q.updateTable('certificate_serials').set({ status: 'void', void_reason: p.reason, donation_id: null }).where('donation_id', '=', p.donationId).where('status', '=', 'issued'),
);
const unlinkSerials = statement<{ donationId: number }>((p) => q.updateTable('certificate_serials').set({ donation_id: null }).where('donation_id', '=', p.donationId));
const deleteDonation = statement<{ id: number }>((p) => q.deleteFrom('donations').where('id', '=', p.id));
const deleteDeferrals = statement<{ donationId: number }>((p) => q.deleteFrom('deferrals').where('donation_id', '=', p.donationId));
const updateDonation = statement<{ personId: number; registrationId: number | null; date: string; outcome: 'donated' | 'deferred'; volume: number | null; facility: string | null; file: string | null; row: number | null; id: number }>(
  (p) => sql`UPDATE donations SET person_id = ${p.personId}, registration_id = COALESCE(${p.registrationId}, registration_id), donated_on = ${p.date}, outcome = ${p.outcome}, volume_ml = ${p.volume}, facility = COALESCE(facility, ${p.facility}), source_file = COALESCE(${p.file}, source_file), source_row = COALESCE(${p.row}, source_row) WHERE id = ${p.id}`,
);
const insertDonation = statement<{ personId: number; campaignId: number; registrationId: number | null; date: string; outcome: 'donated' | 'deferred'; volume: 250 | 350 | 450 | null; facility: string | null; file: string | null; row: number | null; now: string }>((p) =>
  q.insertInto('donations').values({
    person_id: p.personId, campaign_id: p.campaignId, registration_id: p.registrationId, donated_on: p.date, outcome: p.outcome, volume_ml: p.volume, facility: p.facility, source_file: p.file, source_row: p.row, created_at: p.now,
  }),
);
const insertDeferral = statement<{ donationId: number; reason: string | null }>((p) => q.insertInto('deferrals').values({ donation_id: p.donationId, reason: p.reason as string }));
const serialByText = statement<{ serial: string }, { id: number; person_id: number | null; status: string }>((p) => q.selectFrom('certificate_serials').select(['id', 'person_id', 'status']).where('serial', '=', p.serial));
const voidOtherSerials = statement<{ donationId: number; serial: string }>(
  (p) => sql`UPDATE certificate_serials SET status = 'void', void_reason = 'Thay bằng số khác', donation_id = NULL WHERE donation_id = ${p.donationId} AND serial != ${p.serial} AND status = 'issued'`,
);
const takeSerial = statement<{ personId: number; donationId: number; campaignId: number; id: number }>((p) =>
  q.updateTable('certificate_serials').set({ person_id: p.personId, donation_id: p.donationId, campaign_id: p.campaignId }).where('id', '=', p.id),
);
const insertSerial = statement<{ serial: string; personId: number; donationId: number; campaignId: number; date: string }>((p) =>
  q.insertInto('certificate_serials').values({ serial: p.serial, person_id: p.personId, donation_id: p.donationId, campaign_id: p.campaignId, status: 'issued', issued_on: p.date }),
);

/**
 * Writes one person's outcome for the campaign: one donation row per person and campaign (recording
 * again replaces it), a deferral row with the reason, the certificate serial handed over.
 * Runs inside the caller's write (`w`).
 */
export function writeOutcome(ctx: ServiceContext, w: Writer, input: RecordOutcomeInput, source: OutcomeSource | null = null, batch: OutcomeBatch | null = null): void {
  const v = recordOutcomeSchema.parse(input);
  const c = batch?.campaign ?? campaignById(w, v.campaignId);
  const scope = { handle: w, caches: ctx.caches };
  const person = w.get(personAlive, { id: v.personId });
  if (!person || person.deleted_at) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
  const root = batch ? batch.resolve(v.personId) : loadRootResolver(scope)(v.personId);
  const family = batch ? batch.family(root) : mergedFamily(scope, root);
  const now = ctx.now().toISOString();
  const existing = campaignDonation(w, c.id, family);
  const voidSerials = (donationId: number, reason: string) => w.run(voidIssued, { reason, donationId });
  if (v.outcome === 'clear') {
    if (existing) {
      voidSerials(existing.id, 'Huỷ kết quả hiến máu');
      w.run(unlinkSerials, { donationId: existing.id });
      w.run(deleteDonation, { id: existing.id });
    }
    for (const id of new Set([root, ...family])) setArrival(w, c.id, id, null);
    appendAudit(w, { action: 'donation.clear', entity: 'person', entityId: root, detail: `Đợt ${c.id}` });
    return;
  }
  if (v.outcome === 'came') {
    setArrival(w, c.id, root, now);
    appendAudit(w, { action: 'donation.arrived', entity: 'person', entityId: root, detail: `Đợt ${c.id}` });
    return;
  }
  if (v.outcome === 'deferred' && !v.reason) throw new AppError('VALIDATION', 'Hãy ghi lý do hoãn hiến (ví dụ: huyết áp thấp, thiếu cân).');
  const registrationId = v.registrationId ?? checkinIndex(scope, c.id).byPerson.get(root)?.registrationId ?? null;
  const date = v.date ?? donationDateFor(c.donationDates, localDate(ctx.now()));
  const volume = v.outcome === 'donated' ? v.volumeMl : null;
  const from = { facility: c.bloodFacility, file: source?.file ?? null, row: source?.row ?? null };
  let donationId: number;
  if (existing) {
    donationId = existing.id;
    w.run(updateDonation, { personId: root, registrationId, date, outcome: v.outcome, volume, ...from, id: donationId });
    w.run(deleteDeferrals, { donationId });
  } else {
    donationId = w.run(insertDonation, { personId: root, campaignId: c.id, registrationId, date, outcome: v.outcome, volume, ...from, now }).lastInsertRowid;
  }
  if (v.outcome === 'deferred') {
    w.run(insertDeferral, { donationId, reason: v.reason });
    voidSerials(donationId, 'Người hiến bị hoãn hiến');
  }
  if (v.outcome === 'donated' && v.certificateSerial) {
    const serial = v.certificateSerial;
    const used = w.get(serialByText, { serial });
    if (used && (used.status === 'void' || (used.person_id !== null && !family.includes(used.person_id)))) {
      throw new AppError('SERIAL_USED', `Số giấy chứng nhận "${serial}" đã được dùng${used.status === 'void' ? ' và đã huỷ' : ' cho người khác'}. Hãy kiểm tra lại số in trên giấy.`);
    }
    w.run(voidOtherSerials, { donationId, serial });
    if (used) w.run(takeSerial, { personId: root, donationId, campaignId: c.id, id: used.id });
    else w.run(insertSerial, { serial, personId: root, donationId, campaignId: c.id, date });
  }
  if (batch) return;
  appendAudit(w, {
    action: `donation.${v.outcome}`,
    entity: 'person',
    entityId: root,
    detail: `Đợt ${c.id}${volume ? `, ${volume} ml` : ''}${source ? ', từ danh sách kết quả' : ''}`,
  });
}

/** The screen's "record" action: one transaction, then the person's fresh state. */
export async function recordOutcome(ctx: ServiceContext, input: RecordOutcomeInput): Promise<CheckinHit> {
  // An outcome changes donations only: the check-in index and the merges stay as they are.
  await ctx.caches.write(ctx.data, ['donations'], () => ctx.data.write((w) => writeOutcome(ctx, w, input)));
  const root = loadRootResolver(ctx)(input.personId);
  const entry = checkinIndex(ctx, input.campaignId).byPerson.get(root);
  if (!entry) throw new AppError('NOT_REGISTERED', 'Người này chưa có đăng ký trong đợt; hãy thêm như người hiến tại chỗ.');
  return hitFor(ctx.data.read, input.campaignId, entry);
}
