import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { registrationGroups } from './export-groups';
import { safeCell as escapeCell } from '../spreadsheet/excel-export';
import { displayDate } from '../../../shared/domain/display-date';
import { q, sql } from '../../db/query';

/** Text cells of the feedback file, formula-escaped (= + - @) like every Excel export. */
function safeCell(v: string | null | undefined): string {
  return escapeCell(v ?? '');
}


interface RegDetail {
  id: number;
  person_id: number;
  unit_id: number | null;
  unit_name: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  credited: number;
  full_name: string;
  birth_date: string | null;
}

function where(r: RegDetail): string {
  const src = [r.source_file, r.source_sheet ? `trang ${r.source_sheet}` : null, r.source_row ? `dòng ${r.source_row}` : null].filter(Boolean).join(', ');
  return `${r.unit_name ?? 'Chưa rõ đơn vị'}${src ? ` (${src})` : ''}`;
}

/**
 * The unit's own list, ready to e-mail back: each row marked when the person is registered more
 * than once in the campaign, where else, and which unit the quota counts for.
 */
export async function exportUnitFeedback(ctx: ServiceContext, campaignId: number, unitId: number) {
  const read = ctx.data.read;
  const unit = read.get(q.selectFrom('units').select('name').where('id', '=', unitId));
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `Không tìm thấy đơn vị #${unitId}. Hãy chọn một đơn vị trong danh sách.`);
  const campaign = read.get(q.selectFrom('campaigns').select('name').where('id', '=', campaignId));
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', `Không tìm thấy đợt hiến máu số ${campaignId}.`);
  const details = new Map<number, RegDetail>();
  const rows = read.all(
    sql<RegDetail>`SELECT r.id, r.person_id, r.unit_id, u.name AS unit_name, r.source_file, r.source_sheet, r.source_row, r.credited, p.full_name, p.birth_date
       FROM registrations r JOIN people p ON p.id = r.person_id LEFT JOIN units u ON u.id = r.unit_id
       WHERE r.campaign_id = ${campaignId} AND r.status = 'active'`,
  );
  for (const r of rows) details.set(r.id, r);
  const groupOf = new Map<number, number[]>();
  for (const g of await registrationGroups(ctx, campaignId)) for (const r of g) groupOf.set(r.id, g.map((x) => x.id));

  const mine = [...details.values()].filter((r) => r.unit_id === unitId).sort((a, b) => (a.source_file ?? '').localeCompare(b.source_file ?? '') || (a.source_sheet ?? '').localeCompare(b.source_sheet ?? '') || (a.source_row ?? 0) - (b.source_row ?? 0));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phản hồi trùng lặp');
  ws.addRow([safeCell(`PHẢN HỒI DANH SÁCH ĐĂNG KÝ — ${unit.name.toLocaleUpperCase('vi')}`)]).font = { bold: true, size: 13 };
  ws.addRow([safeCell(`Đợt: ${campaign.name}`)]);
  ws.addRow([]);
  const header = ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Tệp', 'Trang tính', 'Dòng', 'Trùng lặp', 'Đăng ký ở nơi khác', 'Tính chỉ tiêu cho']);
  header.font = { bold: true };
  let dupCount = 0;
  mine.forEach((r, i) => {
    const others = (groupOf.get(r.id) ?? []).filter((id) => id !== r.id).map((id) => details.get(id)!).filter(Boolean);
    const confirmed = others.some((o) => o.person_id === r.person_id);
    if (others.length) dupCount++;
    const creditedReg = [r, ...others].find((x) => x.person_id === r.person_id && x.credited === 1 && (confirmed || x.id === r.id));
    const credit = !others.length ? unit.name : confirmed ? (creditedReg?.unit_name ?? '') : 'Chưa xác nhận';
    const row = ws.addRow([
      i + 1,
      safeCell(r.full_name),
      safeCell(displayDate(r.birth_date)),
      safeCell(r.source_file),
      safeCell(r.source_sheet),
      r.source_row,
      others.length ? (confirmed ? 'Trùng (đã xác nhận)' : 'Có thể trùng') : '',
      safeCell(others.map(where).join('; ')),
      safeCell(credit),
    ]);
    if (others.length) row.getCell(7).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.addRow([]);
  ws.addRow([safeCell(`Tổng cộng: ${mine.length} người đăng ký, ${dupCount} người trùng với danh sách khác.`)]);
  [6, 28, 12, 28, 14, 7, 20, 50, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  ctx.data.write((w) => appendAudit(w, { action: 'duplicates.exportFeedback', entity: 'unit', entityId: unitId, detail: `Xuất phản hồi trùng lặp: ${mine.length} dòng, ${dupCount} trùng` }, ctx.now().toISOString()));
  const safeName = unit.name.replace(/[\\/:*?"<>|]/g, '-');
  return { name: `Phản hồi trùng lặp - ${safeName}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: buf.toString('base64') };
}

/** Units of the campaign with their registration and duplicate counts (to pick what to export). */
export async function unitDuplicateCounts(ctx: ServiceContext, campaignId: number) {
  const regs = ctx.data.read.all(
    sql<{ id: number; unit_id: number; name: string }>`SELECT r.id, r.unit_id, u.name FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.campaign_id = ${campaignId} AND r.status = 'active'`,
  );
  const dup = new Set<number>();
  for (const g of await registrationGroups(ctx, campaignId)) for (const r of g) dup.add(r.id);
  const byUnit = new Map<number, { unitId: number; unitName: string; registrations: number; duplicates: number }>();
  for (const r of regs) {
    const u = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.name, registrations: 0, duplicates: 0 };
    u.registrations++;
    if (dup.has(r.id)) u.duplicates++;
    byUnit.set(r.unit_id, u);
  }
  return [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}
