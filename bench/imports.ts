// Import speed and memory: a generated 100,000-row × 12-column list beside exceljs's own readFile of
// the same file (each in its own process, so each peak memory is its own), and a typical 500-row list.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BenchRow } from './types';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vi', 'Lương', 'Nông', 'Lăng', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hồng', 'Quang', 'Bích'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quỳnh', 'Sơn', 'Trang'];

/** A list in the units' style: title row, header, then people with mixed cell types. */
export async function generateList(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH ĐĂNG KÝ HIẾN MÁU TÌNH NGUYỆN NĂM 2026']).commit();
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Địa chỉ', 'Đơn vị công tác', 'Nhóm máu', 'Số lần đã hiến máu', 'Nghề nghiệp', 'Ghi chú']).commit();
  for (let i = 0; i < rows; i++) {
    const female = i % 3 === 0;
    const year = 1970 + (i % 36);
    const name = `${SURNAMES[i % 10]} ${female ? 'Thị' : MIDDLE[i % 8]} ${GIVEN[(i * 7) % 14]}`;
    const id = 20000000000 + (female ? 100000000 : 0) + (year % 100) * 1000000 + (i % 1000000);
    ws.addRow([
      i + 1, name, `${(i % 28) + 1}/${(i % 12) + 1}/${year}`, female ? 'Nữ' : 'Nam', id, i % 2 ? `0912.${String(i % 1000).padStart(3, '0')}.${String(i % 997).padStart(3, '0')}` : 912000000 + i,
      `Khối ${i % 12}, phường Vĩnh Trại`, 'Công ty CP Xi măng Đồng Bành', ['A', 'B', 'O+', 'AB'][i % 4], i % 5, 'Công nhân', i % 10 === 0 ? 'Đăng ký dự bị' : null,
    ]).commit();
  }
  await wb.commit();
}

function child(mode: string, file: string): { ms: number; rows: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, '../node_modules/tsx/dist/cli.mjs'), path.join(__dirname, '_imports-child.ts'), mode, file], {
    encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rows: number; maxRssMb: number };
}

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-bench-imports-'));
  try {
    const big = path.join(dir, 'DS 100000 nguoi.xlsx');
    const small = path.join(dir, 'DS 500 nguoi.xlsx');
    await generateList(big, 100_000);
    await generateList(small, 500);
    const base = child('exceljs', big);
    const ours = child('import', big);
    const typical = child('warm', small);
    const ratio = ours.ms / base.ms;
    return [
      { name: 'imports: exceljs readFile 100k×12 (baseline)', value: base.ms / 1000, unit: 's', baseline: null, ratio: null, target: 'reference', met: true },
      { name: 'imports: exceljs readFile 100k×12 peak memory', value: Math.round(base.maxRssMb), unit: 'MB', baseline: null, ratio: null, target: 'reference', met: true },
      { name: `imports: whole import 100k×12 (${ours.rows} rows)`, value: ours.ms / 1000, unit: 's', baseline: base.ms / 1000, ratio, target: '≤ 1.5× exceljs readFile', met: ratio <= 1.5 && ours.rows === 100_000 },
      { name: 'imports: whole import 100k×12 peak memory', value: Math.round(ours.maxRssMb), unit: 'MB', baseline: Math.round(base.maxRssMb), ratio: ours.maxRssMb / base.maxRssMb, target: '< 1024 MB', met: ours.maxRssMb < 1024 },
      { name: 'imports: typical 500-row list (app already running)', value: typical.ms / 1000, unit: 's', baseline: null, ratio: null, target: '< 0.5 s', met: typical.ms < 500 && typical.rows === 500 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
