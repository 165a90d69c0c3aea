import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { fillTemplate } from '../../../shared/domain/documents/template';
import { formatNumberVi, documentDate } from '../../../shared/domain/documents/format';
import { getTemplates } from './templates';
import { monthlyQuotas, unitResults } from './data/units';
import { nd30Document, contentWidth, MM } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText, keepTokensWhole } from './pdf/body-text';

export function defaultPlanSubject(dc: Pick<DocContext, 'campaign'>): string {
  const c = dc.campaign;
  return c.slogan ? `Tổ chức ${c.name} hưởng ứng ${c.slogan}` : `Tổ chức ${c.name}`;
}

function appendixTitle(dc: DocContext, numberText: string | null): Content[] {
  const ref = numberText ? `số ${numberText} ` : '';
  return [
    { text: 'BIỂU PHÂN BỔ CHỈ TIÊU VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN', bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
    { text: dc.campaign.name, bold: true, alignment: 'center' },
    { text: `(Kèm theo Kế hoạch ${ref}${documentDate(dc.issuedOn)} của ${dc.office.officeName})`, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
}

const cell = (n: number | null | undefined, bold = false): TableCell => ({ text: n != null ? formatNumberVi(n) : '', alignment: 'right', bold });

/** Quotas split by month: one column per month and the unit's total (blood units). */
async function monthlyAppendix(dc: DocContext, numberText: string | null): Promise<Content[] | null> {
  const { months, units } = await monthlyQuotas(dc.ctx, dc.campaign.id);
  if (!months.length) return null;
  const head: TableCell[] = ['STT', 'Đơn vị', ...months.map((m) => `Tháng ${m}`), 'Tổng'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [head];
  const colSums = months.map(() => 0);
  units.forEach((u, i) => {
    const vals = months.map((m) => u.byMonth.get(m) ?? null);
    vals.forEach((v, k) => (colSums[k] += v ?? 0));
    body.push([{ text: String(i + 1), alignment: 'center' }, u.name, ...vals.map((v) => cell(v)), cell(vals.reduce<number>((s, v) => s + (v ?? 0), 0), true)]);
  });
  body.push([{ text: 'Tổng cộng', bold: true, colSpan: 2, alignment: 'center' }, '', ...colSums.map((v) => cell(v, true)), cell(colSums.reduce((a, b) => a + b, 0), true)]);
  return [
    ...appendixTitle(dc, numberText),
    { text: 'Đơn vị tính: đơn vị máu', italics: true, alignment: 'right', fontSize: 12 },
    { table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', ...months.map(() => 58), 64], body }, fontSize: 12 },
  ];
}

/** The quota table appendix (landscape page), header repeated when it splits. */
async function quotaAppendix(dc: DocContext, numberText: string | null): Promise<Content[]> {
  const monthly = await monthlyAppendix(dc, numberText);
  if (monthly) return monthly;
  const rows = (await unitResults(dc.ctx, dc.campaign.id)).filter((r) => r.quotaRegistrants != null || r.quotaBloodUnits != null);
  if (!rows.length) return [];
  const head: TableCell[] = ['STT', 'Đơn vị', 'Chỉ tiêu người đăng ký', 'Chỉ tiêu đơn vị máu', 'Ghi chú'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [head];
  let sumR = 0;
  let sumB = 0;
  rows.forEach((r, i) => {
    sumR += r.quotaRegistrants ?? 0;
    sumB += r.quotaBloodUnits ?? 0;
    body.push([{ text: String(i + 1), alignment: 'center' }, r.name, cell(r.quotaRegistrants), cell(r.quotaBloodUnits), '']);
  });
  body.push([{ text: 'Tổng cộng', bold: true, colSpan: 2, alignment: 'center' }, '', cell(sumR, true), cell(sumB, true), '']);
  return [...appendixTitle(dc, numberText), { table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', 110, 110, 120], body }, fontSize: 13 }];
}

export async function buildPlan(dc: DocContext, numberLine: string, numberText: string | null): Promise<TDocumentDefinitions> {
  const t = await getTemplates(dc.ctx);
  const width = contentWidth('portrait');
  const subject = dc.opts.subject ?? defaultPlanSubject(dc);
  const intro = fillTemplate(dc.opts.intro ?? t.planIntro, dc.values);
  const body = fillTemplate(dc.opts.body ?? t.planBody, dc.values);
  dc.progress(0.3, 'Đang dựng nội dung kế hoạch');
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
    documentTitle('Kế hoạch', subject, width),
    ...dc.campaign.legalBases.map((b) => ({ text: keepTokensWhole([{ text: b }]), italics: true, alignment: 'justify' as const, leadingIndent: 10 * MM, margin: [0, 2, 0, 2] as [number, number, number, number] })),
    ...bodyText(intro),
    ...bodyText(body),
    closingBlock(dc.opts.recipients ?? t.planRecipients, dc.signer, width),
    ...(await quotaAppendix(dc, numberText)),
  ];
  return nd30Document({ content, title: `Kế hoạch ${dc.campaign.name}` });
}
