import { inTransaction, type ServiceContext } from '../context';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import type { CheckinHit, RecordOutcomeInput } from '../../../shared/ipc/channels/donation-day';
import { recordOutcomeSchema } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { getCampaign } from '../campaigns/campaigns';
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

export async function outcomeBatch(ctx: ServiceContext, campaignId: number): Promise<OutcomeBatch> {
  const campaign = await getCampaign(ctx, campaignId);
  return { campaign, ...mergeSnapshot(ctx) };
}

/**
 * Writes one person's outcome for the campaign: one donation row per person and campaign (recording
 * again replaces it), a deferral row with the reason, the certificate serial handed over.
 * Runs inside the caller's transaction when there is one.
 */
export async function writeOutcome(ctx: ServiceContext, input: RecordOutcomeInput, source: OutcomeSource | null = null, batch: OutcomeBatch | null = null): Promise<void> {
  const v = recordOutcomeSchema.parse(input);
  const c = batch?.campaign ?? (await getCampaign(ctx, v.campaignId));
  const sqlite = ctx.sqlite;
  const person = sqlite.prepare('SELECT id, deleted_at FROM people WHERE id = ?').get(v.personId) as { id: number; deleted_at: string | null } | undefined;
  if (!person || person.deleted_at) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
  const root = batch ? batch.resolve(v.personId) : loadRootResolver(ctx)(v.personId);
  const family = batch ? batch.family(root) : mergedFamily(ctx, root);
  const now = ctx.now().toISOString();
  const existing = campaignDonation(sqlite, c.id, family);
  const voidSerials = (donationId: number, reason: string) =>
    sqlite.prepare("UPDATE certificate_serials SET status = 'void', void_reason = ?, donation_id = NULL WHERE donation_id = ? AND status = 'issued'").run(reason, donationId);
  if (v.outcome === 'clear') {
    if (existing) {
      voidSerials(existing.id, 'Huỷ kết quả hiến máu');
      sqlite.prepare('UPDATE certificate_serials SET donation_id = NULL WHERE donation_id = ?').run(existing.id);
      sqlite.prepare('DELETE FROM donations WHERE id = ?').run(existing.id);
    }
    for (const id of new Set([root, ...family])) setArrival(sqlite, c.id, id, null);
    appendAudit(sqlite, { action: 'donation.clear', entity: 'person', entityId: root, detail: `Đợt ${c.id}` });
    return;
  }
  if (v.outcome === 'came') {
    setArrival(sqlite, c.id, root, now);
    appendAudit(sqlite, { action: 'donation.arrived', entity: 'person', entityId: root, detail: `Đợt ${c.id}` });
    return;
  }
  if (v.outcome === 'deferred' && !v.reason) throw new AppError('VALIDATION', 'Hãy ghi lý do hoãn hiến (ví dụ: huyết áp thấp, thiếu cân).');
  const registrationId = v.registrationId ?? checkinIndex(ctx, c.id).byPerson.get(root)?.registrationId ?? null;
  const date = v.date ?? donationDateFor(c.donationDates, localDate(ctx.now()));
  const volume = v.outcome === 'donated' ? v.volumeMl : null;
  let donationId: number;
  if (existing) {
    donationId = existing.id;
    sqlite
      .prepare('UPDATE donations SET person_id = ?, registration_id = COALESCE(?, registration_id), donated_on = ?, outcome = ?, volume_ml = ?, facility = COALESCE(facility, ?), source_file = COALESCE(?, source_file), source_row = COALESCE(?, source_row) WHERE id = ?')
      .run(root, registrationId, date, v.outcome, volume, c.bloodFacility, source?.file ?? null, source?.row ?? null, donationId);
    sqlite.prepare('DELETE FROM deferrals WHERE donation_id = ?').run(donationId);
  } else {
    donationId = Number(
      sqlite
        .prepare('INSERT INTO donations (person_id, campaign_id, registration_id, donated_on, outcome, volume_ml, facility, source_file, source_row, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)')
        .run(root, c.id, registrationId, date, v.outcome, volume, c.bloodFacility, source?.file ?? null, source?.row ?? null, now).lastInsertRowid,
    );
  }
  if (v.outcome === 'deferred') {
    sqlite.prepare('INSERT INTO deferrals (donation_id, reason) VALUES (?, ?)').run(donationId, v.reason);
    voidSerials(donationId, 'Người hiến bị hoãn hiến');
  }
  if (v.outcome === 'donated' && v.certificateSerial) {
    const serial = v.certificateSerial;
    const used = sqlite.prepare('SELECT id, person_id, status FROM certificate_serials WHERE serial = ?').get(serial) as { id: number; person_id: number | null; status: string } | undefined;
    if (used && (used.status === 'void' || (used.person_id !== null && !family.includes(used.person_id)))) {
      throw new AppError('SERIAL_USED', `Số giấy chứng nhận "${serial}" đã được dùng${used.status === 'void' ? ' và đã huỷ' : ' cho người khác'}. Hãy kiểm tra lại số in trên giấy.`);
    }
    sqlite.prepare("UPDATE certificate_serials SET status = 'void', void_reason = 'Thay bằng số khác', donation_id = NULL WHERE donation_id = ? AND serial != ? AND status = 'issued'").run(donationId, serial);
    if (used) sqlite.prepare('UPDATE certificate_serials SET person_id = ?, donation_id = ?, campaign_id = ? WHERE id = ?').run(root, donationId, c.id, used.id);
    else sqlite.prepare('INSERT INTO certificate_serials (serial, person_id, donation_id, campaign_id, status, issued_on) VALUES (?,?,?,?,?,?)').run(serial, root, donationId, c.id, 'issued', date);
  }
  if (batch) return;
  appendAudit(sqlite, {
    action: `donation.${v.outcome}`,
    entity: 'person',
    entityId: root,
    detail: `Đợt ${c.id}${volume ? `, ${volume} ml` : ''}${source ? ', từ danh sách kết quả' : ''}`,
  });
}

/** The screen's "record" action: one transaction, then the person's fresh state. */
export async function recordOutcome(ctx: ServiceContext, input: RecordOutcomeInput): Promise<CheckinHit> {
  // An outcome changes donations only: the check-in index and the merges stay as they are.
  await ctx.caches.write(ctx.sqlite, ['donations'], () => inTransaction(ctx, (tx) => writeOutcome(tx, input)));
  const root = loadRootResolver(ctx)(input.personId);
  const entry = checkinIndex(ctx, input.campaignId).byPerson.get(root);
  if (!entry) throw new AppError('NOT_REGISTERED', 'Người này chưa có đăng ký trong đợt; hãy thêm như người hiến tại chỗ.');
  return hitFor(ctx.sqlite, input.campaignId, entry);
}
