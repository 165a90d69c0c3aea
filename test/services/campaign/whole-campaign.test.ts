import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_DIR, runCampaignFlow } from '../../../bench/_campaign-flow';

/**
 * The clerk's whole order on ../shared/campaign-2026 through the real CLI (quota table, 24 lists,
 * bulk merge, the facility's result list, exports), scored by score.py and score_results.py.
 */
describe('a whole campaign decides itself', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-campaign-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves at most 15 decisions to the clerk, never merges look-alikes, never matches a result row wrongly', async () => {
    const f = await runCampaignFlow(dir);
    expect(f.exitCodes).toMatchObject({ campaign: 0, quotas: 0, lists: 0, 'bulk-merge': 0, duplicates: 0, 'export-registrations': 0, 'export-donations': 0 });
    // results import exits 3 while rows are left for the clerk, 0 when none are
    expect([0, 3]).toContain(f.exitCodes.results);
    expect(f.exitCodes.results).toBe(f.resultRowsLeft > 0 ? 3 : 0);
    // every person row found, nothing extra, every field right
    expect(f.registrations.rowsFound).toBe(f.registrations.rowsTotal);
    expect(f.registrations.rowsTotal).toBeGreaterThan(1700);
    expect(f.registrations.extra).toBe(0);
    expect(f.registrations.fieldAccuracy).toBe(1);
    // duplicates: sure pairs merged, look-alikes never
    expect(f.merged).toBeGreaterThan(200);
    expect(f.registrations.precision).toBe(1);
    expect(f.registrations.recall).toBeGreaterThanOrEqual(0.99);
    expect(f.registrations.hardNegatives).toBeGreaterThan(50);
    expect(f.registrations.hardNegativesMerged).toBe(0);
    // the donation day
    expect(f.results.wrong).toBe(0);
    expect(f.results.walkInsLeft).toBe(f.results.walkIns);
    expect(f.results.matchedRight / f.results.registeredRows).toBeGreaterThanOrEqual(0.985);
    expect(f.decisions).toBeLessThanOrEqual(15);
    // every non-empty row of the result list accounted for
    const truth = JSON.parse(fs.readFileSync(path.join(CAMPAIGN_DIR, 'results', 'truth_results.json'), 'utf8')) as Record<string, number[]>;
    expect(f.resultLedger.people).toBe(truth.data_rows.length);
    expect(f.resultLedger.people + f.resultLedger.ignored + f.resultLedger.problems).toBe(truth.title_rows.length + truth.header_rows.length + truth.data_rows.length + truth.footer_rows.length);
  }, 300_000);
});
