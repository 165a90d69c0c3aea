import type { Content } from 'pdfmake/interfaces';
import { classifyLine, parseInline } from '../../../../shared/domain/documents/template';
import { MM } from './page';

const INDENT = 10 * MM;

type Run = { text: string; bold?: boolean; italics?: boolean; noWrap?: boolean };

/**
 * pdfmake may break (and, when justifying, stretch) after "/" and "-": "02/KH-BCĐ" or "17/6/2024"
 * would print as "02/ KH- BCĐ". Such tokens are kept whole.
 */
export function keepTokensWhole(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    for (const part of r.text.split(/(\S*\S[/\-–]\S+)/)) {
      if (!part) continue;
      out.push(/\S[/\-–]\S/.test(part) && !/\s/.test(part) ? { ...r, text: part, noWrap: true } : { ...r, text: part });
    }
  }
  return out;
}

/** Editable body text → justified paragraphs with first-line indent, bold headings, italic runs kept. */
export function bodyText(text: string, opts: { italics?: boolean } = {}): Content[] {
  const out: Content[] = [];
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const kind = classifyLine(raw);
    if (kind === 'blank') continue;
    const runs = keepTokensWhole(parseInline(raw.trim()));
    const base = { alignment: 'justify' as const, leadingIndent: INDENT, margin: [0, 3, 0, 3] as [number, number, number, number], italics: opts.italics };
    if (kind === 'heading') out.push({ ...base, text: runs.map((r) => ({ ...r, bold: true })), margin: [0, 6, 0, 3] });
    else if (kind === 'subheading') out.push({ ...base, text: runs.map((r) => ({ ...r, bold: r.bold ?? isShortTitle(raw) })) });
    else out.push({ ...base, text: runs });
  }
  return out;
}

/** "1. Mục đích" is a title (bold); "1. Thời gian: 6 giờ 30…" is a sentence (the label part only would do, keep it plain). */
function isShortTitle(line: string): boolean {
  return !line.includes(':') && line.trim().length <= 90;
}
