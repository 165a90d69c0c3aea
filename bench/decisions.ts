// Decisions left to the clerk on one whole campaign (../shared/campaign-2026): pairs still waiting
// after bulk merge + result rows left to resolve, beside the rows the campaign has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { row, timeIt, type BenchRow } from './types';
import { runCampaignFlow } from './_campaign-flow';

/** What the first version left on a campaign of this shape (issue 11): 318 decisions. */
const BASELINE_DECISIONS = 318;

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-bench-campaign-'));
  try {
    const { ms, value: f } = await timeIt(() => runCampaignFlow(dir));
    const rows = f.personRows + f.resultRows;
    return [
      row({ name: `decisions per campaign (${rows} rows: ${f.personRows} registrations + ${f.resultRows} result rows)`, value: f.decisions, unit: 'decisions', baseline: BASELINE_DECISIONS, target: '≤ 15', met: f.decisions <= 15 }),
      row({ name: 'duplicate pairs left after bulk merge', value: f.pairsWaiting, unit: 'pairs', baseline: 94, target: 'few', met: true }),
      row({ name: 'result rows left to the clerk', value: f.resultRowsLeft, unit: 'rows', baseline: 224, target: 'few', met: true }),
      row({ name: 'look-alike pairs merged (hard negatives)', value: f.registrations.hardNegativesMerged, unit: `of ${f.registrations.hardNegatives}`, baseline: null, target: '0', met: f.registrations.hardNegativesMerged === 0 }),
      row({ name: 'result rows matched right', value: Math.round((f.results.matchedRight / f.results.registeredRows) * 1000) / 10, unit: '%', baseline: null, target: '≥ 98.5 %', met: f.results.matchedRight / f.results.registeredRows >= 0.985 }),
      row({ name: 'wrong result matches', value: f.results.wrong, unit: 'rows', baseline: null, target: '0', met: f.results.wrong === 0 }),
      row({ name: 'walk-ins left unmatched', value: f.results.walkInsLeft, unit: `of ${f.results.walkIns}`, baseline: null, target: 'all', met: f.results.walkInsLeft === f.results.walkIns }),
      row({ name: 'whole campaign through the CLI (quota table, 24 lists, bulk merge, result list, exports)', value: Math.round(ms) / 1000, unit: 's', baseline: null, target: '< 60 s', met: ms < 60_000 }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
