/** File bytes → a preview the clerk can check: every row with its values and issues, the mapping, the unit. */
import type { ServiceContext } from '../context';
import type { Reader } from '../../db/data';
import { q, sql } from '../../db/query';
import { campaignById } from '../campaigns/campaigns';
import type { ImportPreview, LedgerEntryOut, PreviewRow } from '../../../shared/ipc/channels/imports';
import type { ColumnMapping, LedgerEntry } from '../../../shared/domain/import/types';
import type { SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';
import { cellText } from '../../../shared/domain/import/cells';
import { eligibleByAge, validatePerson, type CampaignRules } from '../../../shared/domain/import/validate-row';
import { analyzeGrids, parseFile, type ParsedFile } from './parse-file';
import { guessUnit } from './guess-unit';
import { findRememberedMapping } from './remembered-mappings';
import { sheetRecord } from './safe-text';
import { newPreviewId, putPreview } from './preview-store';

export async function campaignRules(ctx: ServiceContext, campaignId: number): Promise<CampaignRules> {
  const c = campaignById(ctx.data.read, campaignId);
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
  // Sample rows: the people, or (columns still to be mapped) every row under the header.
  const from = a.headerRows.length ? a.headerRows[a.headerRows.length - 1] : 0;
  const sampleRows = a.people.length ? a.people.map((p) => p.row) : Array.from({ length: Math.max(0, Math.min(grid?.rows.length ?? 0, from + 40) - from) }, (_, i) => from + i + 1);
  for (const r of sampleRows.slice(0, 40)) width = Math.max(width, grid?.rows[r - 1]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const vals: string[] = [];
    for (const r of sampleRows) {
      const t = cellText(grid?.rows[r - 1]?.[c]);
      if (t) vals.push(t.length > 40 ? t.slice(0, 40) + '…' : t);
      if (vals.length >= 3) break;
    }
    out[String(c)] = vals;
  }
  return out;
}

/** Latest donation already recorded for each national ID, to check the 12-week interval. */
function recordedDonations(r: Reader, sheets: SheetAnalysis[]): Map<string, string> {
  const out = new Map<string, string>();
  const any = r.value(sql<{ one: number }>`SELECT 1 AS one FROM donations WHERE outcome = 'donated' LIMIT 1`);
  if (any === undefined) return out;
  const ids = [...new Set(sheets.flatMap((a) => a.people.map((p) => p.values.national_id).filter((x): x is string => !!x)))];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = r.all(
      sql<{ id: string; last: string }>`SELECT p.national_id AS id, MAX(d.donated_on) AS last FROM donations d JOIN people p ON p.id = d.person_id WHERE d.outcome = 'donated' AND p.national_id IN (${sql.join(chunk)}) GROUP BY p.national_id`,
    );
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
    return {
      key: previewRowKey(a.sheet, p.row, p.part), sheet: a.sheet, row: p.row, ...(p.part ? { part: p.part } : {}), ...(p.restored ? { restored: true } : {}),
      values: p.values, issues, cells, eligible: eligibleByAge(p.values, rules),
    };
  });
}

/** "Sheet1!12", or "Sheet1!12#2" for the second person printed on row 12. */
export function previewRowKey(sheet: string, row: number, part?: number): string {
  return part ? `${sheet}!${row}#${part}` : `${sheet}!${row}`;
}

export interface FileLedger {
  counts: Record<string, number>;
  sheets: { sheet: string; counts: Record<string, number>; entries: LedgerEntry[] }[];
  warnings: { sheet: string; row: number; message: string }[];
}

/**
 * The row ledger of a file: every source row of every sheet exactly once; a person row whose values
 * have an error is counted as an error (with its column), the others as people.
 */
export function fileLedger(sheets: SheetAnalysis[], rows: PreviewRow[]): FileLedger {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const counts: Record<string, number> = {};
  const out: FileLedger = { counts, sheets: [], warnings: [] };
  for (const a of sheets) {
    const sc: Record<string, number> = {};
    const entries: LedgerEntry[] = [];
    for (const e of a.ledger) {
      let entry = e;
      if (e.kind === 'person') {
        const err = byKey.get(previewRowKey(a.sheet, e.row, e.part))?.issues.find((i) => i.severity === 'error');
        if (err) entry = { ...e, kind: 'error', reason: err.message, ...(err.col !== undefined ? { col: err.col } : {}) };
      }
      sc[entry.kind] = (sc[entry.kind] ?? 0) + 1;
      counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
      entries.push(entry);
      if (entry.warning) out.warnings.push({ sheet: a.sheet, row: entry.row, message: entry.warning });
    }
    out.sheets.push({ sheet: a.sheet, counts: sc, entries });
  }
  return out;
}

/** Assembles the preview from a parse (used at first read and after each remap). */
export async function assemblePreview(ctx: ServiceContext, id: string, parsed: ParsedFile, campaignId: number): Promise<ImportPreview> {
  const rules = await campaignRules(ctx, campaignId);
  const unit = await guessUnit(ctx, parsed.fileName, parsed.sheets);
  const dup = ctx.data.read.get(
    q
      .selectFrom('import_batches')
      .select(['id', 'created_at', 'row_count'])
      .where('campaign_id', '=', campaignId)
      .where('file_hash', '=', parsed.fileHash)
      .where('status', '=', 'committed')
      .orderBy('id', 'desc'),
  );
  const recorded = recordedDonations(ctx.data.read, parsed.sheets);
  const rows = parsed.sheets.flatMap((a) => (a.skipped ? [] : toRows(a, rules, recorded)));
  let errors = 0, warnings = 0, rowsWithIssues = 0;
  for (const r of rows) {
    for (const i of r.issues) {
      if (i.severity === 'error') errors++;
      else if (i.severity === 'warning') warnings++;
    }
    if (r.issues.some((i) => i.severity !== 'info')) rowsWithIssues++;
  }
  const ledger = fileLedger(parsed.sheets, rows);
  warnings += ledger.warnings.length;
  return {
    id,
    fileName: parsed.fileName,
    fileHash: parsed.fileHash,
    kind: parsed.kind,
    campaignId,
    unit,
    duplicateOf: dup ? { batchId: dup.id, createdAt: dup.created_at, rowCount: dup.row_count } : null,
    sheets: parsed.sheets.map((a, i) => ({
      sheet: a.sheet,
      hidden: a.hidden,
      skipped: a.skipped,
      headerRows: a.headerRows,
      headers: a.headers.map((h) => h ?? ''),
      mapping: Object.fromEntries(Object.entries(a.mapping).map(([c, f]) => [String(c), f])),
      titleRows: a.titleRows,
      ignored: a.ignored,
      samples: a.skipped && !a.needsMapping ? {} : sheetSamples(parsed, a),
      personCount: a.people.length,
      ...(a.needsMapping ? { needsMapping: true } : {}),
      ...(a.blocks > 1 ? { blocks: a.blocks } : {}),
      ledger: { counts: ledger.sheets[i].counts, entries: ledger.sheets[i].entries.filter((e) => e.kind !== 'person') as LedgerEntryOut[] },
    })),
    rows,
    counts: { rows: rows.length, errors, warnings, rowsWithIssues },
    ledgerCounts: ledger.counts,
    ledgerWarnings: ledger.warnings,
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
  const remembered = sheetRecord<ColumnMapping>();
  const guessed = await guessUnit(ctx, parsed.fileName, parsed.sheets);
  for (const a of parsed.sheets) {
    if ((a.skipped && !a.needsMapping) || !a.signature) continue;
    // The mapping the clerk chose for this header, for this unit first.
    const m = findRememberedMapping(ctx.data.read, a.signature, guessed.unitId);
    if (m && JSON.stringify(m) !== JSON.stringify(a.mapping)) remembered[a.sheet] = m;
  }
  if (Object.keys(remembered).length) parsed = { ...parsed, sheets: analyzeGrids(args.fileName, parsed.grids, refYear, remembered) };
  const id = newPreviewId();
  const preview = await assemblePreview(ctx, id, parsed, args.campaignId);
  putPreview({ preview, data: args.data, mappings: remembered, createdAt: Date.now(), parsed });
  return { preview, parsed };
}
