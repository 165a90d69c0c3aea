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
  const width = Math.max(a.headers.length, ...a.people.slice(0, 20).map((p) => grid?.rows[p.row - 1]?.length ?? 0));
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

function toRows(a: SheetAnalysis, rules: CampaignRules): PreviewRow[] {
  return a.people.map((p) => {
    const issues = [...p.issues, ...validatePerson(p.values, rules)];
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
  const rows = parsed.sheets.flatMap((a) => (a.skipped ? [] : toRows(a, rules)));
  let errors = 0, warnings = 0;
  for (const r of rows) for (const i of r.issues) i.severity === 'error' ? errors++ : i.severity === 'warning' ? warnings++ : 0;
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
    counts: { rows: rows.length, errors, warnings },
  };
}

/** Reads and analyses one file, applying remembered mappings, and keeps it for commit. */
export async function buildPreview(
  ctx: ServiceContext,
  args: { fileName: string; data: Buffer; campaignId: number; onSheet?: (i: number, n: number) => Promise<void> },
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
