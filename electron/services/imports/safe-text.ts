/** Names and file names made safe to store and to print (issue 16: ESC, CR, bidi overrides forging output). */

const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name as the app stores and shows it: control and direction characters replaced by "_", NFC. */
export function safeFileName(name: string): string {
  const clean = name.normalize('NFC').replace(CONTROL_OR_BIDI, '_').trim();
  return clean || 'tệp không tên';
}

const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: line breaks and tabs kept, every other control character (ESC sequences,
 * carriage returns that overwrite a line, bidi overrides) shown as a visible \uXXXX escape — the
 * same escape JSON uses, so JSON output stays valid JSON.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A record keyed by sheet name, read safely: a sheet named "__proto__", "constructor" or
 * "hasOwnProperty" is a sheet like any other, never a property of Object.prototype.
 */
export function bySheet<T>(record: Record<string, T> | undefined, sheet: string): T | undefined {
  return record && Object.hasOwn(record, sheet) ? record[sheet] : undefined;
}

/** An empty record for sheet-keyed values: writing "__proto__" creates a key, not a prototype. */
export function sheetRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
