import type { TDocumentDefinitions, BufferOptions, TCreatedPdf, TFontDictionary } from 'pdfmake/interfaces';
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
  const def = nfcDeep(doc);
  def.defaultStyle = { font: FONT_FAMILY, ...(def.defaultStyle ?? {}) };
  return pdfmake.createPdf(def).getBuffer();
}
