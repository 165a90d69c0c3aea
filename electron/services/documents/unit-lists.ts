import ExcelJS from 'exceljs';
import { safeRow } from '../spreadsheet/excel-export';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { birthYear, shortDate, formatNumberVi } from '../../../shared/domain/documents/format';
import { registrantsInCampaign, eligibleAgainDonors, WALK_IN_UNIT } from './data/donors';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, upper } from './pdf/nd30';
import { SECTION_ID } from './pdf/render-core';
import { tableWithTotal } from './pdf/table-total';

/** Where people without a unit are listed (always last). */
export const NO_UNIT = 'Chưa rõ đơn vị';

export interface ListRow {
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  extra: string;
  /** "Cũng đăng ký tại …": the person was on another unit's list too, the credit went to this unit. */
  note: string;
}
export interface UnitList {
  unitName: string;
  rows: ListRow[];
}
export interface ListSpec {
  title: string;
  extraHeader: string;
  units: UnitList[];
}

function group<T extends { unitName: string; walkIn?: boolean }>(items: T[], map: (t: T) => ListRow): UnitList[] {
  const by = new Map<string, ListRow[]>();
  for (const it of items) {
    const k = it.unitName || (it.walkIn ? WALK_IN_UNIT : NO_UNIT);
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(map(it));
  }
  return [...by].map(([unitName, rows]) => ({ unitName, rows }));
}

/** Said beside a person two units listed: the other lists, the credit staying with this unit. */
export function alsoNote(others: string[], shared = false): string {
  if (!others.length) return '';
  return `Cũng đăng ký tại ${others.join(', ')}; ${shared ? 'tính cho cả hai đơn vị' : 'tính cho đơn vị này'}`;
}

export async function loadListSpec(dc: DocContext): Promise<ListSpec> {
  if (dc.opts.type === 'eligible-donors') {
    // The Donors tab's rule and day: the print date when the clerk set one, else the campaign's next day or today.
    const { asOf: onDate, donors } = await eligibleAgainDonors(dc.ctx, { campaignId: dc.campaign.id, unitId: dc.opts.unitId, asOf: dc.opts.issuedOn });
    return {
      title: `DANH SÁCH NGƯỜI ĐÃ HIẾN MÁU ĐỦ ĐIỀU KIỆN HIẾN LẠI (tính đến ngày ${shortDate(onDate)})`,
      extraHeader: 'Lần hiến gần nhất (số lần)',
      units: group(donors, (d) => ({ fullName: d.fullName, gender: d.gender, birthDate: d.birthDate, phone: d.phone, extra: `${shortDate(d.lastDonatedOn)} (${d.donationCount})`, note: '' })),
    };
  }
  const regs = await registrantsInCampaign(dc.ctx, dc.campaign.id, dc.opts.unitId, { eachCreditedUnit: true });
  return {
    title: 'DANH SÁCH NGƯỜI ĐĂNG KÝ HIẾN MÁU TÌNH NGUYỆN',
    extraHeader: 'Địa chỉ',
    units: group(regs, (r) => ({ fullName: r.fullName, gender: r.gender, birthDate: r.birthDate, phone: r.phone, extra: r.address ?? '', note: alsoNote(r.alsoRegisteredAt, r.creditShared) })),
  };
}

export function buildUnitListsPdf(dc: DocContext, spec: ListSpec): TDocumentDefinitions {
  const width = contentWidth('portrait');
  const content: Content[] = [];
  const withNotes = spec.units.some((u) => u.rows.some((r) => r.note));
  const widths = withNotes ? [22, '*', 32, 30, 62, 70, 76] : [26, '*', 50, 46, 70, 100];
  spec.units.forEach((u, i) => {
    const headers = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', spec.extraHeader, ...(withNotes ? ['Ghi chú'] : [])];
    const head: TableCell[] = headers.map((t) => ({ text: t, bold: true, alignment: 'center', fontSize: 11 }));
    const rows = u.rows.map((r, k): TableCell[] => [
      { text: String(k + 1), alignment: 'center' }, r.fullName, { text: birthYear(r.birthDate), alignment: 'center' },
      { text: r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : '', alignment: 'center' }, r.phone ?? '', r.extra,
      ...(withNotes ? [{ text: r.note, fontSize: 10, italics: true } as TableCell] : []),
    ]);
    const total: Content = { text: `Tổng số: ${formatNumberVi(u.rows.length)} người.`, bold: true, margin: [0, 4, 0, 0] };
    const body = tableWithTotal({ head, rows, widths, fontSize: 12, total });
    content.push({
      stack: [
        nd30Heading({ office: dc.office, numberLine: '', placeDate: dc.placeDate, width }),
        { text: spec.title, bold: true, alignment: 'center', id: `${SECTION_ID}${i}` },
        { text: `Đơn vị: ${u.unitName}`, bold: true, alignment: 'center' },
        { text: `(${dc.campaign.name})`, italics: true, alignment: 'center', margin: [0, 0, 0, 6] },
        ...body,
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  if (!content.length) {
    content.push(nd30Heading({ office: dc.office, numberLine: '', placeDate: dc.placeDate, width }), { text: spec.title, bold: true, alignment: 'center' });
    content.push({ text: 'Danh sách trống.', italics: true, margin: [0, 8, 0, 0] });
  }
  // Each unit gets its own copy: its pages are numbered from its own first page.
  return nd30Document({ content, title: spec.title, fontSize: 13, pageNumbers: 'sections' });
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Đơn vị';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 26)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

/** The same lists as an Excel workbook: one sheet per unit, a title row, a header, the rows. */
export async function buildUnitListsXlsx(dc: DocContext, spec: ListSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Giọt Hồng';
  const used = new Set<string>();
  for (const u of spec.units.length ? spec.units : [{ unitName: 'Danh sách', rows: [] }]) {
    const ws = wb.addWorksheet(sheetName(u.unitName, used));
    ws.addRow([upper(dc.office.officeName)]).font = { bold: true };
    ws.addRow([spec.title]).font = { bold: true };
    ws.addRow(safeRow([`Đơn vị: ${u.unitName} - ${dc.campaign.name}`]));
    const withNotes = u.rows.some((r) => r.note);
    const header = ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', spec.extraHeader, ...(withNotes ? ['Ghi chú'] : [])]);
    header.font = { bold: true };
    u.rows.forEach((r, k) => {
      ws.addRow(safeRow([k + 1, r.fullName, birthYear(r.birthDate), r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : '', r.phone ?? '', r.extra, ...(withNotes ? [r.note] : [])]));
    });
    ws.addRow([]);
    ws.addRow([`Tổng số: ${u.rows.length} người`]).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = [6, 28, 10, 10, 14, 36, 40][i] ?? 12));
    ws.getColumn(5).numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
