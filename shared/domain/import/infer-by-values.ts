/** Maps columns the header did not name by what their values look like (phones, IDs, dates, blood groups). */
import { cellText } from './cells';
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
  ['birth', (v, date) => !!date || (typeof v === 'string' && /\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}/.test(v) && !!normalizeBirthDate(v).value)],
];

export function inferByValues(sheet: SheetGrid, mapping: ColumnMapping, start: number, width: number): void {
  const present = new Set(Object.values(mapping));
  const end = Math.min(sheet.rows.length, start - 1 + 60);
  for (let c = 0; c < width; c++) {
    if (mapping[c]) continue;
    const vals: { v: string | number | boolean | null; date?: string }[] = [];
    for (let r = start - 1; r < end; r++) {
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
