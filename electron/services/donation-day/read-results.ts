import type ExcelJS from 'exceljs';
import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { capitalizeWords, collapseSpaces, foldVietnamese, nfc } from '../../../shared/domain/text';
import { normalizeBloodGroup, normalizeGender } from '../../../shared/domain/import/values';
import { cellText, loadXlsx } from '../spreadsheet/load-xlsx';

export interface IgnoredRow {
  row: number;
  kind: 'title' | 'header' | 'stt_only' | 'total' | 'footer';
  reason: string;
}

type Field = 'name' | 'nid' | 'phone' | 'birth' | 'volume' | 'result' | 'reason' | 'serial' | 'gender' | 'blood' | 'unit';

const PATTERNS: [Field, RegExp][] = [
  ['serial', /so (giay )?(chung nhan|gcn)|seri|so gcn/],
  ['nid', /cccd|cmnd|can cuoc|dinh danh|chung minh/],
  ['phone', /dien thoai|\bsdt\b|so dt|di dong/],
  ['birth', /nam sinh|ngay sinh|ngay thang nam sinh/],
  ['volume', /the tich|luong mau|\bml\b|so ml|don vi mau/],
  ['reason', /ly do|nguyen nhan/],
  ['result', /ket qua|tinh trang/],
  ['name', /ho (va )?ten|^ten$/],
  ['gender', /gioi tinh|^gt$|^nam\s*\/\s*nu$|^phai$/],
  ['blood', /nhom mau/],
  ['unit', /^don vi\b|dia chi|noi (o|cu tru|cong tac)|co quan|to chuc|que quan/],
];

function fieldOf(label: string): Field | null {
  for (const [f, re] of PATTERNS) if (re.test(label)) return f;
  return null;
}

function yearOf(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  if (v instanceof Date) return v.getUTCFullYear();
  if (typeof v === 'number') {
    if (v >= 1900 && v <= 2100) return Math.trunc(v);
    if (v > 2100 && v < 80000) return new Date(Math.round((v - 25569) * 86_400_000)).getUTCFullYear();
    return null;
  }
  const m = cellText(cell).match(/(19|20)\d{2}/);
  return m ? Number(m[0]) : null;
}

function volumeOf(text: string): 250 | 350 | 450 | null {
  const m = text.match(/(250|350|450)/);
  return m ? (Number(m[1]) as 250 | 350 | 450) : null;
}

function idText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v.toFixed(0) : null;
  const t = collapseSpaces(cellText(cell));
  return t || null;
}

/**
 * Reads the blood facility's result list: the header row is found by its "Họ tên" column; outcome
 * comes from a volume ("350 ml" = donated), a result column ("Hoãn", "Không đạt" = deferred) or a reason.
 */
export async function readResultList(fileName: string, data: Buffer): Promise<{ rows: ResultRow[]; skipped: { row: number; problem: string }[]; ignored: IgnoredRow[] }> {
  const wb = await loadXlsx(fileName, data);
  const ws = wb.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0);
  if (!ws) throw new AppError('EMPTY', `Tệp "${fileName}" không có trang tính nào chứa dữ liệu.`);
  let headerRow = 0;
  const cols = new Map<Field, number[]>();
  for (let r = 1; r <= Math.min(ws.rowCount, 20) && !headerRow; r++) {
    const found = new Map<Field, number[]>();
    ws.getRow(r).eachCell((cell, c) => {
      const f = fieldOf(foldVietnamese(cellText(cell)));
      if (f) found.set(f, [...(found.get(f) ?? []), c]);
    });
    if (found.has('name')) {
      headerRow = r;
      for (const [k, v] of found) cols.set(k, v);
    }
  }
  if (!headerRow) {
    throw new AppError('NO_HEADER', `Không tìm thấy cột "Họ và tên" trong 20 dòng đầu của trang "${ws.name}" (tệp "${fileName}"). Hãy kiểm tra đây có phải danh sách kết quả hiến máu.`);
  }
  // A registration list has names but no outcome: reading it would record everyone as a donor.
  if (!cols.has('volume') && !cols.has('result') && !cols.has('reason')) {
    throw new AppError('NO_RESULT_COLUMN', `Tệp "${fileName}" (trang "${ws.name}") không phải danh sách kết quả hiến máu: không có cột kết quả hay lượng máu. Danh sách kết quả cần một cột "Kết quả" (Đạt / Hoãn…) hoặc "Lượng máu (ml)" (250, 350, 450), hoặc "Lý do hoãn". Nếu đây là danh sách đăng ký, hãy nhập ở mục Nhập danh sách. Không có gì được ghi.`);
  }
  let first = headerRow + 1;
  const sub = ws.getRow(first);
  if (!cellText(sub.getCell(cols.get('name')![0])) || /^(nam|nu)$/.test(foldVietnamese(cellText(sub.getCell((cols.get('birth') ?? [0])[0] || 1))))) first++;
  const rows: ResultRow[] = [];
  const skipped: { row: number; problem: string }[] = [];
  // Every row of the sheet is accounted for: a result row, an ignored row with its kind, or a problem.
  const ignored: IgnoredRow[] = [];
  const nonEmpty = (r: number) => {
    let any = false;
    ws.getRow(r).eachCell((cell) => {
      if (!any && cellText(cell).trim() !== '') any = true;
    });
    return any;
  };
  for (let r = 1; r < first; r++) if (nonEmpty(r)) ignored.push({ row: r, kind: r < headerRow ? 'title' : 'header', reason: r < headerRow ? 'Dòng tiêu đề của danh sách' : 'Dòng tên cột' });
  let footerFrom = 0;
  for (let r = first; r <= ws.rowCount; r++) {
    if (!nonEmpty(r)) continue;
    const row = ws.getRow(r);
    const get = (f: Field) => (cols.get(f) ?? []).map((c) => collapseSpaces(cellText(row.getCell(c)))).find(Boolean) ?? '';
    if (footerFrom) {
      ignored.push({ row: r, kind: 'footer', reason: 'Phần cuối danh sách (tổng số, nơi ký)' });
      continue;
    }
    const rawName = get('name');
    const folded = foldVietnamese(rawName);
    const carriesIdentity = (cols.get('nid') ?? []).some((c) => idText(row.getCell(c))) || !!get('phone') || (cols.get('birth') ?? []).some((c) => yearOf(row.getCell(c)) !== null);
    if (!rawName || /^\d+$/.test(rawName)) {
      // a row with an ID, a phone or a birth year but no name is never dropped in silence
      if (carriesIdentity) skipped.push({ row: r, problem: `Dòng ${r}: có số CCCD, điện thoại hoặc năm sinh nhưng không có họ tên; hãy bổ sung họ tên trong tệp rồi nhập lại.` });
      else ignored.push({ row: r, kind: 'stt_only', reason: 'Dòng không có họ tên (chỉ số thứ tự hoặc ô trống)' });
      continue;
    }
    // A footer by its role: a totals sentence ("Tổng số…: 1098", "Cộng: 45") or a signature line, on a row
    // with no ID, phone or birth year — so "Công Văn Tổng" or "Cồng Thị Lan" are read as people.
    const total = /^(tong cong|tong so|cong|tong)\b.*(:|\d)/.test(folded);
    if (!carriesIdentity && (total || /^(nguoi lap|xac nhan|truong (khoa|phong|ban)|ky ten|\(ky|ghi chu)/.test(folded))) {
      footerFrom = r;
      ignored.push({ row: r, kind: total ? 'total' : 'footer', reason: total ? 'Dòng tổng cộng' : 'Phần cuối danh sách (nơi ký)' });
      continue;
    }
    const birthYear = (cols.get('birth') ?? []).map((c) => yearOf(row.getCell(c))).find((y) => y !== null) ?? null;
    const volText = get('volume');
    const result = foldVietnamese(get('result'));
    const reason = get('reason') || null;
    let volumeMl = volumeOf(volText) ?? volumeOf(result);
    const deferred = !volumeMl && (/hoan|khong dat|khong hien|loai|tu choi/.test(result) || (!!reason && !/dat|hien/.test(result)));
    if (deferred) volumeMl = null;
    if (volText && !volumeMl && !deferred && /\d/.test(volText) && !/^[1-9]$/.test(volText)) {
      skipped.push({ row: r, problem: `Dòng ${r}: lượng máu "${volText}" không phải 250, 350 hoặc 450 ml.` });
      continue;
    }
    rows.push({
      row: r,
      fullName: capitalizeWords(rawName),
      birthYear,
      phone: get('phone') || null,
      nationalId: (cols.get('nid') ?? []).map((c) => idText(row.getCell(c))).find(Boolean) ?? null,
      outcome: deferred ? 'deferred' : 'donated',
      volumeMl,
      reason: deferred ? reason ?? (get('result') || 'Hoãn hiến') : null,
      certificateSerial: get('serial') || null,
      gender: normalizeGender(get('gender') || null),
      bloodGroup: normalizeBloodGroup(get('blood') || null).value,
      unitText: get('unit') ? nfc(get('unit')) : null,
    });
  }
  return { rows, skipped, ignored };
}
