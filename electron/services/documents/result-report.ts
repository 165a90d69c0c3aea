import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { fillTemplate } from '../../../shared/domain/documents/template';
import { formatNumberVi, formatPercent } from '../../../shared/domain/documents/format';
import { getTemplates } from './templates';
import { unitResults, type UnitResult } from './data/units';
import { nd30Document, contentWidth } from './pdf/page';
import { nd30Heading, documentTitle, closingBlock } from './pdf/nd30';
import { bodyText } from './pdf/body-text';

export interface ReportTotals {
  registrants: number;
  donated: number;
  deferred: number;
  volumeMl: number;
  quotaBloodUnits: number;
  unitsReached: number;
}

export function reportTotals(rows: UnitResult[], campaignTarget: number | null): ReportTotals {
  const sum = (f: (r: UnitResult) => number) => rows.reduce((s, r) => s + f(r), 0);
  const quotaSum = sum((r) => r.quotaBloodUnits ?? 0);
  return {
    registrants: sum((r) => r.registrants),
    donated: sum((r) => r.donated),
    deferred: sum((r) => r.deferred),
    volumeMl: sum((r) => r.volumeMl),
    quotaBloodUnits: campaignTarget ?? quotaSum,
    unitsReached: rows.filter((r) => r.quotaBloodUnits != null && r.quotaBloodUnits > 0 && r.donated >= r.quotaBloodUnits).length,
  };
}

function resultTable(rows: UnitResult[], totals: ReportTotals): Content {
  const head: TableCell[] = ['STT', 'Đơn vị', 'Chỉ tiêu (đơn vị máu)', 'Số người đăng ký', 'Số người đã hiến', 'Tỷ lệ đạt (%)'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [head];
  rows.forEach((r, i) => {
    body.push([
      { text: String(i + 1), alignment: 'center' },
      r.name,
      { text: r.quotaBloodUnits != null ? formatNumberVi(r.quotaBloodUnits) : '', alignment: 'right' },
      { text: formatNumberVi(r.registrants), alignment: 'right' },
      { text: formatNumberVi(r.donated), alignment: 'right' },
      { text: formatPercent(r.donated, r.quotaBloodUnits), alignment: 'right' },
    ]);
  });
  const quotaSum = rows.reduce((s, r) => s + (r.quotaBloodUnits ?? 0), 0);
  body.push([
    { text: 'Tổng cộng', bold: true, colSpan: 2, alignment: 'center' }, '',
    { text: formatNumberVi(quotaSum), bold: true, alignment: 'right' },
    { text: formatNumberVi(totals.registrants), bold: true, alignment: 'right' },
    { text: formatNumberVi(totals.donated), bold: true, alignment: 'right' },
    { text: formatPercent(totals.donated, quotaSum), bold: true, alignment: 'right' },
  ]);
  return { table: { headerRows: 1, dontBreakRows: true, widths: [28, '*', 62, 62, 62, 56], body }, fontSize: 12, margin: [0, 6, 0, 6] };
}

export async function buildResultReport(dc: DocContext, numberLine: string): Promise<TDocumentDefinitions> {
  const t = await getTemplates(dc.ctx);
  const rows = await unitResults(dc.ctx, dc.campaign.id);
  const totals = reportTotals(rows, dc.campaign.targetBloodUnits);
  const values = {
    ...dc.values,
    tong_dang_ky: formatNumberVi(totals.registrants),
    tong_da_hien: formatNumberVi(totals.donated),
    tong_hoan: formatNumberVi(totals.deferred),
    tong_ml: formatNumberVi(totals.volumeMl),
    ty_le: formatPercent(totals.donated, totals.quotaBloodUnits),
    so_don_vi_dat: formatNumberVi(totals.unitsReached),
  };
  const width = contentWidth('portrait');
  const content: Content[] = [
    nd30Heading({ office: dc.office, numberLine, placeDate: dc.placeDate, width }),
    documentTitle('Báo cáo', dc.opts.subject ?? `Kết quả ${dc.campaign.name}`, width),
    ...bodyText(fillTemplate(dc.opts.body ?? t.reportNarrative, values)),
    resultTable(rows, totals),
    closingBlock(dc.opts.recipients ?? t.reportRecipients, dc.signer, width),
  ];
  return nd30Document({ content, title: `Báo cáo kết quả ${dc.campaign.name}` });
}
