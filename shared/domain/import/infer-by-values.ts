/** Maps columns the header did not name by what their values look like (phones, IDs, dates, blood groups). */
import { cellText, isFooterText, nonEmptyCols, rowTexts } from './cells';
import { isTotalLabel } from './total-row';
import { normalizeBirthDate } from './dates';
import { normalizeNationalId, normalizePhone } from './ids-phones';
import { looksLikePersonName } from './cells';
import { normalizeBloodGroup, normalizeGender } from './values';
import type { ColumnMapping, FieldKey, SheetGrid } from './types';

const TESTS: [FieldKey, (v: string | number | boolean | null, date?: string) => boolean][] = [
  ['gender', (v) => normalizeGender(v) !== null],
  ['blood_group', (v) => typeof v === 'string' && /^(nhóm\s*)?(a|b|ab|o)\s*(\(?rh\s*[+-]\)?|[+-])?$/i.test(v.trim()) && normalizeBloodGroup(v).value !== null],
  ['phone', (v) => { const p = normalizePhone(v); return !p.problem && !!p.value && /^0[35789]\d{8}$/.test(p.value); }],
  ['national_id', (v) => { const s = String(v ?? '').replace(/\s/g, ''); return /^\d{9,12}$/.test(s) && !normalizeNationalId(v).problem; }],
  ['birth', (v, date) => !!date || (typeof v === 'string' && /\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}/.test(v) && !!normalizeBirthDate(v).value) || isBirthYear(v)],
];

/** A year of birth written alone (1930–2015), as lists with "Năm sinh" hold them. */
function isBirthYear(v: string | number | boolean | null): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1930 && n <= 2015;
}

/**
 * Maps the columns not named yet by their values, over the data rows from `start` (1-based). Rows that
 * repeat a header row (`headerRows`, 1-based: the header printed again on a new page) are left out.
 */
export function inferByValues(sheet: SheetGrid, mapping: ColumnMapping, start: number, width: number, headerRows: number[] = []): void {
  const present = new Set(Object.values(mapping));
  const headerTexts = headerRows.map((h) => rowTexts(sheet.rows[h - 1]));
  // Data rows only: a row with a single text (title, section) says nothing about the columns, and the
  // list ends at its total or footer ("Tổng cộng", the date line, "Người lập biểu").
  const rows: number[] = [];
  for (let r = start - 1; r < sheet.rows.length && rows.length < 60; r++) {
    const texts = rowTexts(sheet.rows[r]);
    const cols = nonEmptyCols(texts);
    if (cols.length <= 1) continue;
    const first = texts[cols[0]];
    if (isFooterText(first) || isTotalLabel(first)) break;
    if (headerTexts.some((h) => cols.filter((c) => h[c] === texts[c]).length >= 2)) continue;
    rows.push(r);
  }
  for (let c = 0; c < width; c++) {
    if (mapping[c]) continue;
    const vals: { v: string | number | boolean | null; date?: string }[] = [];
    for (const r of rows) {
      const cell = sheet.rows[r]?.[c];
      if (cell && cellText(cell) !== '') vals.push({ v: cell.v, date: cell.date });
    }
    if (vals.length < 2) continue;
    for (const [field, test] of TESTS) {
      if (present.has(field)) continue;
      const ok = vals.filter((x) => test(x.v, x.date)).length;
      if (ok >= vals.length * 0.7) {
        mapping[c] = field;
        present.add(field);
        break;
      }
    }
    if (!mapping[c] && !present.has('full_name') && !present.has('name_first')) {
      const names = vals.filter((x) => typeof x.v === 'string' && looksLikePersonName(x.v)).length;
      if (names >= vals.length * 0.7) {
        mapping[c] = 'full_name';
        present.add('full_name');
      }
    }
  }
}
