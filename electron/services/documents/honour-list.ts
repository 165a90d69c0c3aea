import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { birthYear, formatNumberVi } from '../../../shared/domain/documents/format';
import type { MilestonePerson } from './data/milestones';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, closingBlock, upper } from './pdf/nd30';

/** Danh sách đề nghị khen thưởng: people at a milestone, grouped by milestone. */
export function buildHonourList(dc: DocContext, people: MilestonePerson[]): TDocumentDefinitions {
  const width = contentWidth('portrait');
  const head: TableCell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Đơn vị / địa chỉ', 'Số lần hiến'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [head];
  let n = 0;
  for (const m of [...new Set(people.map((p) => p.milestone))]) {
    const group = people.filter((p) => p.milestone === m);
    body.push([{ text: `Đạt mốc ${m} lần hiến máu (${formatNumberVi(group.length)} người)`, bold: true, colSpan: 6 }, '', '', '', '', '']);
    for (const p of group) {
      n++;
      body.push([
        { text: String(n), alignment: 'center' }, p.fullName, { text: birthYear(p.birthDate), alignment: 'center' },
        { text: p.gender === 'M' ? 'Nam' : p.gender === 'F' ? 'Nữ' : '', alignment: 'center' }, p.unitName || p.address || '', { text: String(p.total), alignment: 'center' },
      ]);
    }
  }
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine: '', placeDate: dc.placeDate, width }),
    { text: 'DANH SÁCH', bold: true, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: 'Đề nghị khen thưởng người hiến máu tình nguyện tiêu biểu', bold: true, alignment: 'center' },
    { text: `(${dc.campaign.name})`, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
    people.length
      ? { table: { headerRows: 1, dontBreakRows: true, widths: [28, '*', 50, 48, 120, 44], body }, fontSize: 12 }
      : { text: 'Không có người nào đạt mốc tôn vinh mà chưa được khen thưởng.', italics: true },
    { text: `Tổng số: ${formatNumberVi(people.length)} người.`, bold: true, margin: [0, 6, 0, 0] },
    closingBlock(null, dc.signer, width),
  ];
  return nd30Document({ content, title: `Danh sách đề nghị khen thưởng ${upper(dc.campaign.name)}` });
}
