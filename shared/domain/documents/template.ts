/** Editable document text with placeholders like {{ten_dot}} filled from the campaign. */

export type TemplateValues = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/gi;

/** Replaces every {{key}}; unknown or empty keys become "…" so the gap is visible on paper. */
export function fillTemplate(text: string, values: TemplateValues): string {
  const filled = text.normalize('NFC').replace(PLACEHOLDER, (_m, key: string) => {
    const v = values[key.toLowerCase()];
    return v === null || v === undefined || v === '' ? '…' : String(v).normalize('NFC');
  });
  return sayYearOnce(filled);
}

/** "…năm 2026 năm 2026" (a campaign named with its year, then "năm {{nam}}") → "…năm 2026". */
export function sayYearOnce(text: string): string {
  return text.replace(/(năm\s+((?:19|20)\d{2}))(?:[\s”"*]*\s+năm\s+\2)+/gu, (m, first: string) => (/[”"]/.test(m) ? m.replace(/\s+năm\s+\d{4}$/u, '') : first));
}

/** A document's text ends with "./." (Nghị định 30: the end of the content). */
export function endWithClosingMark(text: string): string {
  const t = text.replace(/\s+$/u, '');
  if (!t || /\.\/\.(\*{1,2})?$/u.test(t)) return t;
  const m = /^([\s\S]*?)[.;:,]?(\*{1,2})?$/u.exec(t)!;
  return `${m[1]}./.${m[2] ?? ''}`;
}

/** Placeholders in the text that have no value (to warn the clerk before printing). */
export function missingPlaceholders(text: string, values: TemplateValues): string[] {
  const missing = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const v = values[m[1].toLowerCase()];
    if (v === null || v === undefined || v === '') missing.add(m[1].toLowerCase());
  }
  return [...missing];
}

export type TemplateLineKind = 'heading' | 'subheading' | 'bullet' | 'paragraph' | 'blank';

/**
 * How the body text is laid out: "I. MỤC ĐÍCH" is a heading, "1. Mục đích" a sub-heading,
 * "- …" a bullet line, anything else a justified paragraph with a first-line indent.
 */
export function classifyLine(line: string): TemplateLineKind {
  const t = line.trim();
  if (!t) return 'blank';
  if (/^[IVXLC]+\.\s/.test(t)) return 'heading';
  if (/^\d+(\.\d+)*\.?\s/.test(t) && t.length <= 120) return 'subheading';
  if (/^[-+–•]\s/.test(t)) return 'bullet';
  return 'paragraph';
}

export interface InlineRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

/** Splits **bold** and *italic* marks into runs. */
export function parseInline(line: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of line.matchAll(re)) {
    if (m.index! > last) runs.push({ text: line.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: m[2], italics: true });
    last = m.index! + m[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last) });
  return runs.length ? runs : [{ text: '' }];
}
