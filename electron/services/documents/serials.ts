import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q, statement } from '../../db/query';
import { AppError } from '../../../shared/errors/app-error';
import { nextSerial } from '../../../shared/domain/documents/numbering';
import { appendAudit } from '../audit/audit-log';

export interface SerialAssignment {
  serial: string;
  personId: number;
  donationId: number;
}

/** The serials start, start+1, … for n forms; refuses serials already in the register. */
export function planSerials(r: Reader, start: string, count: number): string[] {
  if (!/\d+$/.test(start.trim())) throw new AppError('VALIDATION', `Số phôi "${start}" phải kết thúc bằng chữ số (ví dụ: 012345). Hãy nhập lại số của tờ phôi đầu tiên.`);
  const serials: string[] = [];
  for (let i = 0; i < count; i++) serials.push(nextSerial(start, i));
  const taken: string[] = [];
  for (let i = 0; i < serials.length; i += 500) {
    taken.push(...r.column(q.selectFrom('certificate_serials').select('serial').where('serial', 'in', serials.slice(i, i + 500))));
  }
  if (taken.length) {
    throw new AppError('SERIAL_TAKEN', `Số phôi ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? '…' : ''} đã được ghi sổ. Hãy nhập số của tờ phôi chưa dùng.`);
  }
  return serials;
}

/** The register id of a serial to print again: it must exist and be voided first. */
export function voidedSerialId(r: Reader, serial: string): number {
  const old = r.get(q.selectFrom('certificate_serials').select(['id', 'status']).where('serial', '=', serial));
  if (!old) throw new AppError('SERIAL_NOT_FOUND', `Không có số phôi ${serial} trong sổ. Hãy kiểm tra lại số cần cấp lại.`);
  if (old.status !== 'void') throw new AppError('SERIAL_NOT_VOID', `Số phôi ${serial} chưa được huỷ. Hãy huỷ (ghi lý do) trước khi cấp lại.`);
  return old.id;
}

const insertSerial = statement<{ serial: string; personId: number; donationId: number; campaignId: number; issuedOn: string; reissueOf: number | null }>((p) =>
  q.insertInto('certificate_serials').values({
    serial: p.serial, person_id: p.personId, donation_id: p.donationId, campaign_id: p.campaignId, status: 'issued', issued_on: p.issuedOn, reissue_of: p.reissueOf,
  }),
);

/** Writes the printed forms into the serial register (in the writer's transaction). */
export function recordSerials(w: Writer, args: { campaignId: number; issuedOn: string; items: SerialAssignment[]; reissueOf?: string }): void {
  const reissueOf = args.reissueOf ? voidedSerialId(w, args.reissueOf) : null;
  for (const it of args.items) {
    w.run(insertSerial, { serial: it.serial, personId: it.personId, donationId: it.donationId, campaignId: args.campaignId, issuedOn: args.issuedOn, reissueOf });
  }
  appendAudit(w, { action: 'certificates.issue', entity: 'campaign', entityId: args.campaignId, detail: `Ghi sổ ${args.items.length} số phôi giấy chứng nhận` });
}

/** The serial already recorded (not voided) for each of these donations: one donation has one serial (issue 15, item 3). */
export function serialsOfDonations(r: Reader, donationIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < donationIds.length; i += 500) {
    const rows = r.all(
      q.selectFrom('certificate_serials').select(['donation_id', 'serial']).where('status', '=', 'issued').where('donation_id', 'in', donationIds.slice(i, i + 500)).orderBy('id'),
    );
    for (const x of rows) if (x.donation_id !== null) out.set(x.donation_id, x.serial);
  }
  return out;
}

/** Gives back serials recorded for a print that then failed: the forms were not printed. */
export function releaseSerials(w: Writer, args: { campaignId: number; serials: string[]; reason: string }): void {
  if (!args.serials.length) return;
  for (let i = 0; i < args.serials.length; i += 500) {
    w.run(q.deleteFrom('certificate_serials').where('serial', 'in', args.serials.slice(i, i + 500)).where('campaign_id', '=', args.campaignId).where('status', '=', 'issued'));
  }
  appendAudit(w, { action: 'certificates.unissue', entity: 'campaign', entityId: args.campaignId, detail: `Trả lại ${args.serials.length} số phôi chưa in được: ${args.reason}`.slice(0, 300) });
}

export async function voidSerial(ctx: ServiceContext, serial: string, reason: string): Promise<{ serial: string }> {
  ctx.data.write((w) => {
    const row = w.get(q.selectFrom('certificate_serials').select(['id', 'status']).where('serial', '=', serial.trim()));
    if (!row) throw new AppError('SERIAL_NOT_FOUND', `Không có số phôi ${serial} trong sổ. Hãy kiểm tra lại số phôi.`);
    if (row.status === 'void') throw new AppError('SERIAL_ALREADY_VOID', `Số phôi ${serial} đã huỷ từ trước.`);
    w.run(q.updateTable('certificate_serials').set({ status: 'void', void_reason: reason.normalize('NFC') }).where('id', '=', row.id));
    appendAudit(w, { action: 'certificates.void', entity: 'certificate_serial', entityId: row.id, detail: 'Huỷ số phôi giấy chứng nhận' });
  });
  return { serial: serial.trim() };
}

export async function listSerials(ctx: ServiceContext, campaignId: number) {
  const rows = ctx.data.read.all(
    q
      .selectFrom('certificate_serials as s')
      .leftJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('certificate_serials as o', 'o.id', 's.reissue_of')
      .select(['s.id', 's.serial', 'p.full_name', 's.status', 's.issued_on', 's.void_reason', 'o.serial as reissue_serial', 's.donation_id'])
      .where('s.campaign_id', '=', campaignId)
      .orderBy('s.id'),
  );
  const reissued = new Set(rows.map((r) => r.reissue_serial).filter(Boolean));
  return rows.map((r) => ({
    id: r.id, serial: r.serial, personName: r.full_name ?? '', status: r.status, issuedOn: r.issued_on, voidReason: r.void_reason,
    reissueOf: r.reissue_serial, donationId: r.donation_id, reissued: reissued.has(r.serial),
  }));
}
