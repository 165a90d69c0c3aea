import type { Content, TDocumentDefinitions, CanvasElement } from 'pdfmake/interfaces';
import type { DocContext } from './common';
import { CERTIFICATE_FIELDS, type CertificateFieldName, type CertificateLayout } from '../../../shared/ipc/channels/documents';
import { birthYear, documentDateParts } from '../../../shared/domain/documents/format';
import type { DonorLine } from './data/donors';
import { MM } from './pdf/page';

const SIZES = { A4: [210, 297], A5: [148, 210] } as const;

/** Sheet size in mm for the layout's paper and orientation. */
export function sheetMm(layout: CertificateLayout): { w: number; h: number } {
  const [a, b] = SIZES[layout.pageSize];
  return layout.orientation === 'portrait' ? { w: a, h: b } : { w: b, h: a };
}

export function certificateValues(d: DonorLine, facility: string | null): Record<CertificateFieldName, string> {
  const date = documentDateParts(d.donatedOn);
  return {
    fullName: d.fullName.toLocaleUpperCase('vi'),
    birthYear: birthYear(d.birthDate),
    nationalId: d.nationalId ?? '',
    address: d.address ?? '',
    unit: d.unitId === null ? '' : d.unitName, // a walk-in without a unit: the field stays empty on the form
    facility: d.facility ?? facility ?? '',
    volume: d.volumeMl ? String(d.volumeMl) : '',
    day: date.day,
    month: date.month,
    year: date.year,
  };
}

function fieldText(layout: CertificateLayout, name: CertificateFieldName, text: string, pageBreak: boolean): Content {
  const f = layout.fields[name];
  return {
    text,
    fontSize: f.size,
    bold: name === 'fullName',
    width: f.width * MM,
    absolutePosition: { x: (f.x + layout.offsetX) * MM, y: (f.y + layout.offsetY) * MM },
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
  } as Content;
}

function sheetDocument(layout: CertificateLayout, content: Content[], title: string): TDocumentDefinitions {
  return {
    pageSize: layout.pageSize,
    pageOrientation: layout.orientation,
    pageMargins: [0, 0, 0, 0],
    info: { title, creator: 'Giọt Hồng', producer: 'Giọt Hồng (pdfmake)' },
    content,
    defaultStyle: { fontSize: 13 },
  };
}

/** One page per donor: only the person's data, at the positions of the pre-printed form. */
export function buildCertificates(dc: DocContext, donors: DonorLine[], layout: CertificateLayout): TDocumentDefinitions {
  const content: Content[] = [];
  const names = Object.keys(CERTIFICATE_FIELDS) as CertificateFieldName[];
  donors.forEach((d, i) => {
    if (i % 200 === 0) dc.progress(0.1 + (0.3 * i) / donors.length, `Đang dựng giấy chứng nhận ${i + 1}/${donors.length}`);
    const values = certificateValues(d, dc.campaign.bloodFacility);
    // The page break rides on the page's first field (absolute items keep their place on the new page).
    let first = i > 0;
    for (const n of names) {
      if (!values[n]) continue;
      content.push(fieldText(layout, n, values[n], first));
      first = false;
    }
    if (first) content.push({ text: ' ', pageBreak: 'before' });
  });
  if (!content.length) content.push({ text: '' });
  return sheetDocument(layout, content, `Giấy chứng nhận hiến máu ${dc.campaign.name}`);
}

/** A label's size so it fits its box: at most 9 pt, down to 5 pt for narrow boxes (Tinos ≈ 0.5 em a letter). */
export function calibrationLabelSize(label: string, boxWidth: number): number {
  return Math.max(5, Math.min(9, Math.floor(((boxWidth - 3) / (label.length * 0.5)) * 2) / 2));
}

/** The calibration page: a 10 mm grid and a marker with its label at every field. */
export function buildCalibrationPage(layout: CertificateLayout, printerName: string): TDocumentDefinitions {
  const { w, h } = sheetMm(layout);
  const grid: CanvasElement[] = [];
  for (let x = 0; x <= w; x += 10) grid.push({ type: 'line', x1: x * MM, y1: 0, x2: x * MM, y2: h * MM, lineWidth: x % 50 === 0 ? 0.6 : 0.2, lineColor: '#888888' });
  for (let y = 0; y <= h; y += 10) grid.push({ type: 'line', x1: 0, y1: y * MM, x2: w * MM, y2: y * MM, lineWidth: y % 50 === 0 ? 0.6 : 0.2, lineColor: '#888888' });
  const content: Content[] = [{ canvas: grid, absolutePosition: { x: 0, y: 0 } }];
  for (let x = 10; x < w; x += 10) content.push({ text: String(x), fontSize: 6, color: '#555555', absolutePosition: { x: x * MM + 1, y: 1 } });
  for (let y = 10; y < h; y += 10) content.push({ text: String(y), fontSize: 6, color: '#555555', absolutePosition: { x: 1, y: y * MM + 1 } });
  // Each marker carries only its short name, inside its own box (never wider than it); the coordinates go to a legend.
  const legend: string[] = [];
  for (const [name, label] of Object.entries(CERTIFICATE_FIELDS) as [CertificateFieldName, string][]) {
    const f = layout.fields[name];
    const x = (f.x + layout.offsetX) * MM;
    const y = (f.y + layout.offsetY) * MM;
    const boxW = f.width * MM;
    content.push({ canvas: [{ type: 'rect', x: 0, y: 0, w: boxW, h: f.size * 1.2, lineWidth: 0.5, lineColor: '#c00000' }], absolutePosition: { x, y } });
    content.push({ text: label, fontSize: calibrationLabelSize(label, boxW), color: '#c00000', width: boxW - 2, noWrap: true, absolutePosition: { x: x + 1, y: y + 1 } } as Content);
    legend.push(`${label}: ${f.x}; ${f.y}`);
  }
  content.push({ text: `Vị trí (mm, từ mép trái; mép trên): ${legend.join(' - ')}`, fontSize: 7, color: '#c00000', width: (w - 24) * MM, absolutePosition: { x: 12 * MM, y: (h - 16) * MM } } as Content);
  content.push({
    text: `Trang căn chỉnh - máy in: ${printerName} - khổ ${layout.pageSize} ${layout.orientation === 'portrait' ? 'dọc' : 'ngang'} - lệch X ${layout.offsetX} mm, Y ${layout.offsetY} mm`,
    fontSize: 8, absolutePosition: { x: 12 * MM, y: (h - 8) * MM },
  });
  return sheetDocument(layout, content, 'Trang căn chỉnh phôi giấy chứng nhận');
}
