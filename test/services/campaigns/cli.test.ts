import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/cli';
import { createAppContext } from '../../../electron/services/create-context';
import { createUnit } from '../../../electron/services/units/units';
import { addPerson, addRegistration } from '../progress/seed';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('CLI: campaigns, quotas, progress, results, export-donations', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-cli-'));
    db = path.join(dir, 'data.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a campaign from creation to the interchange export', async () => {
    let r = io();
    expect(await runCli(['campaigns', 'create', 'Hành trình đỏ 2026', '--date', '2026-06-17', '--units', '10', '--db', db, '--json'], r.io)).toBe(0);
    const campaignId = JSON.parse(r.out[0]).id as number;
    // Units and registrations as the units and import services would have written them.
    const app = createAppContext(db);
    const unit = await createUnit(app, { name: 'Đoàn thanh niên', kind: 'mass_org' });
    const p = addPerson(app, { name: 'Nguyễn Văn An', nid: '001090000111' });
    addRegistration(app, { personId: p, campaignId, unitId: unit.id, file: 'doan.xlsx', sheet: 'DS', row: 7 });
    await app.conn.close();

    const quota = new ExcelJS.Workbook();
    const qs = quota.addWorksheet('CT');
    qs.addRow(['STT', 'Đơn vị', 'Đơn vị máu']);
    qs.addRow([1, 'Đoàn thanh niên', 8]);
    qs.addRow([2, 'Hội Nông dân', 2]);
    const qfile = path.join(dir, 'chi-tieu.xlsx');
    await quota.xlsx.writeFile(qfile);
    r = io();
    expect(await runCli(['quotas', 'import', '--campaign', String(campaignId), qfile, '--db', db], r.io)).toBe(3);
    expect(r.err.join('\n')).toMatch(/Dòng 3: .*Hội Nông dân/);
    const xfile = path.join(dir, 'xuat.xlsx');
    expect(await runCli(['quotas', 'export', '--campaign', String(campaignId), xfile, '--db', db], io().io)).toBe(0);
    expect(fs.statSync(xfile).size).toBeGreaterThan(1000);

    const res = new ExcelJS.Workbook();
    const rs = res.addWorksheet('KQ');
    rs.addRow(['STT', 'Họ và tên', 'Số CCCD', 'Thể tích']);
    rs.addRow([1, 'Nguyễn Văn An', 1090000111, 350]);
    const rfile = path.join(dir, 'ket-qua.xlsx');
    await res.xlsx.writeFile(rfile);
    expect(await runCli(['results', 'import', '--campaign', String(campaignId), rfile, '--db', db], io().io)).toBe(0);

    r = io();
    expect(await runCli(['progress', '--campaign', String(campaignId), '--json', '--db', db], r.io)).toBe(0);
    const prog = JSON.parse(r.out.join('\n'));
    expect(prog.units[0]).toMatchObject({ unitName: 'Đoàn thanh niên', quotaBloodUnits: 8, registered: 1, afterDuplicates: 1, donated: 1, deferred: 0, percentBloodUnits: 12.5 });

    const out = path.join(dir, 'donations.json');
    expect(await runCli(['export-donations', '--campaign', String(campaignId), '--format', 'interchange', '--db', db, '--out', out], io().io)).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual({
      donations: [{ file: 'ket-qua.xlsx', row: 2, person_ref: { file: 'doan.xlsx', sheet: 'DS', row: 7 }, outcome: 'donated', volume_ml: 350 }],
    });
    r = io();
    expect(await runCli(['campaigns', 'list', '--db', db], r.io)).toBe(0);
    expect(r.out[0]).toMatch(/Hành trình đỏ 2026/);
  });
});
