import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { jobStatusSchema, jobStatusSchemas, type JobResultOf, type JobStatus } from '../../../shared/ipc/channels/jobs';
import type { GeneratedDocument } from '../../../shared/ipc/channels/documents';
import { insertCampaign, insertRow, insertUnit } from '../duplicates/fixtures';
import { schoolsWorkbook } from '../../fixtures/imports/make-fixtures';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => { ctx = tempContext(); });
afterEach(async () => ctx.cleanup());

/** Polls jobs:status through the dispatcher, as the screens do, until the job ends. */
async function pollUntilEnd(dispatch: ReturnType<typeof createDispatcher>, id: string): Promise<JobStatus> {
  for (;;) {
    const r = await dispatch('jobs:status', { id });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value as JobStatus;
    if (s.state !== 'running') return s;
    await new Promise((res) => setTimeout(res, 10));
  }
}

describe('typed job results, one schema per job kind', () => {
  it('duplicates:match: the result reaches the caller as the kind says, parsed', async () => {
    const campaignId = insertCampaign(ctx.data, 'Đợt 1');
    const unit = insertUnit(ctx.data, 'Phường 1');
    insertRow(ctx.data, { campaignId, unitId: unit, file: 'a.xlsx', sheet: 'DS', row: 2, fullName: 'Chu Trung Kiên', birthDate: '2005-12-10', nationalId: '020205884635' });
    insertRow(ctx.data, { campaignId, unitId: unit, file: 'b.xlsx', sheet: 'DS', row: 3, fullName: 'CHU TRUNG KIÊN', birthDate: '2005', nationalId: '020205884635' });
    const dispatch = createDispatcher(ctx);
    const started = await dispatch('duplicates:match', { campaignId });
    if (!started.ok) throw new Error(started.error.message);
    const status = await pollUntilEnd(dispatch, (started.value as { jobId: string }).jobId);
    // what the renderer does with it: parse with the kind's schema, then use it without a cast
    const parsed = jobStatusSchemas['duplicates:match'].parse(status);
    expect(parsed.kind).toBe('duplicates:match');
    if (parsed.state !== 'done') throw new Error(`job ${parsed.state}`);
    expectTypeOf(parsed.result).toEqualTypeOf<JobResultOf<'duplicates:match'>>();
    expect(parsed.result).toEqual({ pairs: 1, proposed: 1, people: 2 });
    // the wrong kind's schema refuses it
    expect(jobStatusSchemas['imports:parse'].safeParse(status).success).toBe(false);
  });

  it('imports:parse: one entry per file, typed, through the dispatcher', async () => {
    const good = await schoolsWorkbook();
    const dispatch = createDispatcher(ctx);
    const started = await dispatch('imports:parse', { campaignId: null, files: [{ name: good.name, dataBase64: good.data.toString('base64') }] });
    if (!started.ok) throw new Error(started.error.message);
    const status = jobStatusSchema.parse(await pollUntilEnd(dispatch, (started.value as { jobId: string }).jobId));
    if (status.kind !== 'imports:parse' || status.state !== 'done') throw new Error(`unexpected ${status.kind}/${status.state}`);
    expect(status.result.files).toEqual([{ fileName: good.name, previewId: expect.any(String), error: null, rows: 4 }]);
    expect(typeof status.result.campaignId).toBe('number');
  });

  it('documents:generate: the runner hands back the generated document, dropping what the contract does not name', async () => {
    const doc: GeneratedDocument = { file: { name: 'KH.pdf', mime: 'application/pdf', dataBase64: 'JVBERi0=' }, pages: 2, numberText: '15/KH-HCTĐ', serials: [], warnings: [] };
    const id = ctx.jobs.start('documents:generate', 'Đang tạo', async () => ({ ...doc, internalPath: '/tmp/secret.pdf' }) as GeneratedDocument);
    const s = await ctx.jobs.wait(id, 'documents:generate');
    if (s.state !== 'done') throw new Error(s.state);
    expect(s.result).toEqual(doc);
    expect(s.result).not.toHaveProperty('internalPath');
    await expect(ctx.jobs.wait(id, 'imports:parse')).rejects.toThrow(/không phải loại/);
  });

  it('a malformed result is refused at the boundary: the job fails, no result crosses', async () => {
    const dispatch = createDispatcher(ctx);
    const id = ctx.jobs.start('duplicates:match', 'x', async () => ({ pairs: 'nhiều', people: 3 }) as never);
    const status = await pollUntilEnd(dispatch, id);
    expect(status).toMatchObject({ kind: 'duplicates:match', state: 'failed', error: { code: 'INVALID_RESULT' } });
    expect(status).not.toHaveProperty('result');
    expect(jobStatusSchema.safeParse(status).success).toBe(true); // a well-formed failure
    // and what a screen would refuse if it ever came over the wire: done without its kind's result
    expect(jobStatusSchema.safeParse({ id, kind: 'duplicates:match', state: 'done', progress: 1, message: '', result: { pairs: 'nhiều' } }).success).toBe(false);
    expect(jobStatusSchema.safeParse({ id, kind: 'other', state: 'done', progress: 1, message: '', result: {} }).success).toBe(false);
  });

  it('failures and cancellation keep their error, typed by kind', async () => {
    const id = ctx.jobs.start('imports:parse', 'x', async (ctl) => {
      await new Promise((r) => setTimeout(r, 30));
      ctl.checkCancelled();
      return { campaignId: 1, files: [] };
    });
    expect(ctx.jobs.cancel(id)).toBe(true);
    const s = await ctx.jobs.wait(id, 'imports:parse');
    expect(s.state).toBe('cancelled');
    if (s.state === 'cancelled' || s.state === 'failed') expect(s.error.code).toBe('CANCELLED');
  });
});
