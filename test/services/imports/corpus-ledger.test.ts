/**
 * The row ledger on the sample lists: for every file and sheet, every non-empty row is classified
 * exactly once, the people are exactly the truth's data rows, and header, title and footer rows are
 * what the truth says they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../helpers/context';
import { parseFile } from '../../../electron/services/imports/parse-file';
import { cellText } from '../../../shared/domain/import/cells';

const CAMPAIGN_LISTS = path.resolve(CORPUS_DIR, '../campaign-2026/lists');

interface TruthSheet { sheet: string; title_rows: number[]; header_rows: number[]; data_rows: number[]; footer_rows: number[]; ignored_rows: number[] }
interface TruthFile { file: string; sheets: TruthSheet[] }

function sets(dir: string): { dir: string; files: TruthFile[] } | null {
  const truth = path.join(dir, 'truth.json');
  if (!fs.existsSync(truth)) return null;
  return { dir, files: (JSON.parse(fs.readFileSync(truth, 'utf8')) as { files: TruthFile[] }).files };
}

const FOLDERS = [sets(CORPUS_DIR), sets(CAMPAIGN_LISTS)].filter((x): x is NonNullable<typeof x> => !!x);

describe.skipIf(FOLDERS.length === 0)('row ledger on the sample lists', () => {
  for (const folder of FOLDERS) {
    it(`${path.basename(path.dirname(folder.dir)) === 'shared' ? 'corpus' : 'campaign-2026'}: every row accounted for, people = data rows`, async () => {
      for (const tf of folder.files) {
        const file = path.join(folder.dir, tf.file);
        if (!fs.existsSync(file)) continue;
        const parsed = await parseFile(tf.file, fs.readFileSync(file), { refYear: 2026 });
        for (const a of parsed.sheets) {
          const grid = parsed.grids.find((g) => g.name === a.sheet)!;
          const where = `${tf.file} / ${a.sheet}`;
          const nonEmpty = grid.rows.map((r, i) => (r && r.some((c) => cellText(c) !== '') ? i + 1 : 0)).filter(Boolean);
          const entries = a.ledger.filter((e) => e.kind !== 'blank');
          const rows = entries.map((e) => e.row);
          expect(new Set(rows).size, where).toBe(rows.length); // no two people on one row in these files
          expect(rows.sort((x, y) => x - y), where).toEqual(nonEmpty);
          expect(entries.filter((e) => e.warning), where).toEqual([]);
          const t = tf.sheets.find((s) => s.sheet === a.sheet);
          if (!t) continue;
          const kindOf = new Map(a.ledger.map((e) => [e.row, e.kind]));
          expect(a.ledger.filter((e) => e.kind === 'person').map((e) => e.row), where).toEqual(t.data_rows);
          if (t.data_rows.length) expect(t.header_rows.filter((r) => kindOf.get(r) !== 'header'), `${where} header`).toEqual([]);
          expect(t.title_rows.filter((r) => !['title', 'blank', 'sheet_skipped'].includes(kindOf.get(r) ?? 'blank')), `${where} title`).toEqual([]);
          expect(t.footer_rows.filter((r) => !['footer', 'total', 'blank', 'sheet_skipped'].includes(kindOf.get(r) ?? 'blank')), `${where} footer`).toEqual([]);
        }
      }
    }, 120_000);
  }
});
