import type { Content, TDocumentDefinitions, PageOrientation, Margins } from 'pdfmake/interfaces';

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 };

/** Nghị định 30 margins: top/bottom 20 mm, left 30 mm, right 15 mm. */
export const ND30_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

export const BODY_SIZE = 14;

export function contentWidth(orientation: PageOrientation = 'portrait'): number {
  const w = orientation === 'portrait' ? A4.width : A4.height;
  return w - ND30_MARGINS.left - ND30_MARGINS.right;
}

/** Page number centred in the top margin, from page 2 on (Nghị định 30). */
export const pageNumberHeader = (currentPage: number): Content =>
  currentPage < 2 ? { text: '' } : { text: String(currentPage), alignment: 'center', fontSize: 13, margin: [0, 9 * MM, 0, 0] };

/** An A4 document with ND30 margins, Tinos 14, page numbers from page 2. */
export function nd30Document(opts: {
  content: Content[];
  title: string;
  orientation?: PageOrientation;
  fontSize?: number;
  /** Page numbers from page 2 (off for batches of one-page letters); 'sections' restarts them at each SECTION_ID node. */
  pageNumbers?: boolean | 'sections';
}): TDocumentDefinitions {
  const margins: Margins = [ND30_MARGINS.left, ND30_MARGINS.top, ND30_MARGINS.right, ND30_MARGINS.bottom];
  return {
    pageSize: 'A4',
    pageOrientation: opts.orientation ?? 'portrait',
    pageMargins: margins,
    info: { title: opts.title, creator: 'Giọt Hồng', producer: 'Giọt Hồng (pdfmake)' },
    ...(opts.pageNumbers === false ? {} : opts.pageNumbers === 'sections' ? { sectionPageNumbers: true } : { header: pageNumberHeader }),
    content: opts.content,
    defaultStyle: { fontSize: opts.fontSize ?? BODY_SIZE, lineHeight: 1.1 },
  };
}
