import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { latestVersion, migrations } from '../../electron/db/migrations';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the real CLI in a child process, as a script would. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GIOT_HONG_DB: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-cli-'));
    db = path.join(dir, 'cli.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates and migrates a database, reports it as JSON', () => {
    const m = cli('db', 'migrate', '--db', db, '--json');
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toMatchObject({ from: 0, to: latestVersion, applied: migrations.map((x) => x.version) });
    const info = cli('db', 'info', '--json', '--db', db);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ schemaVersion: latestVersion, firstRun: true, counts: { units: 0 } });
    expect(JSON.parse(cli('db', 'migrate', '--db', db, '--json').out).applied).toEqual([]);
  });

  it('imports and lists units, options before or after the file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Tên đơn vị', 'Loại']);
    ws.addRow(['Xã Mai Pha', 'Xã/Phường']);
    ws.addRow(['Công an thành phố', '']);
    const file = path.join(dir, 'units.xlsx');
    await wb.xlsx.writeFile(file);
    const r = cli('units', 'import', '--db', db, file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ created: 2, updated: 0 });
    const list = JSON.parse(cli('units', 'list', '--json', '--db', db).out);
    expect(list.map((u: { name: string; kind: string }) => [u.name, u.kind])).toEqual([['Xã Mai Pha', 'commune'], ['Công an thành phố', 'armed']]);
  });

  it('fails with exit codes and Vietnamese messages a script can rely on', () => {
    const usage = cli('units', 'import', '--db', db);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Thiếu tên tệp Excel/);
    const bad = path.join(dir, 'not.xlsx');
    fs.writeFileSync(bad, 'plain text');
    const failed = cli('units', 'import', bad, '--db', db);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/"not.xlsx" không phải là bảng tính/);
    expect(cli('no-such-command', '--db', db).code).toBe(2);
  });
});
