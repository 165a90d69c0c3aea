import type { Content, TDocumentDefinitions, BufferOptions, TCreatedPdf, TFontDictionary } from 'pdfmake/interfaces';
import { loadFontBuffers } from './fonts';

/** pdfmake 0.3 in Node is a configured singleton; only the members used here are typed. */
interface PdfMakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions, options?: BufferOptions): TCreatedPdf;
}

export const FONT_FAMILY = 'Tinos';

let engine: PdfMakeNode | null = null;

/** Loads pdfmake once: fonts from memory (its virtual file system), no URL and no local file access. */
function getEngine(): PdfMakeNode {
  if (engine) return engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfmake = require('pdfmake') as PdfMakeNode;
  const fonts = loadFontBuffers();
  const names = { normal: 'vfs-tinos-regular.ttf', bold: 'vfs-tinos-bold.ttf', italics: 'vfs-tinos-italic.ttf', bolditalics: 'vfs-tinos-bolditalic.ttf' };
  for (const k of Object.keys(names) as (keyof typeof names)[]) pdfmake.virtualfs.writeFileSync(names[k], fonts[k]);
  pdfmake.setFonts({ [FONT_FAMILY]: { ...names } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  engine = pdfmake;
  return engine;
}

/** Deep NFC of every string in a document definition (text that came from anywhere). */
function nfcDeep<T>(v: T): T {
  if (typeof v === 'string') return v.normalize('NFC') as T;
  if (Array.isArray(v)) return v.map(nfcDeep) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = nfcDeep(x);
    return o as T;
  }
  return v;
}

/** Renders a document definition to PDF bytes in this thread. Fonts are re-registered per call (pdfmake mutates them). */
export async function renderInline(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = getEngine();
  pdfmake.setFonts({
    [FONT_FAMILY]: { normal: 'vfs-tinos-regular.ttf', bold: 'vfs-tinos-bold.ttf', italics: 'vfs-tinos-italic.ttf', bolditalics: 'vfs-tinos-bolditalic.ttf' },
  });
  const def = nfcDeep(doc) as SectionedDocument;
  def.defaultStyle = { font: FONT_FAMILY, ...(def.defaultStyle ?? {}) };
  const sections = !!def.sectionPageNumbers;
  delete def.sectionPageNumbers;
  const tails = findTails(def);
  if (sections || tails.size) {
    // pdfmake draws headers before it reports where nodes landed: a first layout finds each section's
    // first page, and the tables whose last rows (kept with their total) moved to a new page.
    const m = await measure(pdfmake, structuredCloneDoc(def));
    if (sections) def.header = sectionHeader(m.starts);
    for (const [key, node] of tails) {
      const end = m.at.get(`${TAIL_ID}${key}-end`);
      const start = m.at.get(`${TAIL_ID}${key}-start`);
      // The rows moved on their own: they start the page, so they get the column headings again.
      if (end !== undefined && start !== undefined && start > end && node.ghRepeatHead) {
        node.table.body.unshift(node.ghRepeatHead);
        node.table.headerRows = 1;
      }
    }
    pdfmake.setFonts({
      [FONT_FAMILY]: { normal: 'vfs-tinos-regular.ttf', bold: 'vfs-tinos-bold.ttf', italics: 'vfs-tinos-italic.ttf', bolditalics: 'vfs-tinos-bolditalic.ttf' },
    });
  }
  return pdfmake.createPdf(def).getBuffer();
}

/**
 * A document of several sections (one unit's list each) whose page numbers restart per section:
 * each section's first node carries an id starting with SECTION_ID; its page is page 1 of the
 * section (unnumbered, as Nghị định 30 wants), the next ones 2, 3…. Plain data (no function), so
 * it crosses to the PDF worker; the header is made here, after pdfmake has placed every node.
 */
export const SECTION_ID = 'gh-section-';
export type SectionedDocument = TDocumentDefinitions & { sectionPageNumbers?: boolean };

/** A copy for the measuring pass (pdfmake decorates the definition it lays out). */
function structuredCloneDoc(def: TDocumentDefinitions): TDocumentDefinitions {
  return nfcDeep(def);
}

/** Ids of the rows around a table's kept-together tail (see table-total.ts). */
export const TAIL_ID = 'gh-tail-';
interface TailNode {
  table: { body: unknown[]; headerRows?: number };
  ghTailKey?: string;
  ghRepeatHead?: unknown;
}

function findTails(def: TDocumentDefinitions): Map<string, TailNode> {
  const out = new Map<string, TailNode>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.ghTailKey === 'string' && o.table) out.set(o.ghTailKey, o as unknown as TailNode);
      for (const k of ['content', 'stack', 'columns']) if (o[k]) walk(o[k]);
    }
  };
  walk(def.content);
  return out;
}

async function measure(pdfmake: PdfMakeNode, def: TDocumentDefinitions): Promise<{ starts: Set<number>; at: Map<string, number> }> {
  const starts = new Set<number>([1]);
  const at = new Map<string, number>();
  def.pageBreakBefore = (node) => {
    if (typeof node.id === 'string') {
      if (node.id.startsWith(SECTION_ID)) starts.add(node.startPosition.pageNumber);
      if (node.id.startsWith(TAIL_ID)) at.set(node.id, node.startPosition.pageNumber);
    }
    return false;
  };
  await pdfmake.createPdf(def).getBuffer();
  return { starts, at };
}

function sectionHeader(starts: Set<number>) {
  const sorted = [...starts].sort((a, b) => a - b);
  return (currentPage: number): Content => {
    let first = 1;
    for (const s of sorted) if (s <= currentPage) first = s;
    const local = currentPage - first + 1;
    return local < 2 ? { text: '' } : { text: String(local), alignment: 'center', fontSize: 13, margin: [0, 9 * (72 / 25.4), 0, 0] };
  };
}
