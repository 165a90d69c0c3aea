import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import type { SupportAmounts } from '../../../shared/domain/support';
import { amountInWords } from '../../../shared/domain/documents/money-words';
import { birthYear, formatNumberVi, placeAndDate, shortDate } from '../../../shared/domain/documents/format';
import { donatedInCampaign, type DonorLine } from './data/donors';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, upper } from './pdf/nd30';
import { keepTailWithRows, packRows } from './paginate';
import { measuredLines, balancedLines } from './pdf/measure';

const FONT = 11;
/** Tinos’ natural line is 1.109 em; documents use lineHeight 1.1 (measured pitch 13.4 pt at 11 pt). */
const LINE = FONT * 1.1 * 1.109 + 0.1;
/** STT, name, Nam, Nữ, unit, ml, gift, travel, meal, total, signature (≥ 30 mm with its padding). */
const FIXED = [22, 0, 28, 28, 84, 32, 50, 46, 44, 54, 78];
/** The smallest row: the "Ký nhận" cell at least 9 mm high (content + 2 × 2 pt padding + border). */
export const MIN_ROW = 9 * (72 / 25.4);
/** pdfmake pads each cell 4 pt left and right and draws 1 pt borders. */
const CELL_EXTRA = 9;

export interface SupportLine {
  donor: DonorLine;
  gift: number;
  travel: number;
  meal: number;
  total: number;
}

export function supportLines(donors: DonorLine[], support: SupportAmounts): SupportLine[] {
  return donors.map((d) => {
    const gift = d.volumeMl === 250 || d.volumeMl === 350 || d.volumeMl === 450 ? support.gift[d.volumeMl] : 0;
    return { donor: d, gift, travel: support.travel, meal: support.meal, total: gift + support.travel + support.meal };
  });
}

const money = (n: number) => formatNumberVi(n);
const num = (t: string): TableCell => ({ text: t, alignment: 'right' });

function header(): TableCell[][] {
  const c = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, bold: true, alignment: 'center', fontSize: 10, ...extra });
  return [
    [c('STT', { rowSpan: 2 }), c('Họ và tên', { rowSpan: 2 }), c('Năm sinh', { colSpan: 2 }), '', c('Đơn vị', { rowSpan: 2 }), c('Lượng máu (ml)', { rowSpan: 2 }),
      c('Số tiền hỗ trợ (đồng)', { colSpan: 4 }), '', '', '', c('Ký nhận', { rowSpan: 2 })],
    ['', '', c('Nam'), c('Nữ'), '', '', c('Quà tặng'), c('Đi lại'), c('Ăn'), c('Tổng'), ''],
  ];
}

function sumRow(label: string, lines: SupportLine[]): TableCell[] {
  const s = (f: (l: SupportLine) => number) => money(lines.reduce((a, l) => a + f(l), 0));
  const b = (t: string): TableCell => ({ text: t, bold: true, alignment: 'right', fontSize: FONT, noWrap: true });
  return [{ text: label, bold: true, colSpan: 6, alignment: 'center' }, '', '', '', '', '', b(s((l) => l.gift)), b(s((l) => l.travel)), b(s((l) => l.meal)), b(s((l) => l.total)), ''];
}

function signers(dc: DocContext): Content {
  const block = (title: string, name: string): Content => ({
    stack: [{ text: title, bold: true }, { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 11 }, { text: ' ', margin: [0, 0, 0, 50] }, { text: name, bold: true }],
    alignment: 'center',
  });
  return {
    stack: [
      { text: placeAndDate(dc.office.placeName, dc.issuedOn), italics: true, alignment: 'right', margin: [0, 8, 20, 4] },
      { columns: [block('Người lập', ''), block('Kế toán', ''), block('Thủ trưởng đơn vị', dc.signer.name)] },
    ],
    unbreakable: true,
  };
}

export async function buildSignatureList(dc: DocContext): Promise<{ doc: TDocumentDefinitions; lines: SupportLine[]; warnings: string[] }> {
  const width = contentWidth('landscape');
  const widths = [...FIXED];
  widths[1] = width - FIXED.reduce((a, b) => a + b, 0) - CELL_EXTRA * FIXED.length - 1;
  const donors = await donatedInCampaign(dc.ctx, dc.campaign.id);
  const lines = supportLines(donors, dc.campaign.support);
  const warnings: string[] = [];
  const noVolume = lines.filter((l) => l.gift === 0).length;
  if (noVolume) warnings.push(`${noVolume} người chưa có lượng máu hiến nên chưa tính quà tặng.`);
  const noGender = donors.filter((d) => !d.gender).length;
  if (noGender) warnings.push(`${noGender} người chưa rõ giới tính : năm sinh in chung cột Nam/Nữ.`);
  dc.progress(0.2, 'Đang chia trang danh sách');

  // Row heights in points from the estimated line count (11 pt × 1.1 line height, 5 pt padding and border).
  const rowHeights = lines.map((l) => Math.max(MIN_ROW, 5 + LINE * Math.max(measuredLines(l.donor.fullName, widths[1], FONT), measuredLines(l.donor.unitName, widths[4], FONT))));
  // Landscape body 482 pt; the two-row header ≈ 36 pt (measured; 40 kept); room for the page sum and the grand total rows;
  // the first page carries the heading (≈ 126 pt measured, 130 kept).
  const firstCap = 482 - 130 - 40 - 2 * 20 - 5;
  const cap = 482 - 40 - 2 * 20 - 5;
  // The closing part (amount in words, count, place and date, three signer blocks) needs ≈ 170 pt.
  const pages = keepTailWithRows(packRows(rowHeights, firstCap, cap), rowHeights, firstCap, cap, 170);
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine: '', placeDate: '', width }),
    { text: 'DANH SÁCH KÝ NHẬN TIỀN HỖ TRỢ NGƯỜI HIẾN MÁU TÌNH NGUYỆN', bold: true, alignment: 'center', fontSize: 14, noWrap: true },
    { text: balancedLines(upper(dc.campaign.name), width, 13, { bold: true }).join('\n'), bold: true, alignment: 'center', fontSize: 13 },
    {
      text: `Ngày hiến máu: ${dc.campaign.donationDates.map(shortDate).join(', ') || '…'}${dc.campaign.place ? ` - Địa điểm: ${dc.campaign.place}` : ''}`,
      italics: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 6],
    },
  ];
  pages.forEach((idx, p) => {
    dc.progress(0.2 + (0.3 * p) / pages.length, `Đang dựng trang ${p + 1}/${pages.length}`);
    const pageLines = idx.map((i) => lines[i]);
    const body: TableCell[][] = [...header()];
    for (const i of idx) {
      const l = lines[i];
      const y = birthYear(l.donor.birthDate);
      // Sex unknown (often a walk-in): the year spans both columns rather than being dropped.
      const years: TableCell[] = l.donor.gender
        ? [{ text: l.donor.gender === 'M' ? y : '', alignment: 'center' }, { text: l.donor.gender === 'F' ? y : '', alignment: 'center' }]
        : [{ text: y, alignment: 'center', colSpan: 2 }, ''];
      body.push([
        { text: String(i + 1), alignment: 'center' }, l.donor.fullName, ...years,
        l.donor.unitName, num(l.donor.volumeMl ? String(l.donor.volumeMl) : ''), num(money(l.gift)), num(money(l.travel)), num(money(l.meal)), num(money(l.total)), '',
      ]);
    }
    body.push(sumRow(`Cộng trang ${p + 1}`, pageLines));
    if (p === pages.length - 1) body.push(sumRow('Tổng cộng', lines));
    content.push({
      // Data only (no function): the definition crosses to the PDF worker.
      table: { headerRows: 2, dontBreakRows: true, widths, body, heights: body.map((_, row) => (row >= 2 && row < body.length - (p === pages.length - 1 ? 2 : 1) ? MIN_ROW - 5 : 'auto')) as unknown as number[] },
      fontSize: FONT,
      ...(p > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  const grand = lines.reduce((a, l) => a + l.total, 0);
  content.push({ text: [{ text: 'Tổng số tiền: ', bold: true }, { text: `${money(grand)} đồng. ` }, { text: 'Bằng chữ: ', bold: true }, { text: amountInWords(grand) + '.', italics: true }], margin: [0, 6, 0, 0] });
  content.push({ text: `Số người nhận: ${formatNumberVi(lines.length)} người.`, margin: [0, 2, 0, 0] });
  content.push(signers(dc));
  const doc = nd30Document({ content, orientation: 'landscape', title: `Danh sách ký nhận ${dc.campaign.name}` });
  return { doc, lines, warnings };
}
