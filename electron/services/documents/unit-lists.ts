import ExcelJS from 'exceljs';
import { safeRow } from '../spreadsheet/excel-export';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { birthYear, shortDate, formatNumberVi } from '../../../shared/domain/documents/format';
import { registrantsInCampaign, eligibleAgainDonors } from './data/donors';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, upper } from './pdf/nd30';

export interface ListRow {
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  extra: string;
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

function group<T extends { unitName: string }>(items: T[], map: (t: T) => ListRow): UnitList[] {
  const by = new Map<string, ListRow[]>();
  for (const it of items) {
    const k = it.unitName || 'Chưa rõ đơn vị';
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(map(it));
  }
  return [...by].map(([unitName, rows]) => ({ unitName, rows }));
}

export async function loadListSpec(dc: DocContext): Promise<ListSpec> {
  if (dc.opts.type === 'eligible-donors') {
    const onDate = dc.campaign.donationDates[0] ?? dc.issuedOn;
    const donors = await eligibleAgainDonors(dc.ctx, onDate, dc.campaign.minIntervalDays, dc.opts.unitId);
    return {
      title: `DANH SÁCH NGƯỜI ĐÃ HIẾN MÁU ĐỦ ĐIỀU KIỆN HIẾN LẠI (tính đến ngày ${shortDate(onDate)})`,
      extraHeader: 'Lần hiến gần nhất (số lần)',
      units: group(donors, (d) => ({ fullName: d.fullName, gender: d.gender, birthDate: d.birthDate, phone: d.phone, extra: `${shortDate(d.lastDonatedOn)} (${d.donationCount})` })),
    };
  }
  const regs = await registrantsInCampaign(dc.ctx, dc.campaign.id, dc.opts.unitId);
  return {
    title: 'DANH SÁCH NGƯỜI ĐĂNG KÝ HIẾN MÁU TÌNH NGUYỆN',
    extraHeader: 'Địa chỉ',
    units: group(regs, (r) => ({ fullName: r.fullName, gender: r.gender, birthDate: r.birthDate, phone: r.phone, extra: r.address ?? '' })),
  };
}

export function buildUnitListsPdf(dc: DocContext, spec: ListSpec): TDocumentDefinitions {
  const width = contentWidth('portrait');
  const content: Content[] = [];
  spec.units.forEach((u, i) => {
    const head: TableCell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', spec.extraHeader].map((t) => ({ text: t, bold: true, alignment: 'center', fontSize: 11 }));
    const body: TableCell[][] = [head, ...u.rows.map((r, k): TableCell[] => [
      { text: String(k + 1), alignment: 'center' }, r.fullName, { text: birthYear(r.birthDate), alignment: 'center' },
      { text: r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : '', alignment: 'center' }, r.phone ?? '', r.extra,
    ])];
    content.push({
      stack: [
        nd30Heading({ office: dc.office, numberLine: '', placeDate: dc.placeDate, width }),
        { text: spec.title, bold: true, alignment: 'center' },
        { text: `Đơn vị: ${u.unitName}`, bold: true, alignment: 'center' },
        { text: `(${dc.campaign.name})`, italics: true, alignment: 'center', margin: [0, 0, 0, 6] },
        { table: { headerRows: 1, dontBreakRows: true, widths: [26, '*', 50, 46, 70, 100], body }, fontSize: 12 },
        { text: `Tổng số: ${formatNumberVi(u.rows.length)} người.`, bold: true, margin: [0, 4, 0, 0] },
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  if (!content.length) {
    content.push(nd30Heading({ office: dc.office, numberLine: '', placeDate: dc.placeDate, width }), { text: spec.title, bold: true, alignment: 'center' });
    content.push({ text: 'Danh sách trống.', italics: true, margin: [0, 8, 0, 0] });
  }
  return nd30Document({ content, title: spec.title, fontSize: 13 });
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
    const header = ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', spec.extraHeader]);
    header.font = { bold: true };
    u.rows.forEach((r, k) => {
      ws.addRow(safeRow([k + 1, r.fullName, birthYear(r.birthDate), r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : '', r.phone ?? '', r.extra]));
    });
    ws.addRow([]);
    ws.addRow([`Tổng số: ${u.rows.length} người`]).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = [6, 28, 10, 10, 14, 36][i] ?? 12));
    ws.getColumn(5).numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
