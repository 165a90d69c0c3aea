import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { fillTemplate, endWithClosingMark } from '../../../shared/domain/documents/template';
import { birthYear, formatNumberVi, inSentence } from '../../../shared/domain/documents/format';
import { getTemplates } from './templates';
import { registrantsInCampaign, type RegistrantLine } from './data/donors';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText } from './pdf/body-text';
import { SECTION_ID } from './pdf/render-core';
import { tableWithTotal } from './pdf/table-total';
import { invitationSubject } from './subjects';
import { alsoNote } from './unit-lists';

function honorific(g: 'M' | 'F' | null): string {
  return g === 'M' ? 'Ông' : g === 'F' ? 'Bà' : 'Ông/Bà';
}

function attendeeTable(people: RegistrantLine[]): Content[] {
  const notes = people.some((p) => p.alsoRegisteredAt.length);
  const head: TableCell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', ...(notes ? ['Ghi chú'] : [])].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const rows = people.map((p, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' }, p.fullName, { text: birthYear(p.birthDate), alignment: 'center' }, { text: p.gender === 'M' ? 'Nam' : p.gender === 'F' ? 'Nữ' : '', alignment: 'center' },
    ...(notes ? [{ text: alsoNote(p.alsoRegisteredAt, p.creditShared), fontSize: 10, italics: true } as TableCell] : []),
  ]);
  const total: Content = { text: `Tổng số: ${formatNumberVi(people.length)} người.`, bold: true, margin: [0, 4, 0, 0] };
  return tableWithTotal({ head, rows, widths: notes ? [30, '*', 50, 50, 130] : [30, '*', 70, 70], fontSize: 13, total, margin: [0, 6, 0, 0] });
}

/**
 * Giấy mời: one letter per unit (its people listed in an attachment) or one per person — people after
 * merges, each invited once, by the unit that got the credit. Walk-ins (registered on the day) get none;
 * people without a unit get a letter of their own. Each letter's pages are numbered on their own.
 */
export async function buildInvitations(dc: DocContext, numberLine: string, numberText: string | null = null): Promise<{ doc: TDocumentDefinitions; count: number }> {
  const t = await getTemplates(dc.ctx);
  const width = contentWidth('portrait');
  const people = await registrantsInCampaign(dc.ctx, dc.campaign.id, dc.opts.unitId, { includeWalkIns: false });
  const template = dc.opts.body ?? t.invitationBody;
  const subject = dc.opts.subject ?? invitationSubject(dc);
  const pages: { to: string; nguoiNhan: string; list: RegistrantLine[] | null; unitName: string }[] = [];
  const personal = (p: RegistrantLine) => ({
    to: `${honorific(p.gender)} ${p.fullName}${p.unitName ? ` - ${p.unitName}` : ''}`,
    nguoiNhan: `${honorific(p.gender).toLocaleLowerCase('vi')} ${p.fullName}`,
    list: null,
    unitName: p.unitName,
  });
  if (dc.opts.invitationMode === 'person') {
    for (const p of people) pages.push(personal(p));
  } else {
    const byUnit = new Map<number, RegistrantLine[]>();
    const noUnit: RegistrantLine[] = [];
    for (const p of people) {
      if (p.unitId === null) noUnit.push(p);
      else {
        if (!byUnit.has(p.unitId)) byUnit.set(p.unitId, []);
        byUnit.get(p.unitId)!.push(p);
      }
    }
    for (const list of byUnit.values()) pages.push({ to: list[0].unitName, nguoiNhan: 'các đồng chí có tên trong danh sách kèm theo', list, unitName: list[0].unitName });
    for (const p of noUnit) pages.push(personal(p));
  }
  const ref = numberText ? `số ${numberText}` : 'số      ';
  const when = dc.placeDate.split(', ').slice(1).join(', ');
  const content: Content[] = [];
  pages.forEach((pg, i) => {
    if (i % 50 === 0) dc.progress(0.1 + (0.3 * i) / pages.length, `Đang dựng giấy mời ${i + 1}/${pages.length}`);
    const body = endWithClosingMark(fillTemplate(template, { ...dc.values, nguoi_nhan: pg.nguoiNhan }));
    content.push({
      stack: [
        { text: ' ', fontSize: 1, id: `${SECTION_ID}${i}` },
        nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
        documentTitle('Giấy mời', subject, width),
        { text: [{ text: 'Kính gửi: ', bold: true }, pg.to], alignment: 'center', margin: [0, 0, 0, 8] },
        ...bodyText(body),
        closingBlock(['Như trên'], dc.signer, width),
        // The list is an attachment: after the signature, from a new page, numbered with its letter.
        ...(pg.list
          ? [
              { text: 'DANH SÁCH KÈM THEO GIẤY MỜI', bold: true, alignment: 'center', pageBreak: 'before' } as Content,
              { text: `(Kèm theo Giấy mời ${ref} ${when} của ${inSentence(dc.office.officeName)})`, italics: true, alignment: 'center' } as Content,
              { text: `Đơn vị: ${pg.unitName}`, bold: true, alignment: 'center' } as Content,
              ...attendeeTable(pg.list),
            ]
          : []),
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  if (!content.length) content.push({ text: 'Chưa có người đăng ký nào trong đợt này.', italics: true });
  // One-page personal letters need no numbers; a unit's letter and its list are numbered on their own.
  const numbers = dc.opts.invitationMode === 'person' ? false : 'sections';
  return { doc: nd30Document({ content, title: `Giấy mời ${dc.campaign.name}`, pageNumbers: numbers }), count: pages.length };
}
