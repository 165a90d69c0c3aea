/**
 * Unit names as plans and lists write them: "P. Vĩnh Trại", "CATP", "Hội ND TP", "Phòng GD&ĐT",
 * "UBND PHƯỜNG CHI LĂNG". One table of abbreviations turns every spelling into one key (folded,
 * abbreviations expanded) so that names can be compared, and into a readable name (with diacritics)
 * when a new unit is created. Pure: used by the quota reader, the unit import and the list → unit guess.
 */
import { collapseSpaces, foldVietnamese, nfc } from '../text';

/** One abbreviation rule on folded words. `key` is what the words mean; `display` replaces them in a new name (null = keep as written). */
export interface AbbreviationRule {
  from: readonly string[];
  key: readonly string[];
  display: string | null;
  /** Only when another word follows ("P. Vĩnh Trại", not a lone "P"). */
  notLast?: boolean;
  /** Only as the first word of the name. */
  first?: boolean;
}

const w = (s: string) => s.split(' ');
const rule = (from: string, key: string, display: string | null, opts: { notLast?: boolean; first?: boolean } = {}): AbbreviationRule => ({ from: w(from), key: w(key), display, ...opts });

const PN = 'hoi lien hiep phu nu';
const GD = 'phong giao duc va dao tao';
const TN = 'doan thanh nien';

/**
 * The abbreviations offices write. Longest first within a start word does not matter: the matcher
 * always takes the longest rule that fits. Extend here (with a test) or per unit with aliases.
 */
export const UNIT_ABBREVIATIONS: readonly AbbreviationRule[] = [
  rule('uy ban nhan dan', 'ubnd', null),
  rule('ubnd', 'ubnd', 'UBND'),
  rule('p', 'phuong', 'Phường', { notLast: true }),
  rule('x', 'xa', 'Xã', { notLast: true }),
  rule('tt y te', 'trung tam y te', 'Trung tâm Y tế'),
  rule('ttyt', 'trung tam y te', 'Trung tâm Y tế'),
  rule('tyt', 'tram y te', 'Trạm Y tế'),
  rule('tt', 'thi tran', 'Thị trấn', { notLast: true }),
  rule('tp', 'thanh pho', 'thành phố'),
  rule('tx', 'thi xa', 'thị xã'),
  rule('catp', 'cong an thanh pho', 'Công an thành phố'),
  rule('ca', 'cong an', 'Công an', { notLast: true, first: true }),
  rule('ldld', 'lien doan lao dong', 'Liên đoàn Lao động'),
  rule('lien doan ld', 'lien doan lao dong', 'Liên đoàn Lao động'),
  rule('hoi lhpn', PN, 'Hội LHPN'),
  rule('hlhpn', PN, 'Hội LHPN'),
  rule('lhpn', PN, 'Hội LHPN'),
  rule('hoi lien hiep phu nu', PN, null),
  rule('lien hiep phu nu', PN, 'Hội Liên hiệp Phụ nữ'),
  rule('hoi phu nu', PN, null),
  rule('hoi pn', PN, 'Hội Phụ nữ'),
  rule('hoi nd', 'hoi nong dan', 'Hội Nông dân'),
  rule('hnd', 'hoi nong dan', 'Hội Nông dân'),
  rule('hoi ccb', 'hoi cuu chien binh', 'Hội Cựu chiến binh'),
  rule('hccb', 'hoi cuu chien binh', 'Hội Cựu chiến binh'),
  rule('doan tncs ho chi minh', TN, null),
  rule('doan thanh nien cong san ho chi minh', TN, null),
  rule('doan tn', TN, 'Đoàn Thanh niên'),
  rule('dtn', TN, 'Đoàn Thanh niên'),
  rule('thanh doan', `${TN} thanh pho`, null),
  rule('tinh doan', `${TN} tinh`, null),
  rule('huyen doan', `${TN} huyen`, null),
  rule('phong gd va dt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('phong gd dt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('phong gddt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('phong giao duc va dao tao', GD, null),
  rule('phong giao duc', GD, null),
  rule('pgd va dt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('pgd dt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('pgddt', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('pgd', GD, 'Phòng Giáo dục và Đào tạo'),
  rule('gd va dt', 'giao duc va dao tao', 'Giáo dục và Đào tạo'),
  rule('gd dt', 'giao duc va dao tao', 'Giáo dục và Đào tạo'),
  rule('gddt', 'giao duc va dao tao', 'Giáo dục và Đào tạo'),
  rule('bvdk', 'benh vien da khoa', 'Bệnh viện Đa khoa'),
  rule('bv', 'benh vien', 'Bệnh viện'),
  rule('truong thpt', 'thpt', null),
  rule('truong trung hoc pho thong', 'thpt', null),
  rule('trung hoc pho thong', 'thpt', null),
  rule('ptth', 'thpt', 'Trường THPT'),
  rule('thpt', 'thpt', 'Trường THPT', { first: true }),
  rule('truong thcs', 'thcs', null),
  rule('truong trung hoc co so', 'thcs', null),
  rule('trung hoc co so', 'thcs', null),
  rule('thcs', 'thcs', 'Trường THCS', { first: true }),
  rule('truong tieu hoc', 'tieu hoc', null),
  rule('truong th', 'tieu hoc', 'Trường Tiểu học', { notLast: true }),
  rule('th', 'tieu hoc', 'Trường Tiểu học', { notLast: true, first: true }),
  rule('tieu hoc', 'tieu hoc', 'Trường Tiểu học', { first: true }),
  rule('truong mam non', 'mam non', null),
  rule('truong mn', 'mam non', 'Trường Mầm non', { notLast: true }),
  rule('mn', 'mam non', 'Trường Mầm non', { notLast: true, first: true }),
  rule('mttq', 'mat tran to quoc', 'Mặt trận Tổ quốc'),
  rule('ub mttq', 'uy ban mat tran to quoc', 'Ủy ban MTTQ'),
  rule('bchqs', 'ban chi huy quan su', 'Ban Chỉ huy Quân sự'),
  rule('cty', 'cong ty', 'Công ty'),
  rule('cty cp', 'cong ty co phan', 'Công ty Cổ phần'),
  rule('cong ty cp', 'cong ty co phan', 'Công ty Cổ phần'),
  rule('hctd', 'hoi chu thap do', 'Hội Chữ thập đỏ'),
  rule('hoi ctd', 'hoi chu thap do', 'Hội Chữ thập đỏ'),
  rule('bhxh', 'bao hiem xa hoi', 'Bảo hiểm xã hội'),
  rule('kbnn', 'kho bac nha nuoc', 'Kho bạc Nhà nước'),
  rule('vksnd', 'vien kiem sat nhan dan', 'Viện Kiểm sát nhân dân'),
  rule('tand', 'toa an nhan dan', 'Tòa án nhân dân'),
  rule('cdcs', 'cong doan co so', 'Công đoàn cơ sở'),
];

/** Words naming a level of government after which a place name follows ("thành phố Lạng Sơn"). */
const LEVELS = [w('thanh pho'), w('tinh'), w('huyen'), w('thi xa'), w('quan')];
/** Words naming a unit's type before its proper name ("Xã Mai Pha", "THPT Việt Bắc"). */
const TYPES = [w('xa'), w('phuong'), w('thi tran'), w('thpt'), w('thcs'), w('tieu hoc'), w('mam non'), w('truong'), w('thon'), w('khoi'), w('to dan pho')];

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/** The name as read: NFC, one space between words, "ThanhDoan" split into "Thanh Doan". */
function source(name: string): string {
  return nfc(collapseSpaces(name)).replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** Splits a name into words: "P.Tam Thanh" → P, Tam, Thanh; "GD&ĐT" → GD, &, ĐT; "ThanhDoan" → Thanh, Doan. */
function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+|&|\+/gu)) {
    const text = m[0];
    out.push({ text, folded: text === '&' || text === '+' ? 'va' : foldVietnamese(text), start: m.index!, end: m.index! + text.length });
  }
  return out;
}

function startsAt(words: readonly string[], at: number, seq: readonly string[]): boolean {
  if (at + seq.length > words.length) return false;
  for (let i = 0; i < seq.length; i++) if (words[at + i] !== seq[i]) return false;
  return true;
}

interface Expanded {
  key: string[];
  /** The name with its abbreviations written out, everything else (punctuation included) as written. */
  display: string;
}

function expand(name: string, extra: readonly AbbreviationRule[] = []): Expanded {
  const s = source(name);
  const tokens = tokenize(s);
  const words = tokens.map((t) => t.folded);
  const rules = [...extra, ...UNIT_ABBREVIATIONS];
  const key: string[] = [];
  let display = '';
  let pos = 0;
  let afterAbbreviation = false;
  for (let i = 0; i < words.length; ) {
    let best: AbbreviationRule | null = null;
    for (const r of rules) {
      if (!startsAt(words, i, r.from)) continue;
      if (r.notLast && i + r.from.length >= words.length) continue;
      if (r.first && i !== 0) continue;
      if (!best || r.from.length > best.from.length) best = r;
    }
    const n = best ? best.from.length : 1;
    const first = tokens[i];
    const last = tokens[i + n - 1];
    let sep = s.slice(pos, first.start);
    // "P.Tam Thanh", "P. Vĩnh Trại": the abbreviation's dot goes with it.
    if (afterAbbreviation && /^\.\s*$/.test(sep)) sep = ' ';
    const written = s.slice(first.start, last.end);
    const standaloneAnd = n === 1 && (first.text === '&' || first.text === '+');
    display += sep + (best?.display ?? (standaloneAnd ? 'và' : written.replace(/\s*&\s*/g, ' và ')));
    afterAbbreviation = !!best?.display;
    key.push(...(best ? best.key : [words[i]]));
    pos = last.end;
    i += n;
  }
  display += s.slice(pos);
  // "UBND phường X" is the commune itself.
  for (let i = 0; i < key.length; i++) {
    if (key[i] === 'ubnd' && TYPES.slice(0, 3).some((t) => startsAt(key, i + 1, t))) key.splice(i--, 1);
  }
  return { key, display: display.replace(/[\s.,;:–-]+$/u, '').replace(/\s+/g, ' ').trim() };
}

/** The comparison key of a unit name: folded, abbreviations expanded ("P. Vĩnh Trại" → "phuong vinh trai"). */
export function unitKey(name: string, extra: readonly AbbreviationRule[] = []): string {
  return expand(name, extra).key.join(' ');
}

/** The words of a unit key, for searching inside longer texts (titles, file names). */
export function unitKeyWords(text: string, extra: readonly AbbreviationRule[] = []): string[] {
  return expand(text, extra).key;
}

/** How office style writes the common words of unit names (administrative levels in lower case). */
const CASED_PHRASES = [
  'Hội Liên hiệp Phụ nữ', 'Hội Nông dân', 'Hội Cựu chiến binh', 'Liên đoàn Lao động', 'Trung tâm Y tế', 'Trạm Y tế', 'Bệnh viện Đa khoa',
  'Đoàn Thanh niên', 'Công an', 'Phòng Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân', 'Mặt trận Tổ quốc', 'Ban Chỉ huy Quân sự',
  'Cộng sản', 'thành phố', 'tỉnh', 'huyện', 'thị xã', 'quận', 'xã', 'phường', 'thị trấn', 'Tiểu học', 'Mầm non',
];

/** "UBND", "TNCS", "LĐLĐ", "GD&ĐT": kept in capitals (Vietnamese words always have a vowel; these mostly do not). */
function isAcronym(word: string): boolean {
  const f = foldVietnamese(word.replace(/[.,;:()]/g, ''));
  return f.length > 0 && (!/[aeiouy]/.test(f) || /^(ubnd|lhpn|mttq|hdnd|catp|ttyt|bvdk|ub)$/.test(f));
}

/**
 * The name to give a new unit from the way a table wrote it: abbreviations written out, diacritics
 * kept, capitals only where a name has them ("P. Vĩnh Trại" → "Phường Vĩnh Trại", "CATP" → "Công an
 * thành phố", "UBND PHƯỜNG CHI LĂNG" → "Phường Chi Lăng").
 */
export function expandUnitName(name: string): string {
  let src = nfc(collapseSpaces(name));
  // A name written in capitals ("UBND PHƯỜNG CHI LĂNG") is shown with each word capitalised, acronyms kept.
  const letters = src.replace(/[^\p{L}]/gu, '');
  if (letters.length > 4 && letters === letters.toLocaleUpperCase('vi')) {
    src = src
      .split(' ')
      .map((word) => (isAcronym(word) ? word : word.charAt(0) + word.slice(1).toLocaleLowerCase('vi')))
      .join(' ');
  }
  const { display } = expand(src);
  const cased = (t: string) => {
    const words = t.split(' ');
    const folded = words.map((x) => foldVietnamese(x));
    for (const phrase of CASED_PHRASES) {
      const pw = phrase.split(' ');
      const pf = pw.map((x) => foldVietnamese(x));
      for (let i = 0; i + pw.length <= words.length; i++) {
        // Same words, only the case differs (never "Dân" for "dần").
        if (pf.every((f, j) => folded[i + j] === f && words[i + j].toLocaleLowerCase('vi') === pw[j].toLocaleLowerCase('vi'))) words.splice(i, pw.length, ...pw);
      }
    }
    return words.join(' ');
  };
  // "UBND Phường X" → "Phường X"
  let out = cased(display).replace(/^UBND\s+(?=(Xã|Phường|Thị trấn)\b)/iu, '');
  out = out.replace(/\s+/g, ' ').trim();
  // A type word at the start is capitalised ("xã Mai Pha" → "Xã Mai Pha").
  return out.charAt(0).toLocaleUpperCase('vi') + out.slice(1);
}

function indexOfSeq(words: readonly string[], seq: readonly string[], from = 0): number {
  for (let i = from; i + seq.length <= words.length; i++) if (startsAt(words, i, seq)) return i;
  return -1;
}

/** How a unit may be written, with how much a match on that form proves. */
export interface UnitForm {
  words: string[];
  weight: number;
  /** The form leaves out the level ("Công an" for "Công an thành phố"): it must not be followed by another level ("Công an tỉnh"). */
  levelDropped?: boolean;
  /** The form is the proper name without its type ("Vĩnh Trại"): it must not follow another type ("THPT Hoàng Văn Thụ"). */
  core?: boolean;
  /** Initials of the proper name ("HVT"): only worth something in a file name. */
  initials?: boolean;
}

export function typeWordsOf(key: readonly string[]): readonly string[] | null {
  return TYPES.find((t) => startsAt(key, 0, t)) ?? null;
}

/** The forms of one unit name (and its aliases) to look for in a title, a sheet name or a file name. */
export function unitForms(names: readonly string[], extra: readonly AbbreviationRule[] = []): UnitForm[] {
  const forms: UnitForm[] = [];
  const add = (f: UnitForm) => {
    if (f.words.length === 0) return;
    const j = f.words.join(' ');
    const same = forms.find((x) => x.words.join(' ') === j);
    if (same) same.weight = Math.max(same.weight, f.weight);
    else forms.push(f);
  };
  for (const name of names) {
    const key = unitKeyWords(name, extra);
    if (key.length === 0) continue;
    add({ words: key, weight: 1 });
    for (const level of LEVELS) {
      const i = indexOfSeq(key, level, 1);
      if (i <= 0) continue;
      if (i + level.length < key.length) add({ words: key.slice(0, i + level.length), weight: 0.95 });
      const head = key.slice(0, i);
      if (head.length >= 2 && !(typeWordsOf(head)?.length === head.length)) add({ words: head, weight: 0.85, levelDropped: true });
      break;
    }
    const type = typeWordsOf(key);
    if (type) {
      const core = key.slice(type.length);
      if (core.length >= 2 && !LEVELS.some((l) => startsAt(core, 0, l))) {
        add({ words: core, weight: 0.75, core: true });
        // Initials only from three words on: "HVT" is Hoàng Văn Thụ, but "ĐK" is "đăng ký" more often than Đông Kinh.
        if (core.length >= 3) add({ words: [core.map((x) => x[0]).join('')], weight: 0.6, initials: true, core: true });
      }
    }
  }
  return forms;
}

export interface FormHit {
  weight: number;
  length: number;
}

/** The best match of a unit's forms inside a text's key words, or null. */
export function findUnitIn(words: readonly string[], forms: readonly UnitForm[], opts: { initials?: boolean } = {}): FormHit | null {
  let best: FormHit | null = null;
  for (const f of forms) {
    if (f.initials && !opts.initials) continue;
    for (let i = indexOfSeq(words, f.words); i >= 0; i = indexOfSeq(words, f.words, i + 1)) {
      const after = i + f.words.length;
      // "Công an tỉnh", "Hội Nông dân xã Mai Pha": another level, another organisation.
      if (f.levelDropped && [...LEVELS, ...TYPES.slice(0, 3)].some((l) => startsAt(words, after, l))) continue;
      if (f.core) {
        // "THPT Hoàng Văn Thụ" is not "Phường Hoàng Văn Thụ"; "đường Hoàng Văn Thụ" is a street.
        const before = words.slice(0, i);
        const typeBefore = TYPES.some((t) => t.length <= before.length && startsAt(before, before.length - t.length, t)) || before[before.length - 1] === 'duong' || before[before.length - 1] === 'pho';
        if (typeBefore) continue;
      }
      const hit = { weight: f.weight, length: f.words.length };
      if (!best || hit.weight > best.weight || (hit.weight === best.weight && hit.length > best.length)) best = hit;
    }
  }
  return best;
}

/** Candidates for one name: each known unit scored by how well the name fits it (1 = same key). */
export function rankUnitMatches<T extends { id: number; names: readonly string[] }>(name: string, units: readonly T[]): { unit: T; score: number }[] {
  const key = unitKeyWords(name).join(' ');
  const theirs = unitForms([name]).filter((f) => !f.initials);
  const out: { unit: T; score: number }[] = [];
  for (const u of units) {
    let score = 0;
    for (const f of unitForms(u.names)) if (!f.initials && f.words.join(' ') === key) score = Math.max(score, f.weight);
    // The other way round: the table writes more than the unit's name ("Công an thành phố Lạng Sơn" for "Công an thành phố").
    for (const n of u.names) {
      const k = unitKeyWords(n).join(' ');
      for (const f of theirs) if (f.words.join(' ') === k) score = Math.max(score, f.weight * 0.95);
    }
    if (score > 0) out.push({ unit: u, score: Math.round(score * 100) / 100 });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** True when a label is the table's own total ("Cộng", "Tổng cộng", "Tổng số"), not a unit like "Công an…" or "Cộng đồng…". */
export function isTotalLabel(label: string): 'strict' | 'loose' | null {
  const f = foldVietnamese(label).replace(/[:.\-–]+\s*$/, '').trim();
  if (/^(tong cong|tong so|tong|cong|cong chung|tong chung|cong toan bo|tong toan bo)$/.test(f)) return 'strict';
  if (/^(tong cong|tong so|cong)\b/.test(f) && !/^cong (an|doan|dong|ty|hoa|nghiep|thuong|trinh|nhan|chuc|vien)\b/.test(f)) return 'loose';
  return null;
}
