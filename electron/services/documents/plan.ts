import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { fillTemplate, endWithClosingMark } from '../../../shared/domain/documents/template';
import { formatNumberVi, documentDate, inSentence } from '../../../shared/domain/documents/format';
import { getTemplates } from './templates';
import { monthlyQuotas, unitResults, type UnitResult } from './data/units';
import { nd30Document, contentWidth, MM } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText, keepTokensWhole } from './pdf/body-text';

export function defaultPlanSubject(dc: Pick<DocContext, 'campaign' | 'values'>): string {
  const c = dc.campaign;
  const name = String(dc.values.ten_dot_nam ?? c.name);
  return c.slogan ? `Tổ chức ${name} hưởng ứng ${c.slogan}` : `Tổ chức ${name}`;
}

/** What a unit of this kind is asked to do besides reaching its quota (seed 000, §V). */
function extraTask(name: string): string | null {
  const n = name.toLocaleLowerCase('vi');
  if (/công an|ca tp|catp/u.test(n)) return 'Cử cán bộ, chiến sỹ bảo đảm an ninh trật tự trong thời gian tổ chức hiến máu.';
  if (/đoàn thanh niên|thành đoàn|huyện đoàn|quận đoàn|tỉnh đoàn/u.test(n)) return 'Cử đoàn viên, thanh niên hỗ trợ công tác tổ chức, hướng dẫn người đến tham gia hiến máu.';
  if (/y tế|ttyt|bệnh viện/u.test(n)) return 'Tuyên truyền sâu rộng đến Nhân dân về ý nghĩa của hiến máu cứu người; phối hợp bảo đảm công tác y tế, chăm sóc người hiến máu.';
  if (/giáo dục|gd&đt|gdđt/u.test(n)) return 'Phân bổ chỉ tiêu cho các trường học trực thuộc; cử giáo viên phối hợp hỗ trợ ghi Giấy chứng nhận hiến máu.';
  if (/phường|xã|thị trấn/u.test(n)) return 'Chỉ đạo cán bộ, công chức, các đoàn thể tuyên truyền cho người dân về mục đích, ý nghĩa của phong trào hiến máu tình nguyện.';
  return null;
}

/** §V from item 2 on: one item per unit given a quota (its figures and tasks), then everyone else. */
export function unitTasks(rows: UnitResult[], deadline: string | null): string {
  const lines: string[] = [];
  let n = 2;
  for (const r of rows.filter((x) => x.quotaRegistrants || x.quotaBloodUnits)) {
    const q = [r.quotaRegistrants ? `${formatNumberVi(r.quotaRegistrants)} người đăng ký` : '', r.quotaBloodUnits ? `${formatNumberVi(r.quotaBloodUnits)} đơn vị máu` : ''].filter(Boolean).join(', ');
    lines.push(`${n++}. ${r.name}`);
    lines.push(`- Tuyên truyền, vận động cán bộ, hội viên, đoàn viên, người lao động đăng ký và tham gia hiến máu tình nguyện đạt chỉ tiêu giao (${q}).`);
    const extra = extraTask(r.name);
    if (extra) lines.push(`- ${extra}`);
    lines.push(`- Lập danh sách đăng ký gửi về cơ quan thường trực Ban Chỉ đạo${deadline ? ` trước ngày ${deadline}` : ''}.`);
  }
  lines.push(`${n}. Các cơ quan, đơn vị, doanh nghiệp trên địa bàn`);
  lines.push('- Tổ chức tuyên truyền, phổ biến cho cán bộ, công chức, viên chức, đoàn viên, người lao động về mục đích, ý nghĩa của việc hiến máu cứu người, hiến máu thường xuyên, nhắc lại.');
  lines.push('- Vận động và tạo điều kiện cho cán bộ, công chức, viên chức, người lao động đăng ký tham gia hiến máu tình nguyện.');
  return lines.join('\n');
}

function appendixTitle(dc: DocContext, numberText: string | null): Content[] {
  const ref = numberText ? `số ${numberText}` : 'số      ';
  const date = dc.opts.issue ? documentDate(dc.issuedOn) : `ngày       tháng ${documentDate(dc.issuedOn).split(' tháng ')[1]}`;
  return [
    { text: 'BIỂU PHÂN BỔ CHỈ TIÊU VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN', bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
    { text: dc.campaign.name, bold: true, alignment: 'center' },
    { text: `(Kèm theo Kế hoạch ${ref} ${date} của ${inSentence(dc.office.officeName)})`, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
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
  const rows = await unitResults(dc.ctx, dc.campaign.id);
  const values = { ...dc.values, nhiem_vu_don_vi: unitTasks(rows, dc.values.han_dang_ky ? String(dc.values.han_dang_ky) : null) };
  const intro = fillTemplate(dc.opts.intro ?? t.planIntro, values);
  const appendix = await quotaAppendix(dc, numberText);
  let body = fillTemplate(dc.opts.body ?? t.planBody, values);
  // "có biểu chỉ tiêu kèm theo" only when the table is attached.
  if (!appendix.length) body = body.replace(/\s*\(\*?\s*có biểu chỉ tiêu kèm theo\s*\*?\)/giu, '');
  dc.progress(0.3, 'Đang dựng nội dung kế hoạch');
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
    documentTitle('Kế hoạch', subject, width),
    ...dc.campaign.legalBases.map((b) => ({ text: keepTokensWhole([{ text: b }]), italics: true, alignment: 'justify' as const, leadingIndent: 10 * MM, margin: [0, 2, 0, 2] as [number, number, number, number] })),
    ...bodyText(intro),
    ...bodyText(endWithClosingMark(body)),
    closingBlock(dc.opts.recipients ?? t.planRecipients, dc.signer, width),
    ...appendix,
  ];
  return nd30Document({ content, title: `Kế hoạch ${dc.campaign.name}` });
}
