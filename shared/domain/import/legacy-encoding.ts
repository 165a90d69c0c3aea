/**
 * Legacy Vietnamese 8-bit encodings found in old Excel files, decoded to NFC Unicode.
 * TCVN3 (ABC, fonts .VnTime/.VnTimeH) and VNI-Windows (fonts VNI-…) store their bytes as the
 * Latin-1 characters of the same codes, so a cell reads as "NguyÔn" or "Nguyeãn".
 */

const TCVN3_CODES: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

/** Decodes TCVN3 text. `upperFont` for the .VnTimeH family, whose lower-case codes show as capitals. */
export function decodeTcvn3(s: string, upperFont = false): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c <= 0xff && TCVN3_CODES[c] ? TCVN3_CODES[c] : ch;
  }
  out = out.normalize('NFC');
  return upperFont ? out.toLocaleUpperCase('vi') : out;
}

const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323';
const CIRC = '\u0302', BREVE = '\u0306', HORN = '\u031b';

/** Tone marks after a, e, o, u, y, ơ, ư. */
const PLAIN_TONES: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** Circumflex (alone or with a tone) after a, e, o. */
const CIRC_TONES: Record<string, string> = { â: '', á: ACUTE, à: GRAVE, å: HOOK, ã: TILDE, ä: DOT };
/** Breve (alone or with a tone) after a. */
const BREVE_TONES: Record<string, string> = { ê: '', é: ACUTE, è: GRAVE, ú: HOOK, ü: TILDE, ë: DOT };
/** Single characters standing for a whole letter. */
const VNI_LETTERS: Record<string, string> = {
  í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ', ñ: 'đ', ô: 'ơ', ö: 'ư',
  Í: 'Í', Ì: 'Ì', Æ: 'Ỉ', Ó: 'Ĩ', Ò: 'Ị', Î: 'Ỵ', Ñ: 'Đ', Ô: 'Ơ', Ö: 'Ư',
};

function lookup(table: Record<string, string>, ch: string | undefined): string | undefined {
  if (ch === undefined) return undefined;
  const lower = ch.toLowerCase();
  return Object.prototype.hasOwnProperty.call(table, lower) ? table[lower] : undefined;
}

/** Decodes VNI-Windows text (base letter followed by mark characters). */
export function decodeVni(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const base = ch.toLowerCase();
    const next = chars[i + 1];
    if (base === 'a' || base === 'e' || base === 'o') {
      const circ = lookup(CIRC_TONES, next);
      if (circ !== undefined) { out += ch + CIRC + circ; i++; continue; }
      if (base === 'a') {
        const br = lookup(BREVE_TONES, next);
        if (br !== undefined) { out += ch + BREVE + br; i++; continue; }
      }
    }
    if ('aeouy'.includes(base) && base !== '') {
      const t = lookup(PLAIN_TONES, next);
      if (t !== undefined) { out += ch + t; i++; continue; }
      out += ch;
      continue;
    }
    const letter = VNI_LETTERS[ch];
    if (letter !== undefined) {
      if (ch === 'ô' || ch === 'Ô' || ch === 'ö' || ch === 'Ö') {
        const t = lookup(PLAIN_TONES, next);
        out += (ch === 'ô' ? 'o' : ch === 'Ô' ? 'O' : ch === 'ö' ? 'u' : 'U') + HORN + (t ?? '');
        if (t !== undefined) i++;
        continue;
      }
      out += letter;
      continue;
    }
    out += ch;
  }
  return out.normalize('NFC');
}

export type LegacyEncoding = 'tcvn3' | 'tcvn3-upper' | 'vni' | null;

/** The legacy encoding a font name implies: .VnTime → TCVN3, .VnTimeH → TCVN3 capitals, VNI-… → VNI. */
export function encodingFromFont(font: string | undefined | null): LegacyEncoding {
  if (!font) return null;
  const f = font.trim();
  if (/^\.?vn/i.test(f) && f.startsWith('.')) return /h$/i.test(f) ? 'tcvn3-upper' : 'tcvn3';
  if (/^vni[-\s_]/i.test(f)) return 'vni';
  return null;
}

// Letters of modern Vietnamese text within Latin-1; anything else there hints at a legacy encoding.
const VIET_LATIN1 = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý']);

/** How plausible a text is as Vietnamese words (higher is better); used to pick a decoding. */
export function vietnameseScore(s: string): number {
  let score = 0;
  for (const word of s.split(/[\s,.;:()/\-]+/)) {
    if (!word) continue;
    const nfd = word.normalize('NFD');
    const tones = (nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length;
    const folded = nfd.replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (/[^a-z0-9]/.test(folded)) { score -= 2; continue; }
    if (tones > 1) { score -= 1; continue; }
    if (/^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/.test(folded)) score += 1;
  }
  return score;
}

/** A vowel followed by a VNI mark character: possible VNI text even without foreign letters. */
const VNI_PATTERN = /[aeouyAEOUYôÔöÖ][ùøûõïÙØÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]/;

/** True when the text holds Latin-1 characters that modern Vietnamese never uses. */
export function hasLegacyMarkers(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xa1 && c <= 0xff && !VIET_LATIN1.has(ch)) return true;
  }
  return false;
}

/**
 * Decodes one cell's text. With a font name the font decides; without one (CSV, fonts lost) a
 * cell with legacy markers is decoded by whichever encoding reads as more plausible Vietnamese.
 */
export function decodeLegacyText(s: string, font?: string | null): string {
  const enc = encodingFromFont(font);
  if (enc === 'tcvn3') return decodeTcvn3(s);
  if (enc === 'tcvn3-upper') return decodeTcvn3(s, true);
  if (enc === 'vni') return decodeVni(s);
  if (!hasLegacyMarkers(s) && !VNI_PATTERN.test(s)) return s.normalize('NFC');
  const candidates = [s, decodeTcvn3(s), decodeVni(s)];
  let best = s.normalize('NFC');
  let bestScore = vietnameseScore(s);
  for (const c of candidates.slice(1)) {
    const sc = vietnameseScore(c);
    if (sc > bestScore) { best = c; bestScore = sc; }
  }
  return best;
}
