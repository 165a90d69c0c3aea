// The clerk's whole order on ../shared/campaign-2026 through the real CLI, scored by the scorers beside
// the data. Shared by `npm run bench` (decisions per campaign) and the end-to-end test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../electron/cli';

export const CAMPAIGN_DIR = path.resolve(__dirname, '..', '..', 'shared', 'campaign-2026');

export interface CampaignFigures {
  personRows: number;
  resultRows: number;
  /** Pairs proposed as one person that bulk merge left for the clerk. */
  pairsWaiting: number;
  /** Result rows left for the clerk after the import. */
  resultRowsLeft: number;
  decisions: number;
  merged: number;
  registrations: { summary: string; rowsFound: number; rowsTotal: number; extra: number; fieldAccuracy: number; precision: number; recall: number; hardNegatives: number; hardNegativesMerged: number };
  results: { summary: string; matchedRight: number; registeredRows: number; wrong: number; walkInsLeft: number; walkIns: number };
  exitCodes: Record<string, number>;
  /** The result list's rows accounted for: people, ignored rows (title, header, totals, footer), problems. */
  resultLedger: { people: number; ignored: number; problems: number };
}

function score(script: string, answer: string, metrics: string): { stdout: string; metrics: Record<string, unknown> } {
  const r = spawnSync('python3', [path.join(CAMPAIGN_DIR, script), answer, '--json', metrics], { encoding: 'utf8', cwd: CAMPAIGN_DIR });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr || r.stdout}`);
  return { stdout: r.stdout, metrics: fs.existsSync(metrics) ? (JSON.parse(fs.readFileSync(metrics, 'utf8')) as Record<string, unknown>) : {} };
}

const summaryLine = (s: string) => s.split('\n').find((l) => l.startsWith('SUMMARY')) ?? '';

export async function runCampaignFlow(dir: string): Promise<CampaignFigures> {
  const db = path.join(dir, 'campaign.sqlite');
  const out: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) };
  const exitCodes: Record<string, number> = {};
  const cli = async (name: string, args: string[]) => (exitCodes[name] = await runCli([...args, '--db', db], io));
  const lists = fs.readdirSync(path.join(CAMPAIGN_DIR, 'lists')).filter((f) => /\.(xlsx|xls|csv)$/i.test(f)).map((f) => path.join(CAMPAIGN_DIR, 'lists', f));
  const quotaTable = path.join(CAMPAIGN_DIR, 'quotas', 'quota-table-monthly.xlsx');
  const resultList = path.join(CAMPAIGN_DIR, 'results', fs.readdirSync(path.join(CAMPAIGN_DIR, 'results')).find((f) => f.endsWith('.xlsx'))!);

  await cli('campaign', ['campaigns', 'create', 'Đợt 1 năm 2026', '--date', '2026-05-28']);
  await cli('quotas', ['quotas', 'import', '--campaign', '1', '--create-units', quotaTable]);
  await cli('lists', ['import', '--campaign', '1', '--unit', 'auto', ...lists]);
  await cli('bulk-merge', ['duplicates', 'bulk-merge', '--campaign', '1', '--yes']);
  const merged = Number(/Đã gộp (\d+)/.exec(out.join('\n'))?.[1] ?? 0);
  const dupJson = path.join(dir, 'duplicates.json');
  await cli('duplicates', ['duplicates', '--campaign', '1', '--json', '--out', dupJson]);
  const candidates = (JSON.parse(fs.readFileSync(dupJson, 'utf8')) as { candidates: { proposed: boolean; deferred: boolean }[] }).candidates;
  const before = out.length;
  await cli('results', ['results', 'import', '--campaign', '1', '--json', resultList]);
  const resultJson = JSON.parse(out.slice(before).join('\n')) as { rows: number; unmatched: unknown[]; ignored: unknown[]; skipped: unknown[] };
  const reg = path.join(dir, 'registrations.json');
  const don = path.join(dir, 'donations.json');
  await cli('export-registrations', ['export-registrations', '--format', 'interchange', '--campaign', '1', '--out', reg]);
  await cli('export-donations', ['export-donations', '--campaign', '1', '--format', 'interchange', '--out', don]);

  const r1 = score('score.py', reg, path.join(dir, 'm1.json'));
  const m1 = r1.metrics as {
    rows: { expected: number; found: number; extra: number };
    field_accuracy_micro?: number;
    duplicates: { precision: number; recall: number };
    hard_negatives: { total: number; falsely_merged: number };
  };
  const r2 = score('score_results.py', don, path.join(dir, 'm2.json'));
  const s2 = summaryLine(r2.stdout);
  const num = (re: RegExp) => Number(re.exec(s2)?.[1] ?? NaN);
  const pairsWaiting = candidates.filter((c) => c.proposed).length;
  const resultRowsLeft = resultJson.unmatched.length;
  return {
    personRows: m1.rows?.expected ?? NaN,
    resultRows: resultJson.rows,
    pairsWaiting,
    resultRowsLeft,
    decisions: pairsWaiting + resultRowsLeft,
    merged,
    registrations: {
      summary: summaryLine(r1.stdout),
      rowsFound: m1.rows?.found ?? NaN,
      rowsTotal: m1.rows?.expected ?? NaN,
      extra: m1.rows?.extra ?? NaN,
      fieldAccuracy: m1.field_accuracy_micro ?? NaN,
      precision: m1.duplicates.precision,
      recall: m1.duplicates.recall,
      hardNegatives: m1.hard_negatives.total,
      hardNegativesMerged: m1.hard_negatives.falsely_merged,
    },
    results: {
      summary: s2,
      matchedRight: num(/registered matched right (\d+)\//),
      registeredRows: num(/registered matched right \d+\/(\d+)/),
      wrong: num(/wrong matches (\d+)/),
      walkInsLeft: num(/walk-ins left unmatched (\d+)\//),
      walkIns: num(/walk-ins left unmatched \d+\/(\d+)/),
    },
    exitCodes,
    resultLedger: { people: resultJson.rows, ignored: resultJson.ignored.length, problems: resultJson.skipped.length },
  };
}
