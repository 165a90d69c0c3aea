/** File bytes → a preview the clerk can check: every row with its values and issues, the mapping, the unit. */
import type { ServiceContext } from '../context';
import { getCampaign } from '../campaigns/campaigns';
import type { ImportPreview, PreviewRow } from '../../../shared/ipc/channels/imports';
import type { ColumnMapping } from '../../../shared/domain/import/types';
import type { SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';
import { cellText } from '../../../shared/domain/import/cells';
import { eligibleByAge, validatePerson, type CampaignRules } from '../../../shared/domain/import/validate-row';
import { analyzeGrids, parseFile, type ParsedFile } from './parse-file';
import { guessUnit } from './guess-unit';
import { findRememberedMapping } from './remembered-mappings';
import { newPreviewId, putPreview } from './preview-store';

export async function campaignRules(ctx: ServiceContext, campaignId: number): Promise<CampaignRules> {
  const c = await getCampaign(ctx, campaignId);
  return {
    donationDate: c.donationDates[0] ?? null,
    ageMinMale: c.ageMinMale,
    ageMaxMale: c.ageMaxMale,
    ageMinFemale: c.ageMinFemale,
    ageMaxFemale: c.ageMaxFemale,
    minIntervalDays: c.minIntervalDays,
  };
}

function sheetSamples(parsed: ParsedFile, a: SheetAnalysis): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const grid = parsed.grids.find((g) => g.name === a.sheet);
  let width = a.headers.length;
  for (const p of a.people.slice(0, 20)) width = Math.max(width, grid?.rows[p.row - 1]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const vals: string[] = [];
    for (const p of a.people) {
      const t = cellText(grid?.rows[p.row - 1]?.[c]);
      if (t) vals.push(t.length > 40 ? t.slice(0, 40) + '…' : t);
      if (vals.length >= 3) break;
    }
    out[String(c)] = vals;
  }
  return out;
}

/** Latest donation already recorded for each national ID, to check the 12-week interval. */
function recordedDonations(ctx: ServiceContext, sheets: SheetAnalysis[]): Map<string, string> {
  const out = new Map<string, string>();
  const any = ctx.sqlite.prepare("SELECT 1 FROM donations WHERE outcome = 'donated' LIMIT 1").get();
  if (!any) return out;
  const ids = [...new Set(sheets.flatMap((a) => a.people.map((p) => p.values.national_id).filter((x): x is string => !!x)))];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = ctx.sqlite
      .prepare(`SELECT p.national_id AS id, MAX(d.donated_on) AS last FROM donations d JOIN people p ON p.id = d.person_id WHERE d.outcome = 'donated' AND p.national_id IN (${chunk.map(() => '?').join(',')}) GROUP BY p.national_id`)
      .all(...chunk) as { id: string; last: string }[];
    for (const r of rows) out.set(r.id, r.last);
  }
  return out;
}

function toRows(a: SheetAnalysis, rules: CampaignRules, recorded: Map<string, string>): PreviewRow[] {
  return a.people.map((p) => {
    const known = p.values.national_id ? recorded.get(p.values.national_id) : undefined;
    const last = [p.lastDonation, known].filter((x): x is string => !!x).sort().pop() ?? null;
    const issues = [...p.issues, ...validatePerson(p.values, rules, last)];
    const cells = p.cells as unknown as Record<string, string>;
    return { key: `${a.sheet}!${p.row}`, sheet: a.sheet, row: p.row, values: p.values, issues, cells, eligible: eligibleByAge(p.values, rules) };
  });
}

/** Assembles the preview from a parse (used at first read and after each remap). */
export async function assemblePreview(ctx: ServiceContext, id: string, parsed: ParsedFile, campaignId: number): Promise<ImportPreview> {
  const rules = await campaignRules(ctx, campaignId);
  const unit = await guessUnit(ctx, parsed.fileName, parsed.sheets);
  const dup = await ctx.db
    .selectFrom('import_batches')
    .select(['id', 'created_at', 'row_count'])
    .where('campaign_id', '=', campaignId)
    .where('file_hash', '=', parsed.fileHash)
    .where('status', '=', 'committed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const recorded = recordedDonations(ctx, parsed.sheets);
  const rows = parsed.sheets.flatMap((a) => (a.skipped ? [] : toRows(a, rules, recorded)));
  let errors = 0, warnings = 0, rowsWithIssues = 0;
  for (const r of rows) {
    for (const i of r.issues) i.severity === 'error' ? errors++ : i.severity === 'warning' ? warnings++ : 0;
    if (r.issues.some((i) => i.severity !== 'info')) rowsWithIssues++;
  }
  return {
    id,
    fileName: parsed.fileName,
    fileHash: parsed.fileHash,
    kind: parsed.kind,
    campaignId,
    unit,
    duplicateOf: dup ? { batchId: dup.id, createdAt: dup.created_at, rowCount: dup.row_count } : null,
    sheets: parsed.sheets.map((a) => ({
      sheet: a.sheet,
      hidden: a.hidden,
      skipped: a.skipped,
      headerRows: a.headerRows,
      headers: a.headers.map((h) => h ?? ''),
      mapping: Object.fromEntries(Object.entries(a.mapping).map(([c, f]) => [String(c), f])),
      titleRows: a.titleRows,
      ignored: a.ignored,
      samples: a.skipped ? {} : sheetSamples(parsed, a),
      personCount: a.people.length,
    })),
    rows,
    counts: { rows: rows.length, errors, warnings, rowsWithIssues },
  };
}

/** Reads and analyses one file, applying remembered mappings, and keeps it for commit. */
export async function buildPreview(
  ctx: ServiceContext,
  args: { fileName: string; data: Buffer; campaignId: number; onSheet?: (i: number, n: number, row?: number) => Promise<void> },
): Promise<{ preview: ImportPreview; parsed: ParsedFile }> {
  const rules = await campaignRules(ctx, args.campaignId);
  const refYear = Number((rules.donationDate ?? ctx.now().toISOString()).slice(0, 4));
  let parsed = await parseFile(args.fileName, args.data, { refYear, onSheet: args.onSheet });
  const remembered: Record<string, ColumnMapping> = {};
  for (const a of parsed.sheets) {
    if (a.skipped || !a.signature) continue;
    const m = await findRememberedMapping(ctx, a.signature, null);
    if (m && JSON.stringify(m) !== JSON.stringify(a.mapping)) remembered[a.sheet] = m;
  }
  if (Object.keys(remembered).length) parsed = { ...parsed, sheets: analyzeGrids(args.fileName, parsed.grids, refYear, remembered) };
  const id = newPreviewId();
  const preview = await assemblePreview(ctx, id, parsed, args.campaignId);
  putPreview({ preview, data: args.data, mappings: remembered, createdAt: Date.now(), parsed });
  return { preview, parsed };
}
