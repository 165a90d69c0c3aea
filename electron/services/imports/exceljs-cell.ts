/** One exceljs cell as a grid cell: legacy fonts decoded, dates as ISO. Shared by the whole-workbook and the streaming reader. */
import ExcelJS from 'exceljs';
import { decodeLegacyText } from '../../../shared/domain/import/legacy-encoding';
import type { GridCell } from '../../../shared/domain/import/types';

const DAY = 86_400_000;

function dateIso(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return new Date(Math.round(t / DAY) * DAY).toISOString().slice(0, 10);
}

export function toGridCell(cell: ExcelJS.Cell): GridCell | undefined {
  const v = cell.value as unknown;
  // A merged cell's copies carry no font of their own: the master's decides the encoding.
  const font = (cell.type === ExcelJS.ValueType.Merge ? cell.master : cell).font?.name;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { v: decodeLegacyText(v, font) };
  if (typeof v === 'number' || typeof v === 'boolean') return { v };
  if (v instanceof Date) {
    const iso = dateIso(v);
    return iso ? { v: iso, date: iso } : { v: null };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return { v: (o.richText as { text: string; font?: { name?: string } }[]).map((r) => decodeLegacyText(r.text ?? '', r.font?.name ?? font)).join('') };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result as unknown;
      if (r === undefined || r === null) return { v: null, formulaNoValue: true };
      if (r instanceof Date) { const iso = dateIso(r); return { v: iso, date: iso ?? undefined }; }
      if (typeof r === 'object') return { v: null };
      return typeof r === 'string' ? { v: decodeLegacyText(r, font) } : { v: r as number | boolean };
    }
    if ('text' in o) return { v: decodeLegacyText(String(o.text), font) };
    if ('error' in o) return { v: null };
  }
  return { v: String(v) };
}

