import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import { AppError } from '../../../shared/errors/app-error';
import { nextSerial } from '../../../shared/domain/documents/numbering';
import { appendAudit } from '../audit/audit-log';

export interface SerialAssignment {
  serial: string;
  personId: number;
  donationId: number;
}

/** The serials start, start+1, … for n forms; refuses serials already in the register. */
export async function planSerials(ctx: ServiceContext, start: string, count: number): Promise<string[]> {
  if (!/\d+$/.test(start.trim())) throw new AppError('VALIDATION', `Số phôi "${start}" phải kết thúc bằng chữ số (ví dụ: 012345). Hãy nhập lại số của tờ phôi đầu tiên.`);
  const serials: string[] = [];
  for (let i = 0; i < count; i++) serials.push(nextSerial(start, i));
  const taken: string[] = [];
  for (let i = 0; i < serials.length; i += 500) {
    const rows = await ctx.db.selectFrom('certificate_serials').select('serial').where('serial', 'in', serials.slice(i, i + 500)).execute();
    taken.push(...rows.map((r) => r.serial));
  }
  if (taken.length) {
    throw new AppError('SERIAL_TAKEN', `Số phôi ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? '…' : ''} đã được ghi sổ. Hãy nhập số của tờ phôi chưa dùng.`);
  }
  return serials;
}

/** The register id of a serial to print again: it must exist and be voided first. */
export async function voidedSerialId(ctx: ServiceContext, serial: string): Promise<number> {
  const old = await ctx.db.selectFrom('certificate_serials').select(['id', 'status']).where('serial', '=', serial).executeTakeFirst();
  if (!old) throw new AppError('SERIAL_NOT_FOUND', `Không có số phôi ${serial} trong sổ. Hãy kiểm tra lại số cần cấp lại.`);
  if (old.status !== 'void') throw new AppError('SERIAL_NOT_VOID', `Số phôi ${serial} chưa được huỷ. Hãy huỷ (ghi lý do) trước khi cấp lại.`);
  return old.id;
}

/** Writes the printed forms into the serial register (one transaction). */
export async function recordSerials(
  ctx: ServiceContext,
  args: { campaignId: number; issuedOn: string; items: SerialAssignment[]; reissueOf?: string },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const reissueId = args.reissueOf ? await voidedSerialId(tx, args.reissueOf) : null;
    for (const it of args.items) {
      await tx.db
        .insertInto('certificate_serials')
        .values({ serial: it.serial, person_id: it.personId, donation_id: it.donationId, campaign_id: args.campaignId, status: 'issued', issued_on: args.issuedOn, reissue_of: reissueId })
        .execute();
    }
    appendAudit(tx.sqlite, { action: 'certificates.issue', entity: 'campaign', entityId: args.campaignId, detail: `Ghi sổ ${args.items.length} số phôi giấy chứng nhận` });
  });
}

/** The serial already recorded (not voided) for each of these donations: one donation has one serial (issue 15, item 3). */
export async function serialsOfDonations(ctx: ServiceContext, donationIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < donationIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('certificate_serials')
      .select(['donation_id', 'serial'])
      .where('status', '=', 'issued')
      .where('donation_id', 'in', donationIds.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const r of rows) if (r.donation_id !== null) out.set(r.donation_id, r.serial);
  }
  return out;
}

/** Gives back serials recorded for a print that then failed: the forms were not printed. */
export async function releaseSerials(ctx: ServiceContext, args: { campaignId: number; serials: string[]; reason: string }): Promise<void> {
  if (!args.serials.length) return;
  await inTransaction(ctx, async (tx) => {
    for (let i = 0; i < args.serials.length; i += 500) {
      await tx.db.deleteFrom('certificate_serials').where('serial', 'in', args.serials.slice(i, i + 500)).where('campaign_id', '=', args.campaignId).where('status', '=', 'issued').execute();
    }
    appendAudit(tx.sqlite, { action: 'certificates.unissue', entity: 'campaign', entityId: args.campaignId, detail: `Trả lại ${args.serials.length} số phôi chưa in được: ${args.reason}`.slice(0, 300) });
  });
}

export async function voidSerial(ctx: ServiceContext, serial: string, reason: string): Promise<{ serial: string }> {
  const row = await ctx.db.selectFrom('certificate_serials').select(['id', 'status']).where('serial', '=', serial.trim()).executeTakeFirst();
  if (!row) throw new AppError('SERIAL_NOT_FOUND', `Không có số phôi ${serial} trong sổ. Hãy kiểm tra lại số phôi.`);
  if (row.status === 'void') throw new AppError('SERIAL_ALREADY_VOID', `Số phôi ${serial} đã huỷ từ trước.`);
  await ctx.db.updateTable('certificate_serials').set({ status: 'void', void_reason: reason.normalize('NFC') }).where('id', '=', row.id).execute();
  appendAudit(ctx.sqlite, { action: 'certificates.void', entity: 'certificate_serial', entityId: row.id, detail: 'Huỷ số phôi giấy chứng nhận' });
  return { serial: serial.trim() };
}

export async function listSerials(ctx: ServiceContext, campaignId: number) {
  const rows = await ctx.db
    .selectFrom('certificate_serials as s')
    .leftJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('certificate_serials as o', 'o.id', 's.reissue_of')
    .select(['s.id', 's.serial', 'p.full_name', 's.status', 's.issued_on', 's.void_reason', 'o.serial as reissue_serial', 's.donation_id'])
    .where('s.campaign_id', '=', campaignId)
    .orderBy('s.id')
    .execute();
  const reissued = new Set(rows.map((r) => r.reissue_serial).filter(Boolean));
  return rows.map((r) => ({
    id: r.id, serial: r.serial, personName: r.full_name ?? '', status: r.status, issuedOn: r.issued_on, voidReason: r.void_reason,
    reissueOf: r.reissue_serial, donationId: r.donation_id, reissued: reissued.has(r.serial),
  }));
}
