import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { birthYear } from '../../../shared/domain/documents/format';
import type { MilestonePerson } from './data/milestones';
import { A4, MM } from './pdf/page';
import { signatureBlock, nd30Heading } from './pdf/nd30';

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
  const width = W - 50 * MM;
  const numberLine = `Số:      /GCN-${dc.office.docSuffix.trim() || 'BCĐ'}`;
  people.forEach((p, i) => {
    const year = birthYear(p.birthDate);
    const page: Content[] = [
      border(),
      nd30Heading({ office: dc.office, numberLine, placeDate: '', width }),
      { text: 'GIẤY CHỨNG NHẬN', alignment: 'center', fontSize: 34, bold: true, color: '#b00020', margin: [0, 16, 0, 6] },
      { text: 'NGƯỜI HIẾN MÁU TÌNH NGUYỆN TIÊU BIỂU', alignment: 'center', fontSize: 18, bold: true, margin: [0, 0, 0, 22] },
      { text: [{ text: `${p.gender === 'F' ? 'Bà' : p.gender === 'M' ? 'Ông' : 'Ông/Bà'}: ` }, { text: p.fullName, bold: true, fontSize: 24 }], alignment: 'center' },
      { text: [year ? `Năm sinh: ${year}` : '', p.unitName ? `${year ? ' - ' : ''}Đơn vị: ${p.unitName}` : ''].join(''), alignment: 'center', fontSize: 15, margin: [0, 8, 0, 10] },
      { text: `Đã hiến máu tình nguyện ${p.milestone} lần, góp phần cứu chữa người bệnh.`, alignment: 'center', italics: true, fontSize: 17 },
      {
        columns: [
          { width: '*', text: '' },
          { width: 320, stack: [{ text: dc.placeDate, italics: true, alignment: 'center', margin: [0, 26, 0, 4] }, signatureBlock(dc.signer)] },
        ],
      },
    ];
    content.push({ stack: page, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
  });
  if (!content.length) content.push({ text: 'Không có người nào đạt mốc tôn vinh mà chưa được khen thưởng.', italics: true });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [25 * MM, 18 * MM, 25 * MM, 15 * MM],
    info: { title: `Giấy chứng nhận tôn vinh ${dc.campaign.name}`, creator: 'Giọt Hồng', producer: 'Giọt Hồng (pdfmake)' },
    content,
    defaultStyle: { fontSize: 14 },
  };
}
