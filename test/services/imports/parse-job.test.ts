import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { getImportPreview, remapPreview, startParseJob, type ParseJobResult } from '../../../electron/services/imports/parse-job';
import { commitImport } from '../../../electron/services/imports/commit-import';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { resolveCampaign } from '../../../electron/services/imports/import-files';
import { schoolsWorkbook } from '../../fixtures/imports/make-fixtures';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => { ctx = tempContext(); });
afterEach(async () => ctx.cleanup());

describe('parsing as a job, remapping, remembering the mapping', () => {
  it('parses several files in a job, reporting a bad one without stopping', async () => {
    const good = await schoolsWorkbook();
    const bad = { name: 'Cong van.xlsx', data: Buffer.from('%PDF-1.4 not a list') };
    const { jobId } = await startParseJob(ctx, { campaignId: null, files: [good, bad].map((f) => ({ name: f.name, dataBase64: f.data.toString('base64') })) });
    const st = await ctx.jobs.wait(jobId);
    expect(st.state).toBe('done');
    const r = st.result as ParseJobResult;
    expect(r.files.map((f) => [f.fileName, f.rows, f.error === null])).toEqual([[good.name, 4, true], [bad.name, 0, false]]);
    const preview = await getImportPreview(ctx, { previewId: r.files[0].previewId! });
    expect(preview.sheets[0].samples['1']).toEqual(['Nguyễn Thị', 'Đoàn Văn', 'Lê Minh']);
  });

  it('can be cancelled: the job ends as cancelled and nothing is written', async () => {
    const f = await schoolsWorkbook();
    const { jobId } = await startParseJob(ctx, { campaignId: null, files: [{ name: f.name, dataBase64: f.data.toString('base64') }] });
    expect(ctx.jobs.cancel(jobId)).toBe(true);
    const st = await ctx.jobs.wait(jobId);
    expect(st.state).toBe('cancelled');
    expect(st.error?.message).toMatch(/huỷ/i);
    expect((ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM registrations').get() as { n: number }).n).toBe(0);
  });

  it('applies the clerk’s mapping, and remembers it for the next file with that header', async () => {
    const f = await schoolsWorkbook();
    const campaignId = await resolveCampaign(ctx, undefined);
    const { preview } = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    const mapping = { ...preview.sheets[0].mapping, '5': 'note' as const };
    await remapPreview(ctx, { previewId: preview.id, sheet: 'Sheet1', mapping });
    const remapped = await getImportPreview(ctx, { previewId: preview.id, offset: 0, limit: 2 });
    expect(remapped.rows).toHaveLength(2);
    expect(remapped.page).toEqual({ offset: 0, total: 4, onlyIssues: false });
    expect(remapped.rows[0].values.phone).toBeNull();
    expect(remapped.rows[0].values.note).toBe('0912 111 222');
    await commitImport(ctx, { previewId: preview.id, unitId: null, newUnitName: 'Cụm trường' });
    const next = await buildPreview(ctx, { fileName: 'khac.xlsx', data: f.data, campaignId: preview.campaignId });
    expect(next.preview.sheets[0].mapping['5']).toBe('note');
    expect(next.preview.unit.unitId).not.toBeNull();
  });
});
