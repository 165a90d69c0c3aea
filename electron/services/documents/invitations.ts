import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { fillTemplate } from '../../../shared/domain/documents/template';
import { birthYear } from '../../../shared/domain/documents/format';
import { getTemplates } from './templates';
import { registrantsInCampaign, type RegistrantLine } from './data/donors';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText } from './pdf/body-text';

function honorific(g: 'M' | 'F' | null): string {
  return g === 'M' ? 'Ông' : g === 'F' ? 'Bà' : 'Ông/Bà';
}

function attendeeTable(people: RegistrantLine[]): Content {
  const head: TableCell[] = ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [head, ...people.map((p, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' }, p.fullName, { text: birthYear(p.birthDate), alignment: 'center' }, { text: p.gender === 'M' ? 'Nam' : p.gender === 'F' ? 'Nữ' : '', alignment: 'center' },
  ])];
  return { table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', 70, 70], body }, fontSize: 13, margin: [0, 6, 0, 0] };
}

/** Giấy mời: one page per unit (with its registrants listed) or one per person. */
export async function buildInvitations(dc: DocContext, numberLine: string): Promise<{ doc: TDocumentDefinitions; count: number }> {
  const t = await getTemplates(dc.ctx);
  const width = contentWidth('portrait');
  const people = await registrantsInCampaign(dc.ctx, dc.campaign.id, dc.opts.unitId);
  const template = dc.opts.body ?? t.invitationBody;
  const subject = dc.opts.subject ?? `Tham gia ${dc.campaign.name}`;
  const pages: { to: string; nguoiNhan: string; list: RegistrantLine[] | null }[] = [];
  if (dc.opts.invitationMode === 'person') {
    for (const p of people) pages.push({ to: `${honorific(p.gender)} ${p.fullName}${p.unitName ? ` - ${p.unitName}` : ''}`, nguoiNhan: `${honorific(p.gender).toLocaleLowerCase('vi')} ${p.fullName}`, list: null });
  } else {
    const byUnit = new Map<string, RegistrantLine[]>();
    for (const p of people) {
      const k = p.unitName || 'Chưa rõ đơn vị';
      if (!byUnit.has(k)) byUnit.set(k, []);
      byUnit.get(k)!.push(p);
    }
    for (const [unit, list] of byUnit) pages.push({ to: unit, nguoiNhan: 'các đồng chí có tên trong danh sách kèm theo', list });
  }
  const content: Content[] = [];
  pages.forEach((pg, i) => {
    if (i % 50 === 0) dc.progress(0.1 + (0.3 * i) / pages.length, `Đang dựng giấy mời ${i + 1}/${pages.length}`);
    const body = fillTemplate(template, { ...dc.values, nguoi_nhan: pg.nguoiNhan });
    content.push({
      stack: [
        nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
        documentTitle('Giấy mời', subject, width),
        { text: [{ text: 'Kính gửi: ', bold: true }, pg.to], alignment: 'center', margin: [0, 0, 0, 8] },
        ...bodyText(body),
        closingBlock(null, dc.signer, width),
        // The list is an attachment: after the signature, from a new page.
        ...(pg.list
          ? [
              { text: 'DANH SÁCH KÈM THEO GIẤY MỜI', bold: true, alignment: 'center', pageBreak: 'before' } as Content,
              { text: `${pg.to} - ${dc.campaign.name}`, italics: true, alignment: 'center' } as Content,
              attendeeTable(pg.list),
            ]
          : []),
      ],
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
  });
  if (!content.length) content.push({ text: 'Chưa có người đăng ký nào trong đợt này.', italics: true });
  return { doc: nd30Document({ content, title: `Giấy mời ${dc.campaign.name}`, pageNumbers: false }), count: pages.length };
}
