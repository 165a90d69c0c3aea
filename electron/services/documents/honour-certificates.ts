import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { birthYear } from '../../../shared/domain/documents/format';
import type { MilestonePerson } from './data/milestones';
import { A4, MM } from './pdf/page';
import { signatureBlock, upper } from './pdf/nd30';

const W = A4.height;
const H = A4.width;

function border(): Content {
  return {
    canvas: [
      { type: 'rect', x: 10 * MM, y: 10 * MM, w: W - 20 * MM, h: H - 20 * MM, lineWidth: 3, lineColor: '#b00020' },
      { type: 'rect', x: 13 * MM, y: 13 * MM, w: W - 26 * MM, h: H - 26 * MM, lineWidth: 0.8, lineColor: '#b00020' },
    ],
    absolutePosition: { x: 0, y: 0 },
  };
}

/** The office's own full-page certificate of honour (A4 landscape), one per person at a milestone. */
export function buildHonourCertificates(dc: DocContext, people: MilestonePerson[]): TDocumentDefinitions {
  const content: Content[] = [];
  people.forEach((p, i) => {
    const page: Content[] = [
      border(),
      { text: upper(dc.office.parentBody), alignment: 'center', fontSize: 13 },
      { text: upper(dc.office.officeName), alignment: 'center', fontSize: 13, bold: true, margin: [0, 0, 0, 10] },
      { text: 'GIẤY CHỨNG NHẬN', alignment: 'center', fontSize: 30, bold: true, color: '#b00020', margin: [0, 6, 0, 2] },
      { text: 'NGƯỜI HIẾN MÁU TÌNH NGUYỆN TIÊU BIỂU', alignment: 'center', fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
      { text: [{ text: `${p.gender === 'F' ? 'Bà' : p.gender === 'M' ? 'Ông' : 'Ông/Bà'}: ` }, { text: p.fullName, bold: true, fontSize: 20 }], alignment: 'center' },
      { text: [birthYear(p.birthDate) ? `Năm sinh: ${birthYear(p.birthDate)}` : '', p.unitName ? `${birthYear(p.birthDate) ? ' - ' : ''}Đơn vị: ${p.unitName}` : ''].join(''), alignment: 'center', margin: [0, 4, 0, 8] },
      { text: `Đã ${p.milestone} lần hiến máu tình nguyện, góp phần cứu chữa người bệnh.`, alignment: 'center', italics: true, fontSize: 15 },
      {
        columns: [
          { width: '*', text: '' },
          { width: 300, stack: [{ text: dc.placeDate, italics: true, alignment: 'center', margin: [0, 14, 0, 4] }, signatureBlock(dc.signer)] },
        ],
      },
    ];
    content.push({ stack: page, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
  });
  if (!content.length) content.push({ text: 'Không có người nào đạt mốc tôn vinh trong đợt này.', italics: true });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [25 * MM, 22 * MM, 25 * MM, 18 * MM],
    info: { title: `Giấy chứng nhận tôn vinh ${dc.campaign.name}`, creator: 'Giọt Hồng', producer: 'Giọt Hồng (pdfmake)' },
    content,
    defaultStyle: { fontSize: 14 },
  };
}
