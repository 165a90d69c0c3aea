import type { Content, TableCell } from 'pdfmake/interfaces';
import { TAIL_ID } from './render-core';

let seq = 0;

/** The first cell of a row, tagged so the renderer can find where the row landed. */
function tagged(row: TableCell[], id: string): TableCell[] {
  const [first, ...rest] = row;
  const cell = typeof first === 'object' && first !== null && !Array.isArray(first) ? { ...(first as object), id } : { text: String(first ?? ''), id };
  return [cell as TableCell, ...rest];
}

/** Rows kept on one page with the total line under a table, so "Tổng số: …" never stands alone on a page. */
const TAIL_ROWS = 2;

/**
 * A table (header repeated on each page) followed by its total line; the last rows and the total are
 * one unbreakable block (a second table with the same columns, drawn flush under the first).
 */
export function tableWithTotal(opts: { head: TableCell[]; rows: TableCell[][]; widths: (number | string)[]; fontSize: number; total: Content; margin?: [number, number, number, number] }): Content[] {
  const { head, rows, widths, fontSize, total } = opts;
  const cut = Math.max(0, rows.length - TAIL_ROWS);
  const key = String(++seq);
  const out: Content[] = [];
  if (cut > 0) {
    const body = [head, ...rows.slice(0, cut - 1), tagged(rows[cut - 1], `${TAIL_ID}${key}-end`)];
    out.push({ table: { headerRows: 1, dontBreakRows: true, widths, body }, fontSize, ...(opts.margin ? { margin: [opts.margin[0], opts.margin[1], opts.margin[2], 0] } : {}) } as Content);
  }
  const tail = cut > 0
    ? { table: { headerRows: 0, dontBreakRows: true, widths, body: [tagged(rows[cut], `${TAIL_ID}${key}-start`), ...rows.slice(cut + 1)] }, fontSize, ghTailKey: key, ghRepeatHead: head }
    : { table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...rows] }, fontSize };
  out.push({
    stack: [tail as Content, total],
    unbreakable: true,
    ...(opts.margin && cut === 0 ? { margin: [opts.margin[0], opts.margin[1], opts.margin[2], 0] } : {}),
  } as Content);
  return out;
}
