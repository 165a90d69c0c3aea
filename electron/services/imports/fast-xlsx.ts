/**
 * A lean reader for large .xlsx lists: inflates the parts itself and scans the sheet XML for
 * cells, without building exceljs's workbook model. It reads values, dates (by number format)
 * and fonts (for legacy encodings); anything unusual returns null and the exceljs readers take over.
 */
import zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { decodeLegacyText } from '../../../shared/domain/import/legacy-encoding';
import type { GridCell, GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { IMPORT_LIMITS } from './limits';
import type { ZipEntry } from './zip-guard';
import { checkCellSize, checkColLimit, checkRowLimit } from './cell-checks';
import { entryText, unescapeXml, workbookInfo } from './xlsx-parts';

const DAY = 86_400_000;
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

interface Run { text: string; font: string | null }
type Shared = string | Run[];

function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ? unescapeXml(m[1]) : '';
  return out;
}

function sharedStrings(xml: string | null): Shared[] {
  if (!xml) return [];
  const out: Shared[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    const body = m[1] ?? '';
    if (!body.includes('<r>') && !body.includes('<r ')) { out.push(texts(body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''))); continue; }
    const runs: Run[] = [];
    for (const r of body.matchAll(/<(?:\w+:)?r\b[^>]*>([\s\S]*?)<\/(?:\w+:)?r>/g)) {
      const font = /<(?:\w+:)?rFont\b[^>]*\bval="([^"]*)"/.exec(r[1]);
      runs.push({ text: texts(r[1]), font: font ? unescapeXml(font[1]) : null });
    }
    out.push(runs);
  }
  return out;
}

interface Style { date: boolean; font: string | null }

function styles(xml: string | null): Style[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId="(\d+)"/.exec(m[0]);
    const code = /formatCode="([^"]*)"/.exec(m[0]);
    if (id && code) custom.set(Number(id[1]), unescapeXml(code[1]));
  }
  const fontsXml = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml)?.[1] ?? '';
  const fonts = [...fontsXml.matchAll(/<(?:\w+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?font>)/g)].map((f) => {
    const n = /<(?:\w+:)?name\b[^>]*\bval="([^"]*)"/.exec(f[1] ?? '');
    return n ? unescapeXml(n[1]) : null;
  });
  const xfsXml = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfsXml.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((x) => {
    const fmt = Number(/numFmtId="(\d+)"/.exec(x[0])?.[1] ?? 0);
    const fontId = Number(/fontId="(\d+)"/.exec(x[0])?.[1] ?? 0);
    const code = custom.get(fmt);
    return { date: code !== undefined ? XLSX.SSF.is_date(code) : BUILTIN_DATE_FORMATS.has(fmt), font: fonts[fontId] ?? null };
  });
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function serialIso(serial: number, date1904: boolean): string | null {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = epoch + Math.round(serial * DAY);
  if (!Number.isFinite(t)) return null;
  return new Date(Math.round(t / DAY) * DAY).toISOString().slice(0, 10);
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export async function readXlsxFast(fileName: string, buf: Buffer, entries: ZipEntry[], onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[] | null> {
  const info = workbookInfo(buf, entries);
  if (!info || info.sheets.length === 0) return null;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const shared = sharedStrings(entryText(buf, byName.get('xl/sharedStrings.xml'), IMPORT_LIMITS.maxUncompressedBytes, fileName));
  const xfs = styles(entryText(buf, byName.get('xl/styles.xml')));
  const grids: SheetGrid[] = [];
  for (const meta of info.sheets) {
    const entry = byName.get(`xl/${meta.target}`);
    const xml = entry ? entryText(buf, entry, IMPORT_LIMITS.maxUncompressedBytes, fileName) : null;
    if (xml === null) return null;
    const rows: (GridRow | undefined)[] = [];
    let lastRow = 0;
    for (const m of xml.matchAll(CELL)) {
      const attrs = m[1];
      const ref = /\br="([A-Z]+)(\d+)"/.exec(attrs);
      if (!ref) return null; // cells without references: leave it to exceljs
      const row = Number(ref[2]);
      const col = colIndex(ref[1]);
      checkRowLimit(fileName, meta.name, row);
      checkColLimit(fileName, meta.name, col, row);
      const body = m[2];
      if (body === undefined) continue;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const style = xfs[Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0)];
      const font = style?.font ?? null;
      const vm = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
      let cell: GridCell | undefined;
      if (type === 'inlineStr') cell = { v: decodeLegacyText(texts(body), font) };
      else if (!vm) cell = /<(?:\w+:)?f\b/.test(body) ? { v: null, formulaNoValue: true } : undefined;
      else if (type === 's') {
        const s = shared[Number(vm[1])];
        if (s === undefined) return null;
        cell = { v: typeof s === 'string' ? decodeLegacyText(s, font) : s.map((r) => decodeLegacyText(r.text, r.font ?? font)).join('') };
      } else if (type === 'str') cell = { v: decodeLegacyText(unescapeXml(vm[1]), font) };
      else if (type === 'b') cell = { v: vm[1] === '1' };
      else if (type === 'e') cell = undefined;
      else if (type === 'd') { const iso = vm[1].slice(0, 10); cell = { v: iso, date: iso }; }
      else {
        const n = Number(vm[1]);
        if (!Number.isFinite(n)) cell = { v: unescapeXml(vm[1]) };
        else if (style?.date) { const iso = serialIso(n, info.date1904); cell = iso ? { v: iso, date: iso } : { v: n }; }
        else cell = { v: n };
      }
      if (!cell) continue;
      checkCellSize(fileName, meta.name, row, col, cell);
      const r = (rows[row - 1] ??= []);
      r[col - 1] = cell;
      if (onSheet && row - lastRow >= 5000) { lastRow = row; await onSheet(grids.length, info.sheets.length, row); }
    }
    grids.push({ name: meta.name, hidden: meta.hidden, rows, date1904: info.date1904 });
    if (onSheet) await onSheet(grids.length, info.sheets.length);
  }
  return grids;
}
