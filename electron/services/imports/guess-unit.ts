/**
 * Guesses the sending unit of a list from everything the file says: its title rows ("UBND PHƯỜNG
 * CHI LĂNG", "CÔNG AN THÀNH PHỐ LẠNG SƠN"), its sheet names, its file name with the abbreviations
 * offices use ("CATP", "P.Vinh Trai", "HND bo sung"), the addresses of its people, and earlier
 * imports of the same list. Names are compared by key (shared/domain/units), aliases included.
 * The guess carries a confidence; an existing unit always wins over a new one from a file name.
 */
import type { ServiceContext } from '../context';
import { q, sql } from '../../db/query';
import type { SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';
import { capitalizeWords, collapseSpaces, foldVietnamese, nfc } from '../../../shared/domain/text';
import { expandUnitName, findUnitIn, unitForms, unitKeyWords, type UnitForm } from '../../../shared/domain/units/unit-names';
import { unitNameIndex } from '../units/units';

export interface UnitGuess {
  unitId: number | null;
  proposedName: string | null;
  reason: string;
  /** 0..1: how sure the guess is. `import --unit auto` applies a guess only from AUTO_APPLY_CONFIDENCE on. */
  confidence: number;
  /** The units that fitted, best first (for the screen to offer). */
  candidates: { unitId: number; unitName: string; score: number }[];
}

/** From this confidence on a guess may be applied without asking. */
export const AUTO_APPLY_CONFIDENCE = 0.7;

const ORG_START = /^(ubnd|ủy ban|uỷ ban|công an|hội|đoàn|thành đoàn|tỉnh đoàn|trường|trung tâm|bệnh viện|công ty|phòng|chi cục|cục|sở|liên đoàn|mặt trận|ban chỉ huy|bộ chỉ huy|xã|phường|thị trấn|thôn|khối|đảng ủy|đảng uỷ|chi hội|chi đoàn|ngân hàng|viện|học viện|đại học|cao đẳng)\s/i;
const NOT_ORG = /cộng hòa|cộng hoà|độc lập|danh sách|bcđ|ban chỉ đạo|kèm theo|^\(|tổng|đợt/i;
const IN_TITLE = /\b(xã|phường|thị trấn|trường)\s+([\p{L}\s]+?)(?=\s*[-–,(\d]|\s+(đợt|năm|tháng)\b|$)/iu;
/** Words of a file name that say nothing about the unit. */
const STOP = new Set(['ds', 'danh', 'sach', 'dang', 'ky', 'dk', 'hmtn', 'hien', 'mau', 'bo', 'sung', 'bosung', 'dot', 'dot1', 'dot2', 'nam', 'cbcs', 'dvtn', 'vc', 'nld', 'hoi', 'vien', 'tn', 'list', 'final', 'moi', 'ban', 'copy', 'of', 'sheet', 'tong', 'hop', 'cbgvnv', 'cnvcld', 'hs', 'tinh', 'nguyen', 'gui', 'kem', 'theo', 'ke', 'hoach']);
const GENERIC_SHEET = /^(sheet\s*\d*|trang tính\s*\d*|ds|danh sách|tổng hợp|bổ sung|data|list|\d+)$/iu;

function tidyName(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, '');
  return expandUnitName(t);
}

/** The issuing body written at the top of the list, if any. */
export function titleCandidate(sheets: SheetAnalysis[]): string | null {
  const first = sheets.find((s) => !s.skipped);
  if (!first) return null;
  let org: string | null = null;
  for (const line of first.titleRows) {
    for (const part of line.split(/\s+[—–-]\s+/)) {
      const p = part.trim();
      if (ORG_START.test(p + ' ') && !NOT_ORG.test(p)) org = p; // the last one is the most specific
    }
  }
  if (org) return tidyName(org);
  for (const line of first.titleRows) {
    const m = IN_TITLE.exec(line);
    if (m) return tidyName(`${m[1]} ${m[2]}`);
  }
  return null;
}

/** The words of a file name that may name a unit ("HVT_bosung.csv" → hvt). */
export function fileStem(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return foldVietnamese(base).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w)).join(' ');
}

type Source = 'title' | 'sheet' | 'file' | 'address' | 'history';
const SOURCE_LABEL: Record<Source, string> = { title: 'tiêu đề', sheet: 'tên trang tính', file: 'tên tệp', address: 'địa chỉ của người đăng ký', history: 'lần nhập trước' };
const SOURCE_WEIGHT: Record<Source, number> = { title: 1, sheet: 0.9, file: 0.9, address: 0.8, history: 0.8 };

interface Evidence {
  unitId: number;
  source: Source;
  score: number;
  text: string;
}

/** "chắc chắn" / "khá chắc" / "chưa chắc" with a percentage, as the screen and the CLI say it. */
export function confidenceText(c: number): string {
  const word = c >= 0.85 ? 'chắc chắn' : c >= AUTO_APPLY_CONFIDENCE ? 'khá chắc' : 'chưa chắc';
  return `${word} (${Math.round(c * 100)}%)`;
}

/** Restores the diacritics of a name guessed from a plain file name, from a text of the file that writes it ("Dong Kinh" → "Đông Kinh"). */
function withDiacritics(plain: string, texts: string[]): string {
  const target = foldVietnamese(plain);
  if (!target) return plain;
  for (const t of texts) {
    const words = nfc(collapseSpaces(t)).split(/[\s,;()–—-]+/u).filter(Boolean);
    const n = target.split(' ').length;
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (foldVietnamese(phrase) === target && phrase !== foldVietnamese(phrase)) return capitalizeWords(phrase);
    }
  }
  return plain;
}

export async function guessUnit(ctx: ServiceContext, fileName: string, sheets: SheetAnalysis[]): Promise<UnitGuess> {
  const units = unitNameIndex(ctx.data.read);
  const forms = new Map<number, UnitForm[]>(units.map((u) => [u.id, unitForms(u.names)]));
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const evidence: Evidence[] = [];
  const look = (source: Source, text: string, opts: { initials?: boolean } = {}) => {
    const words = unitKeyWords(text);
    if (!words.length) return;
    for (const u of units) {
      const hit = findUnitIn(words, forms.get(u.id)!, opts);
      if (hit) evidence.push({ unitId: u.id, source, score: hit.weight * SOURCE_WEIGHT[source], text });
    }
  };
  const used = sheets.filter((s) => !s.skipped);
  for (const s of used) for (const line of s.titleRows) for (const part of line.split(/\s+—\s+/)) look('title', part);
  for (const s of used) if (!GENERIC_SHEET.test(s.sheet.trim())) look('sheet', s.sheet);
  const base = fileName.replace(/\.[^.]+$/, '');
  look('file', base, { initials: true });

  // The people's addresses: a commune list mostly says "…, phường Hoàng Văn Thụ".
  const addresses = used.flatMap((s) => s.people.map((p) => p.values.address).filter((a): a is string => !!a));
  if (addresses.length >= 3) {
    const keyed = addresses.slice(0, 400).map((a) => unitKeyWords(a));
    for (const u of units) {
      const full = forms.get(u.id)!.filter((f) => f.weight === 1 && /^(xa|phuong|thi)$/.test(f.words[0]));
      if (!full.length) continue;
      const n = keyed.filter((k) => findUnitIn(k, full)).length;
      if (n / keyed.length >= 0.5) evidence.push({ unitId: u.id, source: 'address', score: SOURCE_WEIGHT.address * Math.min(1, n / keyed.length + 0.2), text: `${n}/${keyed.length} địa chỉ` });
    }
  }

  // An earlier list of the same stem ("HVT_dot1" then "HVT_bosung") went to a unit.
  const stem = fileStem(fileName);
  if (stem) {
    const past = ctx.data.read.all(q.selectFrom('import_batches').select(['unit_id', 'file_name']).where('unit_id', 'is not', null).where('status', '=', 'committed').orderBy('id', 'desc').limit(sql.lit(500)));
    const hit = past.find((b) => fileStem(b.file_name) === stem && b.unit_id !== null && nameOf.has(b.unit_id));
    if (hit) evidence.push({ unitId: hit.unit_id!, source: 'history', score: SOURCE_WEIGHT.history, text: hit.file_name });
  }
  const sigs = used.map((s) => s.signature).filter(Boolean);
  if (sigs.length && !evidence.length) {
    const m = ctx.data.read.get(q.selectFrom('column_mappings').select('unit_id').where('header_signature', 'in', sigs).where('unit_id', 'is not', null).orderBy('updated_at', 'desc'));
    if (m?.unit_id && nameOf.has(m.unit_id)) evidence.push({ unitId: m.unit_id, source: 'history', score: 0.5, text: 'cùng tiêu đề cột' });
  }

  // Per unit: the best piece of evidence, plus a little for each other source that agrees.
  const perUnit = new Map<number, { best: Evidence; sources: Set<Source>; score: number }>();
  for (const e of evidence) {
    const cur = perUnit.get(e.unitId);
    if (!cur) perUnit.set(e.unitId, { best: e, sources: new Set([e.source]), score: e.score });
    else {
      if (e.score > cur.best.score) cur.best = e;
      cur.sources.add(e.source);
    }
  }
  for (const v of perUnit.values()) {
    const others = [...v.sources].filter((s) => s !== v.best.source).length;
    v.score = Math.min(1, v.best.score + 0.1 * others);
  }
  const ranked = [...perUnit.entries()].sort((a, b) => b[1].score - a[1].score);
  // One sheet per village of a commune: the villages and the commune all fit; the list is the commune's.
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const isAncestor = (a: number, b: number) => {
    for (let cur = parentOf.get(b) ?? null, guard = 0; cur !== null && guard < 50; cur = parentOf.get(cur) ?? null, guard++) if (cur === a) return true;
    return false;
  };
  if (ranked.length > 1) {
    const tied = ranked.filter(([, v]) => v.score >= ranked[0][1].score - 0.05);
    const root = tied.find(([id]) => tied.every(([other]) => other === id || isAncestor(id, other)));
    if (root && tied.length > 1) {
      ranked.splice(ranked.indexOf(root), 1);
      ranked.unshift(root);
      for (const [id] of tied) if (id !== root[0]) ranked.splice(ranked.findIndex(([x]) => x === id), 1);
    }
  }
  const candidates = ranked.slice(0, 5).map(([id, v]) => ({ unitId: id, unitName: nameOf.get(id)!, score: Math.round(v.score * 100) / 100 }));
  if (ranked.length) {
    const [id, top] = ranked[0];
    const second = ranked[1]?.[1];
    let confidence = top.score;
    let reason = `Theo ${[...top.sources].map((s) => SOURCE_LABEL[s]).join(', ')} ("${top.best.text}")`;
    // The only unit the file fits at all ("Dong Kinh 2026" and nothing else named Đông Kinh).
    if (!second) confidence = Math.min(1, confidence + 0.05);
    if (second && second.score >= top.score - 0.05) {
      confidence = Math.min(confidence, 0.5);
      reason += `; cũng có thể là "${nameOf.get(ranked[1][0])}"`;
    }
    confidence = Math.round(confidence * 100) / 100;
    return { unitId: id, proposedName: null, reason: `${reason} — ${confidenceText(confidence)}`, confidence, candidates };
  }

  // No known unit fits: propose a new one, named in full and with diacritics.
  const title = titleCandidate(sheets);
  if (title) {
    const name = expandUnitName(title);
    return { unitId: null, proposedName: name, reason: `Đơn vị mới theo tiêu đề "${title}" — ${confidenceText(0.7)}`, confidence: 0.7, candidates };
  }
  const kept = base
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}.&]+/u)
    .filter((w) => w && !STOP.has(foldVietnamese(w)) && !/^\d+$/.test(w));
  if (!kept.length) return { unitId: null, proposedName: null, reason: 'Chưa đoán được đơn vị', confidence: 0, candidates };
  const texts = [...used.flatMap((s) => s.titleRows), ...used.map((s) => s.sheet), ...addresses.slice(0, 200)];
  const expanded = expandUnitName(kept.join(' '));
  const whole = withDiacritics(expanded, texts);
  const name = whole !== expanded ? whole : restoreTail(expanded, texts);
  return { unitId: null, proposedName: name, reason: `Đơn vị mới theo tên tệp "${fileName}" — ${confidenceText(0.4)}; hãy kiểm tra tên đơn vị`, confidence: 0.4, candidates };
}

/** "Phường Dong Kinh": keeps the written-out type word and restores the proper name from the file's texts. */
function restoreTail(name: string, texts: string[]): string {
  const words = name.split(' ');
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    const r = withDiacritics(tail, texts);
    if (r !== tail) return [...words.slice(0, i), r].join(' ');
  }
  return name;
}

/**
 * `import --unit auto` never applies an unsure guess: the list is imported without a unit and this
 * note says what was guessed, how sure, and how to choose. Null when the guess is sure enough.
 */
export function unsureGuessNote(g: UnitGuess): string | null {
  if (g.confidence >= AUTO_APPLY_CONFIDENCE) return null;
  const guess = g.unitId !== null ? `"${g.candidates.find((c) => c.unitId === g.unitId)?.unitName ?? g.unitId}"` : g.proposedName ? `đơn vị mới "${g.proposedName}"` : 'không đoán được';
  return `Chưa gán đơn vị vì chưa chắc danh sách của đơn vị nào (đoán: ${guess}; ${g.reason}). Hãy nhập lại với --unit SỐ_ĐƠN_VỊ --replace (xem số bằng lệnh: units list).`;
}

/** "Đơn vị: Phường Chi Lăng (theo tiêu đề …— chắc chắn (100%))": what `--unit auto` applied and why. */
export function appliedGuessNote(g: UnitGuess): string {
  const name = g.unitId !== null ? g.candidates.find((c) => c.unitId === g.unitId)?.unitName : g.proposedName ? `${g.proposedName} (đơn vị mới)` : null;
  return name ? `Đơn vị: ${name} — ${g.reason.charAt(0).toLocaleLowerCase('vi')}${g.reason.slice(1)}.` : 'Chưa gán đơn vị.';
}
