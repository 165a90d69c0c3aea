import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { listCandidates } from '../../../electron/services/duplicates/list-candidates';
import { matchArrivedList, matchCampaignNow, matchImportBatch, startMatchJob } from '../../../electron/services/duplicates/run-match';
import { decidePair } from '../../../electron/services/duplicates/decisions';
import { bulkMerge, bulkMergeSummary, undoBulkMerge } from '../../../electron/services/duplicates/bulk-merge';
import { exportUnitFeedback, unitDuplicateCounts } from '../../../electron/services/duplicates/feedback-export';
import { safeCell } from '../../../electron/services/spreadsheet/excel-export';
import { runCli } from '../../../electron/cli';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { duplicateGroupsForExport } from '../../../electron/services/duplicates/export-groups';
import { createAppContext } from '../../../electron/services/create-context';
import { insertCampaign, insertRow, insertUnit } from './fixtures';

describe('the duplicates queue and its decisions', () => {
  let ctx: ReturnType<typeof tempContext>;
  let campaignId: number;
  let ward: number;
  let youth: number;
  const ids: Record<string, number> = {};
  beforeEach(() => {
    ctx = tempContext();
    campaignId = insertCampaign(ctx.data, 'Đợt 1 năm 2026');
    ward = insertUnit(ctx.data, 'Phường Vĩnh Trại');
    youth = insertUnit(ctx.data, 'Thành đoàn');
    const row = (k: string, unitId: number, file: string, n: number, p: Parameters<typeof insertRow>[1] extends infer T ? Partial<T> : never) =>
      (ids[k] = insertRow(ctx.data, { campaignId, unitId, file, sheet: 'DS', row: n, fullName: '', ...p }).personId);
    row('kien1', ward, 'VT.xlsx', 2, { fullName: 'Chu Trung Kiên', gender: 'M', birthDate: '2005-12-10', nationalId: '020205884635', phone: '0372989064' });
    row('kien2', youth, 'TD.xlsx', 3, { fullName: 'CHU TRUNG KIÊN', gender: 'M', birthDate: '2005', nationalId: '020205884635' });
    row('tuan1', ward, 'VT.xlsx', 3, { fullName: 'Ngô Đức Tuấn', gender: 'M', birthDate: '2002-01-06', nationalId: '020202307354', phone: '0344251280' });
    row('tuan2', youth, 'TD.xlsx', 4, { fullName: 'Ngô Đức Tuấn', gender: 'M', birthDate: '2002-01-06' });
    row('wife', ward, 'VT.xlsx', 4, { fullName: 'Hoàng Thị Phương', gender: 'F', birthDate: '1983-07-26', phone: '0984561225' });
    row('husband', ward, 'VT.xlsx', 5, { fullName: 'Phạm Quang Bình', gender: 'M', birthDate: '1979-07-05', phone: '0984561225' });
    row('oanh1', ward, 'VT.xlsx', 6, { fullName: 'Lương Thị Bích Oanh', gender: 'F', birthDate: '1990-12-06', nationalId: '020190002307' });
    row('oanh2', youth, 'TD.xlsx', 5, { fullName: 'Lương Thị Bích Oanh', gender: 'F', birthDate: '1990-09-17', nationalId: '020190537370' });
  });
  afterEach(() => ctx.cleanup());

  it('runs the whole-campaign match as a job and lists pairs by score with sources and reasons', async () => {
    expect(listCandidates(ctx, { campaignId }).state).toBe('not_run');
    const { jobId } = startMatchJob(ctx, campaignId);
    const st = await ctx.jobs.wait(jobId);
    expect(st.state).toBe('done');
    const list = listCandidates(ctx, { campaignId, minScore: 0.8 });
    expect(list.items.map((c) => [c.a.fullName, c.b.fullName])).toEqual([
      ['Chu Trung Kiên', 'CHU TRUNG KIÊN'],
      ['Ngô Đức Tuấn', 'Ngô Đức Tuấn'],
    ]);
    expect(list.items[0].reasons[0]).toBe('cùng số CCCD');
    expect(list.items[1].reasons).toContain('cùng họ tên và ngày sinh');
    expect(list.items[0].a.registrations[0]).toMatchObject({ file: 'VT.xlsx', sheet: 'DS', row: 2, unitName: 'Phường Vĩnh Trại', inCampaign: true });
    expect(list.items[0].fields).toMatchObject({ nationalId: 'same', birthDate: 'similar', phone: 'unknown' });
    expect(list.obviousCount).toBe(1);
  });

  it('remembers "không phải cùng một người" across a restart and re-match; deferred pairs go last', async () => {
    await matchCampaignNow(ctx, campaignId);
    decidePair(ctx, { a: ids.tuan2, b: ids.tuan1, decision: 'not_same' });
    decidePair(ctx, { a: ids.kien1, b: ids.kien2, decision: 'deferred' });
    const reopened = createAppContext(ctx.dbPath);
    try {
      await matchCampaignNow(reopened, campaignId);
      const list = listCandidates(reopened, { campaignId, minScore: 0.8 });
      expect(list.items.map((c) => [c.key, c.deferred])).toEqual([[`${ids.kien1}-${ids.kien2}`, true]]);
    } finally {
      await reopened.conn.close();
    }
    const actions = (ctx.conn.sqlite.prepare('SELECT action FROM audit_log').pluck().all() as string[]);
    expect(actions).toEqual(['duplicates.decide.not_same', 'duplicates.decide.deferred']);
  });

  it('bulk-merges every pair the data decides, says each rule first, and undoes the batch', async () => {
    const s = await bulkMergeSummary(ctx, campaignId);
    expect(s).toMatchObject({ pairs: 2, people: 4, remaining: 0 });
    expect(s.rules.map((r) => r.rule).sort()).toEqual([
      'cùng họ tên, cùng ngày sinh, không ai khác trong đợt cùng họ tên và năm sinh',
      'cùng số CCCD/CMND, cùng họ tên, cùng năm sinh',
    ]);
    const r = await bulkMerge(ctx, campaignId);
    expect(r).toMatchObject({ merged: 2, skipped: 0 });
    const mergedInto = ctx.conn.sqlite.prepare('SELECT merged_into FROM people WHERE id = ?').pluck();
    expect(mergedInto.get(ids.kien2)).toBe(ids.kien1);
    expect(mergedInto.get(ids.tuan2)).toBe(ids.tuan1);
    // a family sharing a phone, namesakes with two different CCCDs: never merged without the clerk
    expect(mergedInto.get(ids.husband)).toBeNull();
    expect(mergedInto.get(ids.oanh2)).toBeNull();
    expect(ctx.conn.sqlite.prepare('SELECT rule FROM person_merges WHERE batch_id = ? ORDER BY id').pluck().all(r.batchId)).toHaveLength(2);
    expect(undoBulkMerge(ctx, r.batchId!)).toEqual({ undone: 2 });
    expect(mergedInto.get(ids.kien2)).toBeNull();
    expect(mergedInto.get(ids.tuan2)).toBeNull();
    expect(() => undoBulkMerge(ctx, r.batchId!)).toThrow(/đã được hoàn tác/);
  });

  it('after a merge, a pair with the merged person is shown with the survivor, and the export keeps the whole group', async () => {
    const a = insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT.xlsx', sheet: 'DS', row: 20, fullName: 'Nguyễn Văn Hùng', gender: 'M', birthDate: '1990-01-02', nationalId: '020090111222', phone: '0911000001' });
    const b = insertRow(ctx.data, { campaignId, unitId: youth, file: 'TD.xlsx', sheet: 'DS', row: 20, fullName: 'Nguyen Van Hung', gender: 'M', birthDate: '1990', nationalId: '020090111222', phone: '0911000002' });
    const c = insertRow(ctx.data, { campaignId, unitId: youth, file: 'TD bổ sung.xlsx', sheet: 'DS', row: 4, fullName: 'Nguyễn Văn Hùgn', gender: 'M', birthDate: '1990', phone: '0911000002' });
    await matchCampaignNow(ctx, campaignId);
    mergePeople(ctx, { survivorId: a.personId, mergedId: b.personId });
    const keys = listCandidates(ctx, { campaignId, minScore: 0.8 }).items.map((x) => x.key);
    expect(keys).toContain(`${a.personId}-${c.personId}`);
    const groups = await duplicateGroupsForExport(ctx, campaignId);
    const g = groups.find((x) => x.some((r) => r.file === 'TD bổ sung.xlsx'));
    expect(g?.map((r) => `${r.file}:${r.row}`).sort()).toEqual(['TD bổ sung.xlsx:4', 'TD.xlsx:20', 'VT.xlsx:20']);
  });

  it('recognises a returning donor from an earlier campaign as a list arrives', () => {
    const earlier = insertCampaign(ctx.data, 'Đợt 2 năm 2025');
    const old = insertRow(ctx.data, { campaignId: earlier, unitId: ward, file: 'cu.xlsx', sheet: 'DS', row: 8, fullName: 'Lăng Văn Thái', birthDate: '1996-06-04', nationalId: '020096496491' });
    const next = insertCampaign(ctx.data, 'Đợt 2 năm 2026');
    const fresh = insertRow(ctx.data, { campaignId: next, unitId: youth, file: 'moi.xlsx', sheet: 'DS', row: 2, fullName: 'Lăng Văn Thái', birthDate: '1996', nationalId: '020096496491' });
    // no ID, no phone: found through the folded-name index alone
    const oldNoId = insertRow(ctx.data, { campaignId: earlier, unitId: ward, file: 'cu.xlsx', sheet: 'DS', row: 9, fullName: 'Trần Thu Hạnh', birthDate: '1993-11-10' });
    const freshNoId = insertRow(ctx.data, { campaignId: next, unitId: youth, file: 'moi.xlsx', sheet: 'DS', row: 3, fullName: 'TRẦN THU HẠNH', birthDate: '1993-11-10' });
    insertRow(ctx.data, { campaignId: earlier, unitId: ward, file: 'cu.xlsx', sheet: 'DS', row: 10, fullName: 'Trần Thu Hạnh Anh', birthDate: '1993-11-10', nationalId: '001193000001' });
    const r = matchArrivedList(ctx, next, [fresh.personId, freshNoId.personId]);
    expect(r.proposed).toBe(2);
    expect(r.pairs.filter((p) => p.score >= 0.8).map((p) => [p.a, p.b])).toEqual(
      expect.arrayContaining([[old.personId, fresh.personId], [oldNoId.personId, freshNoId.personId]]),
    );
  });

  it('matches the people of one import batch as the list arrives and adds them to the queue', async () => {
    await matchCampaignNow(ctx, campaignId);
    const batch = Number(ctx.conn.sqlite.prepare("INSERT INTO import_batches (campaign_id, unit_id, file_name, file_hash, created_at) VALUES (?, ?, 'bs.xlsx', 'h', 'x')").run(campaignId, youth).lastInsertRowid);
    insertRow(ctx.data, { campaignId, unitId: youth, batchId: batch, file: 'bs.xlsx', sheet: 'DS', row: 2, fullName: 'Hoàng Thị Phương', gender: 'F', birthDate: '1983', phone: '0984561225' });
    expect(listCandidates(ctx, { campaignId }).stale).toBe(true);
    expect(matchImportBatch(ctx, batch)).toEqual({ campaignId, people: 1, pairs: 1, proposed: 1 }); // the husband sharing the phone is not even shown
    const list = listCandidates(ctx, { campaignId, minScore: 0.8 });
    expect(list.items.map((c) => c.reasons[0])).toContain('cùng số điện thoại và họ tên');
    expect(() => matchImportBatch(ctx, 999)).toThrow(/Không tìm thấy lần nhập/);
  });

  it('exports per-unit feedback marking duplicates and where else the person registered, formulas escaped', async () => {
    insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT.xlsx', sheet: 'DS', row: 9, fullName: '=HYPERLINK("x")' });
    const f = await exportUnitFeedback(ctx, campaignId, ward);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const kien = rows.find((r) => r[1] === 'Chu Trung Kiên')!;
    expect(kien[6]).toBe('Có thể trùng');
    expect(kien[7]).toBe('Thành đoàn (TD.xlsx, trang DS, dòng 3)');
    const wife = rows.find((r) => r[1] === 'Hoàng Thị Phương')!;
    expect(wife[6]).toBe('');
    expect(rows.some((r) => r[1] === `'=HYPERLINK("x")`)).toBe(true);
    expect(safeCell('+84912')).toBe("'+84912");
    expect(safeCell('Lê')).toBe('Lê');
    const counts = await unitDuplicateCounts(ctx, campaignId);
    expect(counts.find((c) => c.unitId === youth)).toMatchObject({ registrations: 3, duplicates: 2 });
  });

  it('the CLI lists candidates with scores and reasons as JSON', async () => {
    const out: string[] = [];
    const code = await runCli(['duplicates', '--campaign', String(campaignId), '--db', ctx.dbPath, '--json'], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    const j = JSON.parse(out.join('\n'));
    const proposed = j.candidates.filter((c: { proposed: boolean }) => c.proposed);
    expect(proposed).toHaveLength(2);
    expect(proposed[0]).toMatchObject({ score: expect.any(Number), reasons: expect.arrayContaining(['cùng số CCCD']) });
    expect(proposed[0].a.sources[0]).toMatchObject({ file: 'VT.xlsx', sheet: 'DS', row: 2 });
  });
});
