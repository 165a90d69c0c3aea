/**
 * The linear XML scanner the lean .xlsx reader is built on (electron/services/imports/xml-scan.ts).
 * Property-based: documents generated from a model (tags with attributes whose values hold quotes,
 * '>' and entities, text with entities and CDATA, comments, declarations) scan back to the model,
 * including the fast paths (numbers read from the bytes, "</v></c>" stepped over). Size: hostile
 * shapes at 4 MB are scanned in linear time (a quadratic scan would take minutes).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLOSE, EOF, OPEN, XmlScanner } from '../../../electron/services/imports/xml-scan';
import { readXlsxFast } from '../../../electron/services/imports/fast-xlsx';
import { guardZip, storedZip } from '../../../electron/services/imports/zip-guard';
import type { GridCell } from '../../../shared/domain/import/types';
import { decodeLegacyText } from '../../../shared/domain/import/legacy-encoding';

type Node =
  | { t: 'open'; name: string; prefix: string; attrs: [string, string, '"' | "'"][]; self: boolean; text: string; cdata: string }
  | { t: 'close'; name: string; prefix: string }
  | { t: 'comment'; body: string }
  | { t: 'pi' };

const esc = (s: string, quote?: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');

const nameArb = fc.constantFrom('c', 'v', 'row', 'is', 't', 'f', 'r', 'si', 'sheetData', 'mergeCell', 'x', 'ab');
const textArb = fc.string({ unit: fc.constantFrom('a', 'ễ', ' ', '1', '9', '>', '&', '"', "'", ']', '-', 'Đ', '\n'), maxLength: 12 });
const nodeArb: fc.Arbitrary<Node> = fc.oneof(
  fc.record({
    t: fc.constant('open' as const),
    name: nameArb,
    prefix: fc.constantFrom('', 'x:'),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'ref', 'val', 'r:id'), textArb, fc.constantFrom('"' as const, "'" as const)), { selector: (a) => a[0], maxLength: 4 }),
    self: fc.boolean(),
    text: fc.oneof(textArb, fc.nat({ max: 10 ** 15 - 1 }).map(String)),
    cdata: fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom('a', '<', '>', '&', '1'), maxLength: 6 })),
  }),
  fc.record({ t: fc.constant('close' as const), name: nameArb, prefix: fc.constantFrom('', 'x:') }),
  fc.record({ t: fc.constant('comment' as const), body: fc.string({ unit: fc.constantFrom('a', '<', '>', '-', ' '), maxLength: 6 }).filter((b) => !b.includes('--') && !b.endsWith('-')) }),
  fc.constant({ t: 'pi' as const }),
);

function serialize(nodes: Node[]): string {
  return nodes.map((n) => {
    if (n.t === 'comment') return `<!--${n.body}-->`;
    if (n.t === 'pi') return '<?xml version="1.0"?>';
    if (n.t === 'close') return `</${n.prefix}${n.name}>`;
    const attrs = n.attrs.map(([k, v, q]) => ` ${k}=${q}${esc(v, q)}${q}`).join('');
    if (n.self) return `<${n.prefix}${n.name}${attrs}/>`;
    return `<${n.prefix}${n.name}${attrs}>${esc(n.text)}${n.cdata ? `<![CDATA[${n.cdata}]]>` : ''}`;
  }).join('');
}

describe('XmlScanner', () => {
  it('scans generated documents back to their tags, attributes and texts', () => {
    fc.assert(fc.property(fc.array(nodeArb, { maxLength: 25 }), fc.boolean(), (nodes, useInt) => {
      const s = new XmlScanner(Buffer.from(serialize(nodes), 'utf8'), 'thử.xlsx');
      for (const n of nodes) {
        if (n.t === 'comment' || n.t === 'pi') continue;
        expect(s.next()).toBe(n.t === 'open' ? OPEN : CLOSE);
        expect(s.name).toBe(n.name);
        if (n.t === 'close') continue;
        expect(s.selfClosing).toBe(n.self);
        for (const [k, v] of n.attrs) expect(s.attr(k)).toBe(v);
        expect(s.attr('absent')).toBeNull();
        if (n.self) { expect(s.text()).toBe(''); continue; }
        const whole = n.text + n.cdata;
        // The number fast path reads plain digits only, and leaves anything else to text().
        const k = useInt ? s.textInt() : -1;
        if (k >= 0) {
          expect(/^\d{1,15}$/.test(n.text) && !n.cdata).toBe(true);
          expect(k).toBe(Number(n.text));
        } else {
          expect(s.text()).toBe(whole);
        }
      }
      expect(s.next()).toBe(EOF);
    }), { numRuns: 400 });
  });

  it('reads whole numbers from the bytes exactly as Number() reads their text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '7', '9', '.', '-', 'e', ' '), maxLength: 18 }), (t) => {
      const s = new XmlScanner(Buffer.from(`<v>${t}</v>`), 'thử.xlsx');
      s.next();
      const k = s.textInt();
      if (k >= 0) expect(k).toBe(Number(t));
      else expect(s.text()).toBe(t);
      expect(s.next()).toBe(CLOSE);
    }), { numRuns: 500 });
  });

  it('steps over "</v></c>" only when it is exactly that', () => {
    for (const [tail, steps] of [['</v></c><c>', true], ['</v> </c>', false], ['</x:v></x:c>', false], ['</v></c', false], ['</v></row>', false]] as const) {
      const s = new XmlScanner(Buffer.from(`<v>5${tail}`), 'thử.xlsx');
      s.next();
      expect(s.textInt()).toBe(5);
      expect(s.skipValueCellEnd()).toBe(steps);
      expect(s.next()).toBe(steps ? OPEN : CLOSE); // stepped over: the next cell; else the </v> as usual
    }
  });
});

describe('the lean reader on generated sheets', () => {
  /** A sheet written by hand: numbers, shared strings and inline strings, with the fast paths' usual and unusual shapes. */
  it('reads each cell as written, whatever the spelling of its value', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.oneof(
        fc.nat({ max: 10 ** 15 }).map((n) => ({ kind: 'n' as const, n })),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => ({ kind: 'n' as const, n: n === 0 ? 0 : n })),
        fc.nat({ max: 3 }).map((i) => ({ kind: 's' as const, i })),
        textArb.map((text) => ({ kind: 'inline' as const, text })),
      ), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      async (rows, spaced) => {
        const strings = ['Nguyễn Văn An', 'Nam', '0912 345 678', 'Khối 3 & 4'];
        const sep = spaced ? '\n  ' : '';
        const sheet = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, k) => {
          const ref = `${String.fromCharCode(65 + k)}${r + 1}`;
          if (c.kind === 'n') return `<c r="${ref}"><v>${c.n}</v>${sep}</c>`;
          if (c.kind === 's') return `<c r="${ref}" t="s"><v>${c.i}</v>${sep}</c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`;
        }).join('')}</row>`).join('');
        const parts = new Map<string, Buffer>([
          ['[Content_Types].xml', Buffer.from('<Types/>')],
          ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>')],
          ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')],
          ['xl/sharedStrings.xml', Buffer.from(`<sst>${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`)],
          ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`)],
        ]);
        const buf = storedZip(parts);
        const [grid] = (await readXlsxFast('thử.xlsx', buf, guardZip('thử.xlsx', buf)))!;
        rows.forEach((cells, r) => cells.forEach((c, k) => {
          const want: GridCell = c.kind === 'n' ? { v: c.n } : c.kind === 's' ? { v: strings[c.i] } : { v: c.text.normalize('NFC') };
          expect(grid.rows[r]?.[k], `row ${r + 1} col ${k + 1}`).toEqual(want);
        }));
      },
    ), { numRuns: 150 });
  });
});

describe('the lean reader on odd value cells', () => {
  it('joins a cell\'s two <v> as text, leading zeros kept; spaces before </c> change nothing', async () => {
    const sheet = '<row r="1"><c r="A1"><v>007</v><v>x</v></c><c r="B1" t="s"><v>0</v><v>0</v></c><c r="C1"><v>1</v>  <v>2</v></c><c r="D1"><v>5</v>\n</c><c r="E1"><v>0012</v></c></row>';
    const parts = new Map<string, Buffer>([
      ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>')],
      ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')],
      ['xl/sharedStrings.xml', Buffer.from('<sst><si><t>a</t></si></sst>')],
      ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`)],
    ]);
    const buf = storedZip(parts);
    const [grid] = (await readXlsxFast('thử.xlsx', buf, guardZip('thử.xlsx', buf)))!;
    expect(grid.rows[0]).toEqual([{ v: '007x' }, { v: 'a' }, { v: 12 }, { v: 5 }, { v: 12 }]);
  });
});

describe('the lean reader shares one decoding of a shared string per legacy encoding', () => {
  it('the same shared string reads per the font of each cell (VNI, TCVN3, plain), and every cell stays frozen', async () => {
    const styles = '<styleSheet><fonts count="4"><font><name val="Times New Roman"/></font><font><name val="VNI-Times"/></font><font><name val=".VnTime"/></font><font><name val="Arial"/></font></fonts>'
      + '<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="0" fontId="2"/><xf numFmtId="0" fontId="3"/></cellXfs></styleSheet>';
    // String 0 in VNI, TCVN3 and VNI again; string 1 in TCVN3 and a plain font.
    const sheet = '<row r="1"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" t="s" s="2"><v>0</v></c><c r="C1" t="s" s="1"><v>0</v></c><c r="D1" t="s" s="2"><v>1</v></c><c r="E1" t="s" s="3"><v>1</v></c></row>';
    const parts = new Map<string, Buffer>([
      ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>')],
      ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')],
      ['xl/styles.xml', Buffer.from(styles)],
      ['xl/sharedStrings.xml', Buffer.from('<sst><si><t>Nguyeãn Vaên An</t></si><si><t>NguyÔn</t></si></sst>', 'utf8')],
      ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`)],
    ]);
    const buf = storedZip(parts);
    const [grid] = (await readXlsxFast('thử.xlsx', buf, guardZip('thử.xlsx', buf)))!;
    const row = grid.rows[0]!;
    const vni = decodeLegacyText('Nguyeãn Vaên An', 'VNI-Times');
    const tcvn = decodeLegacyText('NguyÔn', '.VnTime');
    expect(vni).toBe('Nguyễn Văn An');
    expect(tcvn).toBe('Nguyễn');
    expect(row.map((c) => c?.v)).toEqual([vni, decodeLegacyText('Nguyeãn Vaên An', '.VnTime'), vni, tcvn, decodeLegacyText('NguyÔn', 'Arial')]);
    expect(row[1]?.v).not.toBe(vni);
    expect(row[4]?.v).not.toBe(tcvn);
    expect(row.every((c) => c && Object.isFrozen(c))).toBe(true);
  });
});

describe('hostile shapes are scanned in linear time', () => {
  const MB = 1024 * 1024;
  const shapes: [string, (n: number) => string][] = [
    ['start tags never closed', (n) => '<c r="A1">'.repeat(n / 10)],
    ['only "<"', (n) => '<'.repeat(n)],
    ['an attribute quote never closed, tag after tag', (n) => '<c r="A1 '.repeat(n / 9)],
    ['comments never closed', (n) => '<!--'.repeat(n / 4)],
    ['CDATA never closed inside values', (n) => '<v><![CDATA[1'.repeat(n / 13)],
    ['digits without end', (n) => '<v>' + '1'.repeat(n - 3)],
    ['value cells cut short', (n) => '<c><v>1</v></'.repeat(n / 14)],
  ];
  for (const [what, make] of shapes) {
    it(what, () => {
      const buf = Buffer.from(make(4 * MB), 'latin1');
      const t = performance.now();
      const s = new XmlScanner(buf, 'thử.xlsx');
      let tags = 0;
      try {
        while (s.next() !== EOF) {
          tags++;
          if (s.kind === OPEN) { s.attr('r'); if (s.textInt() < 0) s.text(); s.skipValueCellEnd(); }
        }
      } catch (e) {
        expect((e as { code?: string }).code).toBe('BAD_XLSX'); // a tag longer than any real one: refused
      }
      // Linear: a few hundred milliseconds here; quadratic would be minutes. Generous for a loaded machine.
      expect(performance.now() - t, `${tags} tags`).toBeLessThan(15_000);
    }, 60_000);
  }
});
