/** Any accepted file → sheet grids, refusing what is not a readable list with a clear message. */
import { AppError } from '../../../shared/errors/app-error';
import type { SheetGrid } from '../../../shared/domain/import/types';
import { sniffFile, type FileKind } from './sniff-file';
import { readXlsx } from './read-xlsx';
import { readXls } from './read-xls';
import { readCsv } from './read-csv';

export interface ReadWorkbook {
  kind: FileKind;
  sheets: SheetGrid[];
}

export async function readWorkbook(fileName: string, buf: Buffer, onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<ReadWorkbook> {
  const kind = sniffFile(fileName, buf);
  const sheets = kind === 'xlsx' ? await readXlsx(fileName, buf, onSheet) : kind === 'xls' ? await readXls(fileName, buf, onSheet) : readCsv(fileName, buf);
  if (sheets.length === 0 || sheets.every((s) => !s.rows.some((r) => r && r.some((c) => c && c.v !== null && c.v !== '')))) {
    throw new AppError('EMPTY_WORKBOOK', `Tệp "${fileName}" không có dữ liệu nào (bảng tính trống). Hãy kiểm tra lại tệp đơn vị gửi.`);
  }
  return { kind, sheets };
}
