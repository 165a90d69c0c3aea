import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { q } from '../../db/query';
import type { ProgressRow } from '../../../shared/ipc/channels/progress';
import { fillTemplate, endWithClosingMark } from '../../../shared/domain/documents/template';
import { formatNumberVi, formatPercentValue, percentOf, documentDateParts, inSentence } from '../../../shared/domain/documents/format';
import { getProgress } from '../progress/progress';
import { getTemplates } from './templates';
import { findIssued } from './numbering';
import { campaignPeople } from './data/campaign-people';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText } from './pdf/body-text';
import { reportSubject } from './subjects';
import { compareVietnameseText } from '../../../shared/domain/names';
import { creditRuleSentence, type CreditRuleKey } from '../../../shared/domain/credit-rule';
import { getCreditRule } from '../duplicates/credit';

/** The row of donations counted for no unit: people who came on the day without a unit. */
export const WALK_IN_ROW = 'Hiến tại chỗ';

export interface ReportRow {
  unitId: number | null;
  name: string;
  quotaBloodUnits: number | null;
  /** People after duplicates credited to the unit. */
  registrants: number;
  donated: number;
  deferred: number;
  volumeMl: number;
  /** donated / quota, rounded by the one rule (percentOf). */
  percent: number | null;
}

/** People two units listed: counted once, for the unit that got the credit. */
export interface ListedTwice {
  credited: string;
  other: string;
  n: number;
}

/** The note under the table: how the office counts people two units listed, how many they are and where they count. */
export function listedTwiceNote(pairs: ListedTwice[], rule: CreditRuleKey): Content[] {
  const total = pairs.reduce((a, p) => a + p.n, 0);
  const sentences = [creditRuleSentence(rule)];
  if (total && rule === 'both_units') sentences.push(`${formatNumberVi(total)} người có tên trong danh sách đăng ký của hai đơn vị được tính cho mỗi đơn vị đó.`);
  else if (total) {
    const byUnit = new Map<string, number>();
    for (const p of pairs) byUnit.set(p.credited, (byUnit.get(p.credited) ?? 0) + p.n);
    const parts = [...byUnit].sort((a, b) => b[1] - a[1] || compareVietnameseText(a[0], b[0])).map(([u, n]) => `${u} ${formatNumberVi(n)}`);
    sentences.push(`${formatNumberVi(total)} người có tên trong danh sách đăng ký của hai đơn vị, mỗi người chỉ tính một lần cho đơn vị được ghi nhận (${parts.join('; ')}); đơn vị còn lại được ghi trong danh sách gửi từng đơn vị.`);
  }
  return [{ text: `Ghi chú: ${sentences.join(' ')}`, italics: true, fontSize: 12, alignment: 'justify', margin: [0, 4, 0, 0] }];
}

export interface ReportTotals {
  registrants: number;
  donated: number;
  deferred: number;
  volumeMl: number;
  /** The base of the percentage: the units' quotas, else the campaign's target. */
  quotaBloodUnits: number | null;
  percent: number | null;
  unitsReached: number;
  walkIns: number;
}

/**
 * The report's figures come from the progress service (the "Tổng quan" screen): the same people
 * after duplicates, the same unit credited, walk-ins without a unit in a "Hiến tại chỗ" row, and
 * the same rounding. Millilitres come with them.
 */
export async function reportFigures(dc: DocContext): Promise<{ rows: ReportRow[]; totals: ReportTotals; listedTwice: ListedTwice[] }> {
  const p = await getProgress(dc.ctx, { campaignId: dc.campaign.id });
  const toRow = (r: ProgressRow): ReportRow => ({
    unitId: r.unitId, name: r.unitId === null ? WALK_IN_ROW : r.unitName, quotaBloodUnits: r.quotaBloodUnits, registrants: r.afterDuplicates,
    donated: r.donated, deferred: r.deferred, volumeMl: r.volumeMl, percent: r.percentBloodUnits,
  });
  const rows = p.rows.map(toRow).filter((r) => r.unitId !== null || r.registrants || r.donated || r.deferred);
  const base = p.total.quotaBloodUnits ?? dc.campaign.targetBloodUnits;
  const people = [...campaignPeople(dc.ctx, dc.campaign.id).values()];
  const walkIns = people.filter((x) => x.walkIn).length;
  const names = new Map(dc.ctx.data.read.all(q.selectFrom('units').select(['id', 'name'])).map((u) => [u.id, u.name]));
  const pairs = new Map<string, { credited: string; other: string; n: number }>();
  for (const x of people) {
    for (const o of x.otherUnitIds) {
      const credited = x.unitId !== null ? names.get(x.unitId) : undefined;
      const other = names.get(o);
      if (!credited || !other) continue;
      const key = `${x.unitId}|${o}`;
      const cur = pairs.get(key) ?? { credited, other, n: 0 };
      cur.n++;
      pairs.set(key, cur);
    }
  }
  return {
    rows,
    listedTwice: [...pairs.values()].sort((a, b) => b.n - a.n || compareVietnameseText(a.credited, b.credited)),
    totals: {
      registrants: p.total.afterDuplicates, donated: p.total.donated, deferred: p.total.deferred, volumeMl: p.total.volumeMl,
      quotaBloodUnits: base, percent: p.total.quotaBloodUnits !== null ? p.total.percentBloodUnits : percentOf(p.total.donated, base),
      unitsReached: rows.filter((r) => r.quotaBloodUnits && r.donated >= r.quotaBloodUnits).length, walkIns,
    },
  };
}

const right = (t: string, bold = false): TableCell => ({ text: t, alignment: 'right', bold });
const ratio = (donated: number, quota: number | null) => (quota ? `${formatNumberVi(donated)}/${formatNumberVi(quota)}` : '');

function resultTable(rows: ReportRow[], totals: ReportTotals): Content {
  const head: TableCell[] = ['STT', 'Đơn vị', 'Chỉ tiêu (đơn vị máu)', 'Số người đăng ký (đã lọc trùng)', 'Số người đã hiến', 'Lượng máu (ml)', 'Tạm hoãn', 'Kết quả/ chỉ tiêu', 'Tỷ lệ đạt (%)'].map(
    (t) => ({ text: t, bold: true, alignment: 'center', fontSize: 11 }),
  );
  const body: TableCell[][] = [head];
  let n = 0;
  for (const r of rows) {
    body.push([
      { text: r.unitId === null ? '' : String(++n), alignment: 'center' },
      r.unitId === null ? { text: r.name, italics: true } : r.name,
      right(r.quotaBloodUnits != null ? formatNumberVi(r.quotaBloodUnits) : ''),
      right(formatNumberVi(r.registrants)),
      right(formatNumberVi(r.donated)),
      right(formatNumberVi(r.volumeMl)),
      right(formatNumberVi(r.deferred)),
      right(ratio(r.donated, r.quotaBloodUnits)),
      right(r.quotaBloodUnits ? formatPercentValue(r.percent) : ''),
    ]);
  }
  body.push([
    { text: 'Tổng cộng', bold: true, colSpan: 2, alignment: 'center' }, '',
    right(totals.quotaBloodUnits != null ? formatNumberVi(totals.quotaBloodUnits) : '', true),
    right(formatNumberVi(totals.registrants), true),
    right(formatNumberVi(totals.donated), true),
    right(formatNumberVi(totals.volumeMl), true),
    right(formatNumberVi(totals.deferred), true),
    right(ratio(totals.donated, totals.quotaBloodUnits), true),
    right(formatPercentValue(totals.percent), true),
  ]);
  return { table: { headerRows: 1, dontBreakRows: true, widths: [24, '*', 56, 56, 52, 60, 48, 64, 50], body }, fontSize: 12, margin: [0, 6, 0, 6] };
}

/** "Kế hoạch số 15/KH-HCTĐ ngày 05/4/2026 của Hội Chữ thập đỏ thành phố" (the date when the plan was issued here). */
async function planCitation(dc: DocContext): Promise<string> {
  const issuer = inSentence(dc.office.officeName);
  const no = dc.campaign.planNumber?.trim();
  if (!no) return `Kế hoạch số … ngày … của ${issuer}`;
  const issued = findIssued(dc.ctx.data.read, 'plan', no);
  const d = issued ? documentDateParts(issued.issued_on) : null;
  return `Kế hoạch số ${no}${d ? ` ngày ${d.day}/${d.month}/${d.year}` : ''} của ${issuer}`;
}

export async function buildResultReport(dc: DocContext, numberLine: string, numberText: string | null = null): Promise<TDocumentDefinitions> {
  const t = await getTemplates(dc.ctx);
  const { rows, totals, listedTwice } = await reportFigures(dc);
  const values = {
    ...dc.values,
    ke_hoach: await planCitation(dc),
    tong_dang_ky: formatNumberVi(totals.registrants),
    tong_hien_tai_cho: formatNumberVi(totals.walkIns),
    ghi_chu_dang_ky: `đã lọc trùng${totals.walkIns ? `, kể cả ${formatNumberVi(totals.walkIns)} người đăng ký hiến tại chỗ` : ''}`,
    tong_da_hien: formatNumberVi(totals.donated),
    tong_hoan: formatNumberVi(totals.deferred),
    tong_ml: formatNumberVi(totals.volumeMl),
    ty_le: formatPercentValue(totals.percent),
    chi_tieu_giao: totals.quotaBloodUnits != null ? formatNumberVi(totals.quotaBloodUnits) : null,
    // The narrative's "chỉ tiêu giao (… đơn vị máu)" is the base of its percentage.
    chi_tieu_don_vi_mau: totals.quotaBloodUnits != null ? formatNumberVi(totals.quotaBloodUnits) : dc.values.chi_tieu_don_vi_mau,
    so_don_vi_dat: formatNumberVi(totals.unitsReached),
  };
  const width = contentWidth('portrait');
  const ref = numberText ? `số ${numberText}` : 'số      ';
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
    documentTitle('Báo cáo', dc.opts.subject ?? reportSubject(dc), width),
    ...bodyText(endWithClosingMark(fillTemplate(dc.opts.body ?? t.reportNarrative, values))),
    closingBlock(dc.opts.recipients ?? t.reportRecipients, dc.signer, width),
    // "Kết quả cụ thể của từng đơn vị tại biểu kèm theo": the table is the attachment, after the signature.
    { text: 'BIỂU TỔNG HỢP KẾT QUẢ HIẾN MÁU TÌNH NGUYỆN THEO ĐƠN VỊ', bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
    { text: `(Kèm theo Báo cáo ${ref} ${dc.placeDate.split(', ').slice(1).join(', ')} của ${inSentence(dc.office.officeName)})`, italics: true, alignment: 'center' },
    resultTable(rows, totals),
    ...listedTwiceNote(listedTwice, getCreditRule(dc.ctx.data.read)),
  ];
  return nd30Document({ content, title: `Báo cáo kết quả ${dc.campaign.name}` });
}
