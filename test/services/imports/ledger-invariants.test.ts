/**
 * Property-based: lists generated in every layout the importer knows, with people named partly like
 * header and footer words and random title/blank/section/repeated-header/footer rows. For every file,
 * every non-empty row is in the row ledger exactly once, and every generated person comes in, right.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFile } from '../../../electron/services/imports/parse-file';
import { LAYOUTS, buildList, listArb, type GeneratedList } from '../../fixtures/imports/generate-lists';
import type { SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';

function checkLedger(list: GeneratedList, sheets: SheetAnalysis[]): void {
  const a = sheets.find((s) => s.sheet === list.sheet)!;
  expect(a, `sheet ${list.sheet}`).toBeDefined();
  const byRow = new Map<number, typeof a.ledger>();
  for (const e of a.ledger) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  // Exactly once: one entry per row, or one person entry per part.
  for (const [row, entries] of byRow) {
    if (entries.length > 1) {
      expect(entries.every((e) => e.kind === 'person'), `row ${row}: ${JSON.stringify(entries)}`).toBe(true);
      expect(new Set(entries.map((e) => e.part)).size).toBe(entries.length);
    }
  }
  const nonBlank = [...byRow.entries()].filter(([, es]) => es[0].kind !== 'blank').map(([r]) => r).sort((x, y) => x - y);
  expect(nonBlank).toEqual(list.nonEmptyRows);
  // persons + ignored + errors = every non-empty row (no row counted twice, none left out).
  const persons = a.ledger.filter((e) => e.kind === 'person');
  const ignored = a.ledger.filter((e) => e.kind !== 'person' && e.kind !== 'blank');
  expect(new Set(persons.map((e) => e.row)).size + ignored.length).toBe(list.nonEmptyRows.length);
  // No generated person is ignored, none is made up, and every field reads right.
  const key = (row: number, part?: number) => `${row}#${part ?? 1}`;
  expect(persons.map((e) => key(e.row, e.part)).sort()).toEqual(list.people.map((p) => key(p.row, p.part)).sort());
  expect(a.people.map((p) => ({ row: p.row, ...(p.part ? { part: p.part } : {}), full_name: p.values.full_name, gender: p.values.gender, birth_date: p.values.birth_date, national_id: p.values.national_id, phone: p.values.phone })))
    .toEqual(list.people);
}

describe('row ledger invariants on generated lists', () => {
  for (const layout of LAYOUTS) {
    it(`layout ${layout}: every non-empty row once, every person in`, async () => {
      await fc.assert(
        fc.asyncProperty(listArb(layout), async (spec) => {
          const list = await buildList(spec);
          const parsed = await parseFile(list.name, list.data, { refYear: 2026 });
          checkLedger(list, parsed.sheets);
        }),
        { numRuns: Number(process.env.LEDGER_RUNS ?? 30), ...(process.env.LEDGER_SEED ? { seed: Number(process.env.LEDGER_SEED) } : {}) },
      );
    }, 60_000);
  }
});
