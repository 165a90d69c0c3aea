import type { ServiceContext } from '../context';
import type { Writer } from '../../db/data';
import type { QuotaEntry, QuotaImportResult, UnitResolution, UnitSuggestion } from '../../../shared/ipc/channels/quotas';
import { AppError } from '../../../shared/errors/app-error';
import { guessUnitKind, type UnitKind } from '../../../shared/domain/unit-kinds';
import { expandUnitName, rankUnitMatches } from '../../../shared/domain/units/unit-names';
import { loadXlsx } from '../spreadsheet/load-xlsx';
import { getCampaign } from '../campaigns/campaigns';
import { addAliasIn, insertUnit, unitNameIndex } from '../units/units';
import { quotaTableIn, writeQuotas } from './quotas';
import { ledgerCounts, lineEntries, readUnitTable, type UnitTable } from './read-unit-table';

/** A suggestion is taken as the existing unit from this score on; below it a new unit is proposed. */
export const MATCH_THRESHOLD = 0.75;

type IndexedUnit = { id: number; name: string; kind: string; names: string[] };

/** The best existing unit for a table's name, or a new unit named in full ("CATP" → "Công an thành phố"). */
export function suggestUnit(name: string, units: readonly IndexedUnit[]): UnitSuggestion & { exact: boolean } {
  const ranked = rankUnitMatches(name, units);
  const best = ranked[0];
  // Two units equally good (e.g. both written "Hoàng Văn Thụ") is no answer.
  const clear = best && (ranked.length < 2 || ranked[1].score < best.score);
  const newName = expandUnitName(name);
  return {
    unitId: best && clear && best.score >= MATCH_THRESHOLD ? best.unit.id : null,
    unitName: best && clear && best.score >= MATCH_THRESHOLD ? best.unit.name : null,
    score: best ? best.score : null,
    newName,
    newKind: guessUnitKind(newName),
    exact: !!best && clear && best.score === 1,
  };
}

/** Reads the first sheet that has a unit table; errors name the file and the sheets looked at. */
export async function readTableFromFile(fileName: string, data: Buffer, opts: Parameters<typeof readUnitTable>[2]): Promise<UnitTable> {
  const wb = await loadXlsx(fileName, data);
  const sheets = wb.worksheets.filter((w) => w.state === 'visible' && w.actualRowCount > 0);
  if (!sheets.length) throw new AppError('EMPTY', `Tệp "${fileName}" không có trang tính nào chứa dữ liệu.`);
  let firstError: string | null = null;
  for (const ws of sheets) {
    const t = readUnitTable(ws, fileName, opts);
    if (!('error' in t)) return t;
    firstError ??= t.error;
  }
  throw new AppError(opts.figures ? 'NO_COLUMNS' : 'NO_HEADER', firstError!);
}

/**
 * Reads an allocation table ("Biểu phân bổ chỉ tiêu"): a unit column plus columns for registrants,
 * blood units and/or months ("Tháng 5"), possibly under a two-row merged header, with =SUM formulas
 * whether or not Excel saved their values. Header, total, blank and section rows are accounted for
 * in the ledger and never become units; the figures are checked against the table's own total row.
 *
 * Names are matched to units by key (accents, case and abbreviations folded; aliases included).
 * A name that is not exactly a known unit is returned with a suggestion (the best existing unit or
 * "tạo đơn vị mới"); `createUnits` takes every suggestion, `resolutions` answers row by row, and the
 * name is then remembered as an alias of the unit. The campaign's table is replaced by the file's.
 */
export async function importQuotasFromExcel(
  ctx: ServiceContext,
  campaignId: number,
  fileName: string,
  data: Buffer,
  opts: { createUnits?: boolean; resolutions?: UnitResolution[] } = {},
): Promise<QuotaImportResult> {
  await getCampaign(ctx, campaignId);
  const table = await readTableFromFile(fileName, data, { figures: true });
  const byRow = new Map((opts.resolutions ?? []).map((r) => [r.row, r]));
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => {
    const units = unitNameIndex(w);
    const cells = new Map<string, QuotaEntry>();
    const unknown: QuotaImportResult['unknown'] = [];
    const matched: QuotaImportResult['matched'] = [];
    const createdUnits: QuotaImportResult['createdUnits'] = [];
    const ledger = table.ledger.map((l) => ({ ...l }));
    const fileTotals = { registrants: 0, bloodUnits: 0 };
    for (const line of table.lines) {
      const entries = lineEntries(table, line);
      for (const e of entries) {
        fileTotals.registrants += e.registrants ?? 0;
        fileTotals.bloodUnits += e.bloodUnits ?? 0;
      }
      const s = suggestUnit(line.name, units);
      const answer = byRow.get(line.row);
      let unitId: number | null = null;
      if (answer) {
        if (answer.unitId !== null) {
          unitId = units.find((u) => u.id === answer.unitId)?.id ?? null;
          if (unitId === null) throw new AppError('UNIT_NOT_FOUND', `Dòng ${line.row} ("${line.name}"): đơn vị đã chọn không còn tồn tại. Hãy chọn lại.`);
        } else if (answer.newName) {
          unitId = newUnit(w, now, units, createdUnits, line.row, line.name, answer.newName, answer.newKind ?? guessUnitKind(answer.newName));
        }
      } else if (s.exact) {
        unitId = s.unitId;
      } else if (opts.createUnits) {
        unitId = s.unitId ?? newUnit(w, now, units, createdUnits, line.row, line.name, s.newName, s.newKind);
      }
      const ledgerRow = ledger.find((l) => l.row === line.row)!;
      if (unitId === null) {
        if (answer) {
          ledgerRow.reason = 'Bỏ qua theo lựa chọn của người dùng';
          continue;
        }
        const { exact: _e, ...suggestion } = s;
        unknown.push({ row: line.row, name: line.name, suggestion });
        ledgerRow.reason = s.unitName ? `Chưa rõ đơn vị: có phải "${s.unitName}"?` : `Chưa có đơn vị này: đề nghị tạo đơn vị mới "${s.newName}"`;
        continue;
      }
      const unit = units.find((u) => u.id === unitId)!;
      if (!s.exact && !createdUnits.some((c) => c.unitId === unitId && c.row === line.row)) {
        matched.push({ row: line.row, name: line.name, unitId, unitName: unit.name });
        addAliasIn(w, unitId, line.name, now);
        unit.names.push(line.name);
      }
      for (const e of entries) {
        const key = `${unitId}:${e.month}`;
        const cur = cells.get(key) ?? { unitId, month: e.month, registrants: null, bloodUnits: null };
        if (e.registrants !== null) cur.registrants = (cur.registrants ?? 0) + e.registrants;
        if (e.bloodUnits !== null) cur.bloodUnits = (cur.bloodUnits ?? 0) + e.bloodUnits;
        cells.set(key, cur);
      }
    }
    const warnings = [...table.warnings];
    const st = table.statedTotals;
    if (st.registrants !== null && st.registrants !== fileTotals.registrants && !warnings.some((w) => w.includes('cộng các dòng'))) {
      warnings.push(`Tổng số người đăng ký của bảng (${st.registrants.toLocaleString('vi-VN')}) khác tổng các dòng đơn vị (${fileTotals.registrants.toLocaleString('vi-VN')}).`);
    }
    if (st.bloodUnits !== null && st.bloodUnits !== fileTotals.bloodUnits && !warnings.some((w) => w.includes('cộng các dòng'))) {
      warnings.push(`Tổng số đơn vị máu của bảng (${st.bloodUnits.toLocaleString('vi-VN')}) khác tổng các dòng đơn vị (${fileTotals.bloodUnits.toLocaleString('vi-VN')}).`);
    }
    // A file none of whose names is known yet (a new database, or the wrong file) leaves the campaign's
    // table as it was until the clerk answers: replacing it by nothing would lose the quotas.
    const saved = cells.size === 0 && unknown.length > 0 ? quotaTableIn(w, campaignId) : writeQuotas(w, { campaignId, entries: [...cells.values()], replace: true });
    return {
      imported: cells.size,
      unknown,
      matched,
      createdUnits,
      warnings,
      ledger,
      counts: ledgerCounts(ledger),
      sheet: table.sheet,
      fileTotals,
      statedTotals: st,
      table: saved,
    };
  });
}

function newUnit(
  w: Writer,
  now: string,
  units: IndexedUnit[],
  created: QuotaImportResult['createdUnits'],
  row: number,
  written: string,
  name: string,
  kind: UnitKind,
): number {
  // Two rows naming the same new unit make one unit.
  const again = created.find((c) => c.unitName === name);
  if (again) return again.unitId;
  const u = insertUnit(w, { name, kind, aliases: written !== name ? [written] : [] }, now);
  units.push({ id: u.id, name: u.name, kind: u.kind, names: [u.name, ...u.aliases] });
  created.push({ row, name: written, unitId: u.id, unitName: u.name, kind: u.kind });
  return u.id;
}
