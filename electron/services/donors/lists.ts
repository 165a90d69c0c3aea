import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import { q, sql } from '../../db/query';
import type { DonorSummary } from '../../../shared/ipc/channels/donors';
import type { FileDownload } from '../../../shared/ipc/channels/files';
import { compareVietnamese } from '../../../shared/domain/text';
import { getCampaign } from '../campaigns/campaigns';
import { getSetting, setSetting } from '../settings/settings';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../../../shared/errors/app-error';
import { addDays, localDate } from './dates';
import { honourCandidates, honourMilestoneSetting } from './honours';
import { isRhNegative, registry, toSummary } from './registry-index';
import { fileSafeName, safeRow, styleTable, workbookDownload } from '../spreadsheet/excel-export';

export { DEFAULT_MILESTONES } from './honours';

function ageAt(birth: string | null, on: string): number | null {
  if (!birth) return null;
  const y = Number(birth.slice(0, 4));
  if (!y) return null;
  let age = Number(on.slice(0, 4)) - y;
  if (birth.length >= 10 && birth.slice(5, 10) > on.slice(5, 10)) age--;
  return age;
}

/**
 * The day "đủ điều kiện hiến lại" is judged on when the clerk has not set one: the campaign's next
 * donation day if it is still ahead, else today (never a past campaign's day: its donors would all
 * look too recent).
 */
export function defaultEligibleDate(donationDates: readonly string[], today: string): string {
  return [...donationDates].sort().find((d) => d >= today) ?? today;
}

/**
 * Donors who may give again on a day (the clerk's, by default defaultEligibleDate): they have
 * donated before, the campaign's minimum interval has passed by that day, and their age on it is
 * within the campaign's limits for their sex.
 */
export async function eligibleDonors(ctx: ServiceContext, args: { campaignId: number; unitId?: number | null; asOf?: string | null }): Promise<{ asOf: string; items: DonorSummary[] }> {
  const c = await getCampaign(ctx, args.campaignId);
  const asOf = args.asOf ?? defaultEligibleDate(c.donationDates, localDate(ctx.now()));
  const items = registry(ctx).filter((p) => {
    if (p.donationCount === 0 || !p.lastDonation) return false;
    if (args.unitId != null && p.unitId !== args.unitId) return false;
    if (p.lastDonation && addDays(p.lastDonation, c.minIntervalDays) > asOf) return false;
    const age = ageAt(p.birthDate, asOf);
    const [min, max] = p.gender === 'F' ? [c.ageMinFemale, c.ageMaxFemale] : [c.ageMinMale, c.ageMaxMale];
    return age === null || (age >= min && age <= max);
  });
  items.sort((a, b) => compareVietnamese(a.unitName ?? '\uffff', b.unitName ?? '\uffff'));
  return { asOf, items: items.map((p) => ({ ...toSummary(p), nextEligible: p.lastDonation ? addDays(p.lastDonation, c.minIntervalDays) : null })) };
}

const viDate = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');

/** The eligible list per unit, one sheet per unit, to send to the units before the campaign. */
export async function exportEligibleExcel(ctx: ServiceContext, args: { campaignId: number; unitId?: number | null; asOf?: string | null }): Promise<FileDownload> {
  const c = await getCampaign(ctx, args.campaignId);
  const { asOf, items } = await eligibleDonors(ctx, args);
  const wb = new ExcelJS.Workbook();
  const groups = new Map<string, DonorSummary[]>();
  for (const p of items) groups.set(p.unitName ?? 'Chưa rõ đơn vị', [...(groups.get(p.unitName ?? 'Chưa rõ đơn vị') ?? []), p]);
  if (groups.size === 0) groups.set('Danh sách', []);
  const used = new Set<string>();
  for (const [unit, list] of groups) {
    let name = unit.replace(/[*?:\\/[\]]/g, ' ').slice(0, 28).trim() || 'Đơn vị';
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 25)} ${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow(safeRow([`DANH SÁCH NGƯỜI ĐỦ ĐIỀU KIỆN HIẾN MÁU LẠI — ${unit}`]));
    ws.addRow(safeRow([`${c.name}; tính đến ngày ${viDate(asOf)}`]));
    ws.getRow(1).font = { bold: true };
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', 'Nhóm máu', 'Số lần đã hiến', 'Lần hiến gần nhất']);
    list.forEach((p, i) =>
      ws.addRow(safeRow([i + 1, p.fullName, p.birthDate?.slice(0, 4) ?? '', p.gender === 'F' ? 'Nữ' : p.gender === 'M' ? 'Nam' : '', p.phone ?? '', p.bloodGroup ?? '', p.donationCount, viDate(p.lastDonation)])),
    );
    styleTable(ws, 3, [6, 28, 10, 10, 14, 10, 12, 16]);
  }
  ctx.data.write((w) => appendAudit(w, { action: 'donors.export-eligible', entity: 'campaign', entityId: c.id, detail: `${items.length} người, tính đến ${viDate(asOf)}` }));
  return workbookDownload(wb, `Đủ điều kiện hiến lại - ${fileSafeName(c.name)}.xlsx`);
}

/** Rare groups (Rh−) and the office's reserve donors. */
export function rareAndReserve(ctx: ServiceContext): { items: DonorSummary[] } {
  return { items: registry(ctx).filter((p) => p.reserve || isRhNegative(p.bloodGroup)).map(toSummary) };
}

export async function getMilestones(ctx: ServiceContext): Promise<number[]> {
  return honourMilestoneSetting(ctx);
}

export async function setMilestones(ctx: ServiceContext, milestones: number[]): Promise<{ milestones: number[] }> {
  const m = [...new Set(milestones)].sort((a, b) => a - b);
  ctx.data.write((w) => {
    setSetting(w, 'honours.milestones', m);
    // the documents read 'honours' → { milestones } too: keep both the same
    const legacy = getSetting<Record<string, unknown>>(w, 'honours');
    if (legacy) setSetting(w, 'honours', { ...legacy, milestones: m });
    appendAudit(w, { action: 'settings.milestones', detail: m.join(', ') });
  });
  return { milestones: m };
}

/** The milestones tab: the one honour rule (honours.ts), the same list the honour documents print. */
export async function milestoneList(ctx: ServiceContext, args: { asOf?: string | null } = {}) {
  return honourCandidates(ctx, args);
}

export function markHonoured(ctx: ServiceContext, args: { personId: number; milestone: number; awarded?: boolean }) {
  const today = localDate(ctx.now());
  ctx.data.write((w) => {
    if (!w.get(q.selectFrom('people').select('id').where('id', '=', args.personId))) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này. Hãy tải lại danh sách.');
    w.run(
      sql`INSERT INTO honours (person_id, milestone, proposed_on, awarded_on) VALUES (${args.personId}, ${args.milestone}, ${today}, ${args.awarded ? today : null})
          ON CONFLICT(person_id, milestone) DO UPDATE SET awarded_on = COALESCE(excluded.awarded_on, awarded_on)`,
    );
    appendAudit(w, { action: 'honour.propose', entity: 'person', entityId: args.personId, detail: `Mốc ${args.milestone} lần${args.awarded ? ', đã trao' : ''}` });
  });
  return { personId: args.personId, milestone: args.milestone };
}
